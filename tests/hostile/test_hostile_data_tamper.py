"""Item 6: `check` sees the data — rows changed, added or deleted outside the stores are reported by table and id."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage.core.checks import run_checks
from storage.core.db import Database
from storage.core.installation import open_database
from storage.core.tracking import install_change_triggers
from tests.helpers import run_cli

_TEMPLATE: dict[str, Path] = {}


@pytest.fixture
def demo(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Database:
    """A small demo village (built once per session, copied), checked clean."""
    if "demo" not in _TEMPLATE:
        folder = tmp_path_factory.mktemp("demo-template")
        assert run_cli(["--db", str(folder / "d.db"), "demo", "--households", "4"])[0] == 0
        _TEMPLATE["demo"] = folder
    target = tmp_path / "d"
    shutil.copytree(_TEMPLATE["demo"], target)
    db = open_database(target / "d.db")
    assert run_checks(db) == []
    return db


def _one(db: Database, sql: str) -> str:
    return str(db.conn.execute(sql).fetchone()[0])


def _reported(db: Database, table: str, row_id: str) -> list[str]:
    problems = run_checks(db)
    assert any(table in p and row_id in p for p in problems), problems
    return problems


def test_a_villager_edited_with_the_triggers_silenced(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM villagers WHERE id_number != '' LIMIT 1")
    demo.conn.execute("DROP TRIGGER trg_villagers_log_update")
    demo.conn.execute("UPDATE villagers SET id_number = '110101199001011234' WHERE id = ?", (row_id,))
    with demo.atomic():
        install_change_triggers(demo, "villagers")  # even with the triggers back in place
    _reported(demo, "villagers", row_id)


def test_a_user_made_admin_outside_the_program(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM users WHERE role != 'admin' LIMIT 1")
    demo.conn.execute("UPDATE users SET role = 'admin' WHERE id = ?", (row_id,))
    _reported(demo, "users", row_id)


def test_a_user_added_or_deleted_outside_the_program(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM users WHERE role != 'admin' LIMIT 1")
    demo.conn.execute("DELETE FROM users WHERE id = ?", (row_id,))
    demo.conn.execute("INSERT INTO users(id, username, display_name, role, password_hash, created_at, updated_at) "
                      "VALUES('intruder', 'intruder', 'x', 'admin', 'scrypt$1$1$1$a$b', '', '')")
    problems = _reported(demo, "users", row_id)
    assert any("intruder" in p and "添加" in p for p in problems)


def test_a_black_list_entry_deleted(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM list_entries LIMIT 1")
    demo.conn.execute("DELETE FROM list_entries WHERE id = ?", (row_id,))
    _reported(demo, "list_entries", row_id)


def test_a_finalised_meeting_edited_with_the_guards_lifted(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM meetings WHERE status = 'final' LIMIT 1")
    demo.conn.execute("INSERT INTO sync_applying(bundle_id) VALUES('x')")  # silences triggers and guards
    demo.conn.execute("UPDATE meetings SET place = place || '（改）' WHERE id = ?", (row_id,))
    demo.conn.execute("DELETE FROM sync_applying")
    _reported(demo, "meetings", row_id)


def test_a_change_log_row_edited(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM villagers LIMIT 1")
    demo.conn.execute("DROP TRIGGER trg_change_log_no_update")
    demo.conn.execute("UPDATE change_log SET row_json = json_set(row_json, '$.name', '假名') WHERE seq = "
                      "(SELECT max(seq) FROM change_log WHERE table_name = 'villagers' AND row_id = ?)", (row_id,))
    demo.conn.execute("CREATE TRIGGER trg_change_log_no_update BEFORE UPDATE ON change_log "
                      "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END")
    _reported(demo, "villagers", row_id)


def test_a_row_digest_edited(demo: Database) -> None:
    demo.conn.execute("DROP TRIGGER trg_audit_row_digests_no_update")
    demo.conn.execute("UPDATE audit_row_digests SET digest = 'x' WHERE id = (SELECT max(id) FROM audit_row_digests)")
    assert any("行摘要" in p for p in run_checks(demo))


def test_the_command_line_reports_it(demo: Database) -> None:
    row_id = _one(demo, "SELECT id FROM users WHERE role != 'admin' LIMIT 1")
    demo.conn.execute("UPDATE users SET role = 'admin' WHERE id = ?", (row_id,))
    code, out, err = run_cli(["--db", str(demo.path), "check"])
    assert code == 1 and row_id in out + err


def test_a_row_received_from_a_village_edited_at_the_township(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rows another node wrote have no local change-log entry; the version the import applied is the record."""
    from tests.sync.conftest import export, import_, write_notes
    [row_id, other] = write_notes(pair.village, 2)
    import_(pair.township, export(pair.village, pair.stick))
    assert run_checks(pair.township) == []
    pair.township.conn.execute("INSERT INTO sync_applying(bundle_id) VALUES('x')")
    pair.township.conn.execute("UPDATE notes SET title = '改过' WHERE id = ?", (row_id,))
    pair.township.conn.execute("DELETE FROM notes WHERE id = ?", (other,))
    pair.township.conn.execute("DELETE FROM sync_applying")
    problems = run_checks(pair.township)
    assert any(row_id in p and "改动" in p for p in problems) and any(other in p and "删除" in p for p in problems)
