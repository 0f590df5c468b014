"""Items 2 and 12: the audit anchor cannot be switched off, a cut tail shows, the township witnesses the chain,
and a restore on a new PC ends with a clean `check` once the keys are back."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.village import Mode
from models.sync.bundles import BundleRefused
from storage.core.audit import append_audit
from storage.core.backups import write_backup
from storage.core.checks import run_checks
from storage.core.db import Database, connect
from tests.helpers import run_cli
from tests.sync.conftest import Pair, copied_node, export, import_, state


def _audit(db: Database, count: int, what: str = "user add") -> None:
    with db.atomic():
        for i in range(count):
            append_audit(db, COMMAND_LINE_ACTOR, "create", "users", f"u{i}", f"{what} {i}")


def _cut_tail(db: Database, entries: int, drop_head: bool = True) -> None:
    """What a hostile user at the PC can do without the key: silence the trigger, cut, drop the head."""
    db.conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    last = db.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    db.conn.execute("DELETE FROM audit_log WHERE seq > ?", (last - entries,))
    if drop_head:
        db.conn.execute("DELETE FROM meta WHERE key = 'audit_head'")


@pytest.fixture
def village(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return copied_node(tmp_path_factory, tmp_path / "v" / "v.sqlite3", Mode.VILLAGE)


def test_a_cut_tail_with_the_head_removed_is_reported(village: Database) -> None:
    _audit(village, 5)
    assert run_checks(village) == []
    _cut_tail(village, 5)
    problems = run_checks(village)
    assert any("audit_head" in p for p in problems), problems


def test_the_head_signs_a_running_count(village: Database) -> None:
    _audit(village, 3)
    seq, _, count, _, _ = village.meta("audit_head").split("|")
    assert int(count) == village.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == int(seq)


def test_an_entry_deleted_under_the_head_is_counted(village: Database) -> None:
    _audit(village, 4)
    village.conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    village.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    assert any("应有" in p for p in run_checks(village))


def test_an_old_style_head_still_verifies(village: Database) -> None:
    """A database signed before this change (seq|hash|signature) checks clean until its next entry."""
    import base64

    from storage.core.node import key_file_for, load_keys
    seq, entry_hash = village.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    key = load_keys(key_file_for(village.path)).signing
    signature = key.sign(f"xiangyue-audit-head|{village.node_id}|{seq}|{entry_hash}".encode()).signature
    village.set_meta("audit_head", f"{seq}|{entry_hash}|{base64.b64encode(signature).decode()}")
    assert run_checks(village) == []


def test_backups_carry_the_signed_head(village: Database, tmp_path: Path) -> None:
    _audit(village, 2)
    copy = connect(write_backup(village, tmp_path / "bk"), village.key)
    assert copy.meta("audit_head") == village.meta("audit_head")


def test_the_township_witnesses_a_cut_and_rewritten_chain(pair: Pair) -> None:
    _audit(pair.village, 4)
    import_(pair.township, export(pair.village, pair.stick))
    _cut_tail(pair.village, 2)
    _audit(pair.village, 2, "rewritten")  # seq numbers reused with other content, head signed again
    before = state(pair.township)
    with pytest.raises(BundleRefused, match="审计日志"):
        import_(pair.township, export(pair.village, pair.stick))
    assert state(pair.township) == before


def test_a_restore_on_a_new_pc_ends_with_a_clean_check(tmp_path: Path) -> None:
    original, restored = tmp_path / "a" / "x.db", tmp_path / "new-pc" / "r.db"
    original.parent.mkdir()
    restored.parent.mkdir()
    assert run_cli(["--db", str(original), "demo", "--households", "3"])[0] == 0
    assert run_cli(["--db", str(original), "backup", "--to", str(tmp_path / "bk")])[0] == 0
    assert run_cli(["--db", str(original), "sync", "backup-keys", "--out", str(tmp_path / "k")],
                   "passphrase-1\n")[0] == 0
    [backup] = (tmp_path / "bk").glob("*.sqlite3")
    code, _, err = run_cli(["--db", str(restored), "restore", str(backup)])
    assert code == 0, err
    code, _, err = run_cli(["--db", str(restored), "sync", "restore-keys", str(tmp_path / "k")], "passphrase-1\n")
    assert code == 0, err
    code, out, err = run_cli(["--db", str(restored), "check"])
    assert code == 0, out + err
