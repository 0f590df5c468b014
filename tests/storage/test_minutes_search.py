"""Chinese full-text search: trigram for 3+ characters, LIKE for 1–2, hits marked; triggers survive migrations."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from models.core.accounts import Actor
from models.minutes.followups import FollowUpStatus
from models.minutes.quorum import Tally
from models.minutes.meetings import AgendaItem, VoteMethod
from storage.core.db import Database
from models.minutes.ports import MeetingStore
from storage.core.backend import build_stores
from storage.core.backend import build_stores
from storage.migrations import migrations
from storage.minutes.search import highlight, install_search_triggers, search
from tests.models.meeting_fixtures import complete_meeting

ITEMS = (AgendaItem("低保户民主评议", discussion="王五：张家因病致贫，应纳入低保。", resolution="同意 3 户纳入低保",
                    resolution_owner="村委会", resolution_due=date(2026, 4, 30), tally=Tally(28, 1, 1),
                    vote_method=VoteMethod.SHOW_OF_HANDS),
         AgendaItem("医保缴费动员", discussion="李四：外出务工人员请家人代缴医保。"))


@pytest.fixture
def store(village_db: Database, admin: Actor) -> MeetingStore:
    return build_stores(village_db, admin).meetings


@pytest.mark.parametrize("query, hits", [
    ("低保户", 1), ("低保", 1), ("医保", 1), ("保", 2), ("因病致贫", 1), ("民主评议 低保", 1), ("退耕还林", 0),
    ("村文化", 0), ("2026-代", 1),
])
def test_search_in_chinese(store: MeetingStore, query: str, hits: int) -> None:
    store.create(complete_meeting(items=ITEMS))
    found = store.search(query)
    assert len(found) == hits
    for hit in found:
        assert "【" in hit.snippet


def test_hits_are_highlighted_and_results_follow_edits(store: MeetingStore) -> None:
    meeting = store.get(store.create(complete_meeting(items=ITEMS)).id)
    first = [h for h in store.search("低保") if h.kind == "item"][0]
    assert "【低保】" in first.snippet and first.number == "2026-代-01"
    store.save_draft(dataclasses.replace(meeting, items=meeting.items[1:]))
    assert store.search("低保") == [] and store.search("低保户") == []
    assert len(store.list_meetings(text="医保")) == 1 and store.list_meetings(text="低保") == []


def test_follow_ups_and_progress_are_searchable(store: MeetingStore, village_db: Database,
                                               admin: Actor) -> None:
    meeting = store.finalise(store.create(complete_meeting(items=ITEMS[:1])).id, True, True)
    follow_ups = build_stores(village_db, admin).follow_ups
    item = follow_ups.list_follow_ups(meeting.id)[0]
    follow_ups.record_progress(item.id, date(2026, 4, 2), FollowUpStatus.IN_PROGRESS, "已报乡民政办审批")
    assert {h.kind for h in store.search("民政办")} == {"progress"}
    assert "follow_up" in {h.kind for h in store.search("低保户民主")}


def test_search_still_works_after_every_migration(tmp_path) -> None:
    """Insert after each migration step from the search index on, then search (transform() drops triggers)."""
    names = [step.name for step in migrations.steps]
    start = names.index("m031_create_minutes_search")
    for index, name in enumerate(names[start:], start=start):
        db = Database(tmp_path / f"{name}.sqlite3")
        stop = names[index + 1] if index + 1 < len(names) else None
        migrations.apply(db, stop_before=stop)
        with db.atomic():
            db.execute("INSERT INTO meetings(id, owner, hlc, created_at, updated_at, number, year, seq, type_code,"
                       " date, place) VALUES('m1', 'n', '1', 'x', 'x', '2026-代-01', 2026, 1, "
                       "'representatives_meeting', '2026-03-12', '青石村文化广场')")
        assert [h.meeting_id for h in search(db, "文化广场")] == ["m1"], name
        assert [h.meeting_id for h in search(db, "广场")] == ["m1"], name


def _rebuild(db: Database, table: str) -> None:
    """A table rebuilt as a schema step that changes a column's type would do it (SQLite's 12 steps)."""
    sql, = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    indexes = [r[0] for r in db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                             "AND sql IS NOT NULL", (table,))]
    db.execute(sql.replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_new", 1))
    db.execute(f"INSERT INTO {table}_new SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute("PRAGMA legacy_alter_table = ON")  # other tables' triggers name it in their bodies
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    db.execute("PRAGMA legacy_alter_table = OFF")
    for index in indexes:
        db.execute(index)


def test_a_table_rebuild_drops_search_triggers_and_reinstalling_restores_them(tmp_path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    migrations.apply(db)
    _rebuild(db, "meetings")
    row = ("INSERT INTO meetings(id, owner, hlc, created_at, updated_at, number, year, seq, type_code, date, place) "
           "VALUES(?, 'n', '1', 'x', 'x', ?, 2026, ?, 'representatives_meeting', '2026-03-12', '青石村文化广场')")
    db.execute(row, ["m1", "2026-代-01", 1])
    assert search(db, "文化广场") == []
    install_search_triggers(db)
    db.execute(row, ["m2", "2026-代-02", 2])
    assert [h.meeting_id for h in search(db, "文化广场")] == ["m2"]


@pytest.mark.parametrize("text, terms, marked", [
    ("同意纳入低保", ["低保"], "同意纳入【低保】"),
    ("低保低保", ["低保"], "【低保低保】"),
    ("abc ABC", ["abc"], "【abc】 【ABC】"),
])
def test_highlight(text: str, terms: list[str], marked: str) -> None:
    assert highlight(text, terms) == marked


def test_short_terms_at_the_end_of_a_text_and_the_like_path(store: MeetingStore, monkeypatch) -> None:
    import storage.minutes.search as module
    store.create(complete_meeting(items=(AgendaItem("通报", discussion="x", resolution_owner="民政"),)))
    assert [h.kind for h in store.search("民政")] == ["item"] and [h.kind for h in store.search("政")] == ["item"]
    assert store.search("缺水") == []
    monkeypatch.setattr(module, "MAX_EXPANSION", 0)  # every short term counts as common: LIKE scan
    assert [h.kind for h in store.search("民政")] == ["item"] and "【民政】" in store.search("民政")[0].snippet
    assert [h.kind for h in store.search("通报 民政")] == ["item"]


def test_progress_note_arriving_before_its_follow_up_is_indexed_when_it_comes(db: Database) -> None:
    """A sync import applies rows in change-log order: a follow-up edited after its progress note comes later."""
    from storage.core.tracking import insert_synced

    with db.atomic():
        insert_synced(db, "follow_up_events", {"id": "e1", "follow_up_id": "f1", "on_date": "2026-03-01",
                                               "status": "in_progress", "note": "已联系施工队修水渠"})
        assert db.conn.execute("SELECT COUNT(*) FROM search_documents").fetchone()[0] == 0
        insert_synced(db, "follow_ups", {"id": "f1", "meeting_id": "m1", "meeting_type": "villagers_meeting",
                                         "title": "修水渠", "status": "in_progress"})
    docs = dict(db.conn.execute("SELECT ref_id, meeting_id FROM search_documents").fetchall())
    assert docs == {"e1": "m1", "f1": "m1"}


def test_meeting_list_filter_walks_meetings_for_a_common_term_with_the_same_rows(store: MeetingStore,
                                                                                 monkeypatch) -> None:
    """A common term (会, 村) is checked meeting by meeting, newest first, instead of collecting every match
    (issue 17): the pages it gives are the ones the collected ids give, in the list's order."""
    import storage.minutes.search as module
    for day in range(1, 10):
        item = AgendaItem("村道硬化" if day % 3 else "医保缴费", discussion=f"第{day}次讨论")
        store.create(complete_meeting(on=date(2026, 3, day), items=(item,)))

    def pages(text: str) -> list[list[str]]:
        return [[m.number for m in store.list_meetings(text=text, offset=at, limit=2)] for at in (0, 2, 4, 6)]

    collected = {text: pages(text) for text in ("村道", "硬化", "村道 讨论", "医保")}
    monkeypatch.setattr(module, "COMMON", -1)  # every term counts as common: the walk
    assert {text: pages(text) for text in collected} == collected
    dates = [m.on.day for m in store.list_meetings(text="村道", offset=0, limit=10)]
    assert dates == [8, 7, 5, 4, 2, 1] and collected["医保"][0] == [m.number for m in store.list_meetings(
        text="医保", limit=2)]
    assert store.list_meetings(text="村道 不存在", limit=5) == [] and store.count_meetings(text="村道") == 6
