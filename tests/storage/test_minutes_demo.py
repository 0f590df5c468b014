"""The minutes demo: every meeting type, follow-ups in every state, deterministic, added only once."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from models.minutes.types import BUILTIN_TYPES
from storage.core.db import Database
from storage.demo import DemoOptions, run_demo
from storage.core.installation import open_database


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


def test_demo_meetings_use_the_registry_villagers(tmp_path: Path, demo_copy: Callable[..., Database]) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR
    from models.minutes.expected import expected_attendance
    from storage.core.backend import build_stores

    db = demo_copy(tmp_path / "a.sqlite3", seed=11, households=120)
    stores = build_stores(db, COMMAND_LINE_ACTOR)
    facts, store = stores.registry_facts, stores.meetings
    summary = next(m for m in store.list_meetings(2026, "representatives_meeting"))
    meeting = store.get(summary.id)
    expected = expected_attendance(stores.meeting_types.type_spec(meeting.type_code), facts, meeting.on)
    assert meeting.expected == meeting.expected_computed == expected.expected
    assert {a.villager_id for a in meeting.attendees} == {p.villager_id for p in expected.roster}
    names = {r[0] for r in db.conn.execute("SELECT name FROM villagers")}
    assert meeting.host in names and meeting.recorder in names
    villagers = store.get(next(iter(store.list_meetings(2026, "villagers_meeting"))).id)
    assert villagers.expected == facts.adults_count(villagers.on)
    assert villagers.expected_households == facts.households_count(villagers.on)


def test_demo_items_have_speeches_and_roster_meetings_named_votes(tmp_path: Path, demo_copy: Callable[..., Database]) -> None:
    db = demo_copy(tmp_path / "a.sqlite3", seed=11, households=120)
    speeches = db.conn.execute("SELECT COUNT(*) FROM agenda_item_speeches WHERE deleted = 0").fetchone()[0]
    named = db.conn.execute("SELECT COUNT(DISTINCT m.type_code) FROM agenda_item_votes v "
                            "JOIN meetings m ON m.id = v.meeting_id WHERE v.deleted = 0").fetchone()[0]
    final_named = db.conn.execute("SELECT COUNT(DISTINCT v.item_id) FROM agenda_item_votes v JOIN meetings m "
                                  "ON m.id = v.meeting_id WHERE m.status = 'final'").fetchone()[0]
    assert speeches >= 3 * 10 and named >= 3 and final_named >= 3


def test_demo_has_convene_proposals_in_every_state(tmp_path: Path) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.core.backend import build_stores

    for households in (5,):
        db = open_database(tmp_path / f"{households}.sqlite3", must_exist=False)
        run_demo(db, DemoOptions(seed=3, households=households))
        proposals = build_stores(db, COMMAND_LINE_ACTOR).convene_proposals.proposals()
        assert sorted(p.status_label[:3] for p in proposals) == ["已召开", "应当召", "未达法"]
        assert any(p.overdue(date(2026, 12, 31)) for p in proposals)


def test_no_demo_meeting_lists_its_host_or_recorder_as_absent(tmp_path: Path) -> None:
    from models.core.accounts import COMMAND_LINE_ACTOR
    from models.minutes.meetings import AttendanceKind
    from storage.core.backend import build_stores

    for seed, households in ((11, 120), (7, 40)):
        db = open_database(tmp_path / f"{seed}.sqlite3", must_exist=False)
        run_demo(db, DemoOptions(seed=seed, households=households))
        store = build_stores(db, COMMAND_LINE_ACTOR).meetings
        for summary in store.list_meetings():
            meeting = store.get(summary.id)
            absent = {a.name for a in meeting.attendees if a.kind is AttendanceKind.ABSENT}
            assert meeting.host not in absent and meeting.recorder not in absent, meeting.number
