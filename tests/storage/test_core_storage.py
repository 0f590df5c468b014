"""Migrations, schema refusal, change log, audit chain and file checks on real SQLite files."""
from __future__ import annotations

from storage.core.driver import sqlite as sqlite3
from pathlib import Path

import pytest

from models.core.accounts import Actor, Role
from models.core.village import make_profile
from models.core.changes import Entity
from storage.core.audit import append_audit, verify_audit_chain
from storage.core.checks import run_checks
from storage.core.db import Database, DatabaseRefused
from storage.core.installation import initialise, is_initialised, open_database, open_memory_database
from storage.migrations import migrations
from storage.core.profile import SqliteProfileStore
from storage.core.tracking import synced_tables

ACTOR = Actor("u1", "李文书", Role.ADMIN)


def test_migrations_from_empty_and_twice_is_a_no_op(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3", must_exist=False)
    assert migrations.pending(db) == []
    assert migrations.apply(db) == []
    assert "village_profiles" in synced_tables(db)


def test_every_earlier_version_upgrades_to_the_current_one() -> None:
    for step in migrations.steps:
        db = Database(memory=True)
        migrations.apply(db, stop_before=step.name)
        assert migrations.pending(db)[0] == step.name
        migrations.apply(db)
        assert migrations.pending(db) == []


def test_pragmas_for_user_data(village_db: Database) -> None:
    assert village_db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert village_db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert village_db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_made_by_a_newer_version_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    first = open_database(path, must_exist=False)
    first.execute("INSERT INTO schema_migrations VALUES('m999_from_the_future', '2030-01-01')")
    first.conn.close()  # closing checkpoints the WAL now, not whenever the garbage collector gets to it
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [
    b"not a database at all" * 10,                                     # another kind of file
    b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 10 + b"\x00\x00\x00\x09" + b"\x00" * 100,  # header says 9 pages
    b"",                                                               # 0 bytes: a power cut during a copy
])
def test_non_sqlite_truncated_or_empty_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    with pytest.raises(DatabaseRefused):
        open_database(path, must_exist=False)
    assert path.read_bytes() == content


def test_truncated_copy_of_a_real_database_is_refused(village_db: Database, tmp_path: Path) -> None:
    village_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = Path(village_db.path).read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseRefused, match="不完整"):
        open_database(cut, key=village_db.key)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t(x)")
    with pytest.raises(DatabaseRefused, match="别的程序"):
        open_database(path)


def test_every_synced_write_lands_in_the_change_log(village_db: Database) -> None:
    store = SqliteProfileStore(village_db, ACTOR)
    changed = store.save(make_profile("青石村", "德化乡", "黎平县", "522631101202"))
    assert changed.entity == Entity.PROFILE and changed.id == village_db.conn.execute(
        "SELECT id FROM village_profiles WHERE deleted = 0").fetchone()[0]
    rows = village_db.conn.execute(
        "SELECT row_json FROM change_log WHERE table_name = 'village_profiles' ORDER BY seq").fetchall()
    assert len(rows) == 2
    assert '"code":"522631101202"' in rows[-1][0]
    # A write that bypasses the stores is logged too (triggers, DESIGN §2).
    with village_db.atomic():
        village_db.execute("UPDATE village_profiles SET county = '从江县', hlc = ?", [village_db.next_hlc()])
    assert village_db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 3
    assert run_checks(village_db) == []


def test_hlc_increases_across_transactions(village_db: Database) -> None:
    stamps = []
    for _ in range(3):
        with village_db.atomic():
            stamps.append(village_db.next_hlc())
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


def test_write_outside_a_transaction_is_a_programming_error(village_db: Database) -> None:
    with pytest.raises(RuntimeError):
        village_db.next_hlc()


def test_failed_transaction_leaves_nothing(village_db: Database) -> None:
    count = village_db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ZeroDivisionError):
        with village_db.atomic():
            append_audit(village_db, ACTOR, "create", "x", "1", "")
            raise ZeroDivisionError("fails after the write")
    assert village_db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == count


def test_audit_log_is_append_only_and_tampering_is_detected(village_db: Database) -> None:
    with village_db.atomic():
        for n in range(3):
            append_audit(village_db, ACTOR, "update", "households", f"h{n}", f"phone: 1 → {n}")
    assert verify_audit_chain(village_db) == []
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        village_db.execute("UPDATE audit_log SET summary = 'x' WHERE seq = 2")
    # Someone who drops the guard trigger and edits history is still caught by the chain.
    village_db.execute("DROP TRIGGER trg_audit_log_no_update")
    village_db.execute("UPDATE audit_log SET summary = '篡改' WHERE seq = 2")
    problems = verify_audit_chain(village_db)
    assert any("第 2 条" in p for p in problems)
    village_db.execute("DROP TRIGGER trg_audit_log_no_delete")
    village_db.execute("DELETE FROM audit_log WHERE seq = 3")
    assert any("缺少" in p for p in verify_audit_chain(village_db))
    assert run_checks(village_db) != []


def test_initialise_creates_node_keys_outside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite3"
    db = open_database(path, must_exist=False)
    assert not is_initialised(db)
    initialise(db, make_profile("青石村", "德化乡", "黎平县"), "admin", "secret123")
    assert is_initialised(db) and db.node_id.startswith("V-")
    keys = path.with_name("v.sqlite3.keys")
    assert keys.exists() and oct(keys.stat().st_mode & 0o777) == "0o600"
    assert b"signing_seed" not in path.read_bytes()
    with pytest.raises(DatabaseRefused, match="已经完成"):
        initialise(db, make_profile("青石村", "德化乡", "黎平县"), "admin2", "secret123")


def test_memory_database_for_tests() -> None:
    db = open_memory_database()
    assert migrations.pending(db) == []


def _tamper(db: Database, sql: str) -> None:
    db.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_update")
    db.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_delete")
    db.execute(sql)


def _rechain(db: Database) -> None:
    """What a careful forger does after editing: recompute every hash so the chain itself is consistent."""
    from models.core.audit import GENESIS_HASH, AuditEntry, chain_hash
    previous = GENESIS_HASH
    rows = db.conn.execute("SELECT seq, id, at, actor_id, actor_name, action, table_name, row_id, summary "
                           "FROM audit_log ORDER BY seq").fetchall()
    for row in rows:
        entry_hash = chain_hash(previous, AuditEntry(*row))
        db.execute("UPDATE audit_log SET previous_hash = ?, hash = ? WHERE seq = ?", [previous, entry_hash, row[0]])
        previous = entry_hash


def test_deleting_the_newest_audit_entries_is_detected(village_db: Database) -> None:
    with village_db.atomic():
        for n in range(4):
            append_audit(village_db, ACTOR, "update", "households", f"h{n}", "x")
    assert run_checks(village_db) == []
    _tamper(village_db, "DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)")
    assert verify_audit_chain(village_db) == []  # the remaining chain is consistent on its own
    assert any("最新的记录被删除" in p for p in run_checks(village_db))


def test_rewriting_and_rechaining_history_is_detected(village_db: Database, tmp_path: Path) -> None:
    from storage.core.backups import backup_dir_for, write_backup
    write_backup(village_db, backup_dir_for(village_db.path), "auto")
    _tamper(village_db, "UPDATE audit_log SET summary = '（被改写）' WHERE seq = 2")
    _rechain(village_db)
    assert verify_audit_chain(village_db) == []
    problems = run_checks(village_db)
    assert any("改写" in p for p in problems) and any("与备份" in p for p in problems), problems
