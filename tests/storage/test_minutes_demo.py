"""The minutes demo: every meeting type, follow-ups in every state, deterministic, added only once."""
from __future__ import annotations

from pathlib import Path

from models.meeting_types import BUILTIN_TYPES
from storage.demo import DemoOptions, run_demo
from storage.installation import open_database


def _snapshot(path: Path) -> tuple[list[tuple], list[tuple]]:
    db = open_database(path, must_exist=False)
    run_demo(db, DemoOptions(seed=11, households=120))
    meetings = db.conn.execute("SELECT number, type_code, date, present, status FROM meetings ORDER BY number").fetchall()
    states = db.conn.execute("SELECT status, evaluation, COUNT(*) FROM follow_ups GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    return meetings, states


def test_minutes_demo(tmp_path: Path) -> None:
    meetings, states = _snapshot(tmp_path / "a.sqlite3")
    assert _snapshot(tmp_path / "b.sqlite3") == (meetings, states)
    assert {m[1] for m in meetings} == set(BUILTIN_TYPES)
    assert {s[0] for s in states} == {"not_started", "in_progress", "done", "cancelled"}
    assert {s[1] for s in states if s[0] == "done"} == {"satisfied", "mostly_satisfied", "dissatisfied"}
    db = open_database(tmp_path / "a.sqlite3")
    options = DemoOptions(seed=11, households=120)
    run_demo(db, options)
    assert options.counts["meetings"] == 0
    stages = db.conn.execute("SELECT COUNT(*) FROM four_two_stages").fetchone()[0]
    assert stages == 10
