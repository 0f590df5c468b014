"""m011: change_log keeps every row and seq, loses AUTOINCREMENT, and refuses deletes and edits."""
from __future__ import annotations

from storage.core.driver import sqlite as sqlite3
from pathlib import Path

import pytest

from storage.core.checks import run_checks
from storage.core.db import Database
from storage.migrations import migrations

STEP = "m011_change_log_plain_rowid"


def _add_group(db: Database, row_id: str, hlc: str) -> None:
    with db.atomic():
        db.execute("INSERT INTO village_groups(id, owner, hlc, created_at, updated_at, name) "
                   "VALUES(?, 'n', ?, 'x', 'x', ?)", [row_id, hlc, f"第{row_id}组"])


def _log(db: Database) -> list[tuple]:
    return db.conn.execute("SELECT seq, table_name, row_id, hlc, row_json FROM change_log ORDER BY seq").fetchall()


def test_upgrade_keeps_every_logged_row_and_seq(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=STEP)
    for number in ("1", "2", "3"):
        _add_group(db, number, f"00{number}")
    before = _log(db)
    migrations.apply(db)
    assert _log(db) == before
    sql = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'change_log'").fetchone()[0]
    assert "AUTOINCREMENT" not in sql
    assert db.conn.execute("SELECT count(*) FROM sqlite_sequence WHERE name = 'change_log'").fetchone()[0] == 0
    _add_group(db, "4", "004")  # the triggers were reinstalled on the new table
    assert _log(db)[-1][:3] == (before[-1][0] + 1, "village_groups", "4")


@pytest.mark.parametrize("sql", ["DELETE FROM change_log WHERE seq = (SELECT max(seq) FROM change_log)",
                                 "UPDATE change_log SET row_json = '{}'"])
def test_change_log_is_append_only(village_db: Database, sql: str) -> None:
    """A deleted newest row would let max(seq) + 1 hand out a seq a peer has already seen."""
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with village_db.atomic():
            village_db.execute(sql)


def test_check_reports_a_missing_append_only_guard(village_db: Database) -> None:
    assert run_checks(village_db) == []
    village_db.execute("DROP TRIGGER trg_change_log_no_delete")
    assert any("只增不改" in problem for problem in run_checks(village_db))


def test_check_accepts_a_database_not_yet_upgraded(tmp_path: Path) -> None:
    """`check` never migrates: an older file (AUTOINCREMENT, no guard) is not reported for the missing guard."""
    db = Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=STEP)
    assert not any("只增不改" in problem for problem in run_checks(db))
