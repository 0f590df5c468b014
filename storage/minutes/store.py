"""SqliteMeetingStore: meeting records with year-based numbers, drafts, finalising and amendments."""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.minutes.meetings import (
    AgendaItem, Meeting, MeetingStatus, MeetingSummary, SearchHit, evaluate, with_counted_tally,
)
from models.minutes.ports import MeetingTypeStore
from models.minutes.quorum import check_quorum
from models.minutes.record import check_draft_edit, field_label, finalise, make_amendment, one_line
from models.minutes.types import MeetingTypeSpec, format_number
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.core.tracking import now_iso
from storage.minutes.rows import (
    attendee_values, item_values, load_meeting, meeting_values, rows, speech_values, vote_values,
)
from storage.minutes.search import meeting_condition, search


class SqliteMeetingStore(SqliteStore):
    """会议记录 store (models.minutes.ports.MeetingStore). A finalised record is read-only here and in the database;
    corrections are amendments. Numbers, quorum and majority come from the meeting type `types` gives."""

    def __init__(self, db: Database, actor: Actor, types: MeetingTypeStore) -> None:
        super().__init__(db, actor)
        self._types = types

    # -- reading ---------------------------------------------------------------------------------
    def get(self, meeting_id: str) -> Meeting:
        found = rows(self._db, "SELECT * FROM meetings WHERE id = ? AND deleted = 0", [meeting_id])
        if not found:
            found = rows(self._db, "SELECT * FROM meetings WHERE number = ? AND deleted = 0", [meeting_id])
        if not found:
            raise NotFound(f"找不到会议记录“{meeting_id}”。请用 meeting list 查看编号。")
        return load_meeting(self._db, found[0])

    def list_meetings(self, year: int | None = None, type_code: str | None = None, text: str = "",
                      offset: int = 0, limit: int | None = None) -> list[MeetingSummary]:
        """Newest first; `offset`/`limit` page through it (the screen's list fetches a page at a time)."""
        where, args = self._list_filter(year, type_code, text, bounded=limit is not None)
        order = "ORDER BY m.date DESC, m.number DESC"
        page = f"SELECT m.rowid AS at FROM meetings m WHERE {where} {order}"
        if limit is not None:
            page += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        # The agenda items are counted for the page's rows only, after the page is cut.
        sql = ("SELECT m.*, (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.deleted = 0) "
               f"AS item_count FROM ({page}) page CROSS JOIN meetings m ON m.rowid = page.at {order}")
        specs = {s.code: s for s in self._types.meeting_types()}
        return [self._summary(row, specs) for row in rows(self._db, sql, args)]

    def count_meetings(self, year: int | None = None, type_code: str | None = None, text: str = "") -> int:
        """How many records `list_meetings` would give without a limit."""
        where, args = self._list_filter(year, type_code, text)
        return int(self._db.conn.execute(f"SELECT COUNT(*) FROM meetings m WHERE {where}", args).fetchone()[0])

    def _list_filter(self, year: int | None, type_code: str | None, text: str,
                     bounded: bool = False) -> tuple[str, list[Any]]:
        where, args = ["m.deleted = 0"], list[Any]()
        if year:
            where.append("m.year = ?")
            args.append(year)
        if type_code:
            where.append("m.type_code = ?")
            args.append(type_code)
        if text.strip():
            condition, condition_args = meeting_condition(self._db, text, bounded)
            where.append(condition)
            args += condition_args
        return " AND ".join(where), args

    def _summary(self, row: dict[str, Any], specs: dict[str, MeetingTypeSpec]) -> MeetingSummary:
        meeting = load_meeting_header(row)
        spec = specs.get(row["type_code"])
        met = check_quorum(spec.quorum, meeting.attendance).met if spec else False
        return MeetingSummary(row["id"], row["number"], row["type_code"], spec.label if spec else row["type_code"],
                              meeting.on, row["place"], row["host"], row["expected"], row["present"],
                              MeetingStatus(row["status"]), row["item_count"], met)

    def years(self) -> list[int]:
        """Newest first: steps down the (type, year) index, a seek per type and year held, instead of reading every
        meeting (a township's 40,000). The year is the number's (fixed when the record is made)."""
        conn, years, code = self._db.conn, set[int](), ""
        while found := conn.execute("SELECT type_code FROM meetings WHERE type_code > ? ORDER BY type_code LIMIT 1",
                                    (code,)).fetchone():
            code, below = found[0], 10_000
            while year := conn.execute("SELECT year FROM meetings WHERE type_code = ? AND year < ? AND deleted = 0 "
                                       "ORDER BY year DESC LIMIT 1", (code, below)).fetchone():
                years.add(year[0])
                below = year[0]
        return sorted(years, reverse=True)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search(self._db, query, limit)

    # -- writing ---------------------------------------------------------------------------------
    def create(self, meeting: Meeting) -> Changed:
        """Save a new draft; it gets the next number of its type in its year (e.g. 2026-代-07)."""
        self._require(Permission.EDIT_RECORDS)
        spec = self._types.type_spec(meeting.type_code)
        with self._db.atomic():
            year = meeting.on.year
            seq = 1 + self._db.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM meetings WHERE type_code = ? "
                                            "AND year = ? AND deleted = 0", (spec.code, year)).fetchone()[0]
            number = format_number(year, spec.letter, seq)
            values = {**meeting_values(dataclasses.replace(meeting, type_code=spec.code)), "number": number,
                      "year": year, "seq": seq, "status": MeetingStatus.DRAFT.value}
            row = self._insert("meetings", values, summary=f"新建会议记录 {number}（{spec.label}）")
            self._write_children(row["id"], meeting, None)
        return Changed.one(Entity.MEETING, row["id"])

    def save_draft(self, meeting: Meeting) -> Changed:
        """Write every field of a draft; a finalised record is refused (use amend)."""
        self._require(Permission.EDIT_RECORDS)
        current = self.get(meeting.id)
        check_draft_edit(current, meeting)
        with self._db.atomic():
            changes = {k: v for k, v in meeting_values(meeting).items()
                       if v != meeting_values(current)[k]}
            if changes:
                self._update("meetings", meeting.id, changes)
            self._write_children(meeting.id, meeting, current)
        return Changed.one(Entity.MEETING, meeting.id)

    def _write_children(self, meeting_id: str, meeting: Meeting, current: Meeting | None) -> None:
        old_attendees = rows(self._db, "SELECT id, position FROM meeting_attendees WHERE meeting_id = ? "
                                       "AND deleted = 0 ORDER BY position", [meeting_id])
        old_values = current.attendees if current else ()
        for position, attendee in enumerate(meeting.attendees):
            values = attendee_values(attendee, meeting_id, position)
            if position < len(old_attendees):
                if old_values[position] != attendee:
                    self._update("meeting_attendees", old_attendees[position]["id"], values)
            else:
                self._insert("meeting_attendees", values)
        for surplus in old_attendees[len(meeting.attendees):]:
            self._tombstone("meeting_attendees", surplus["id"])
        self._write_items(meeting_id, meeting.items, current.items if current else ())

    def _write_items(self, meeting_id: str, items: tuple[AgendaItem, ...], old: tuple[AgendaItem, ...]) -> None:
        old_by_id = {item.id: (position, item) for position, item in enumerate(old)}
        for position, item in enumerate(items):
            item = with_counted_tally(item)
            values = item_values(item, meeting_id, position)
            previous = old_by_id.pop(item.id, None) if item.id else None
            if previous is None:
                item_id = self._insert("agenda_items", values)["id"]
            else:
                item_id = item.id
                if previous != (position, item):
                    self._update("agenda_items", item.id, values)
            self._write_item_children(meeting_id, item_id, item)
        for _, item in old_by_id.values():
            self._tombstone("agenda_items", item.id)
            self._write_item_children(meeting_id, item.id, AgendaItem(item.title))

    def _write_item_children(self, meeting_id: str, item_id: str, item: AgendaItem) -> None:
        """Per-person votes and speeches, by position: changed rows updated, new inserted, surplus tombstoned."""
        self._write_list("agenda_item_votes", item_id, [vote_values(v, meeting_id, item_id, n)
                                                        for n, v in enumerate(item.votes)])
        self._write_list("agenda_item_speeches", item_id, [speech_values(s, meeting_id, item_id, n)
                                                           for n, s in enumerate(item.speeches)])

    def _write_list(self, table: str, item_id: str, wanted: list[dict[str, Any]]) -> None:
        old = rows(self._db, f"SELECT * FROM {table} WHERE item_id = ? AND deleted = 0 ORDER BY position", [item_id])
        for position, values in enumerate(wanted):
            if position >= len(old):
                self._insert(table, values)
            elif any(old[position][k] != v for k, v in values.items()):
                self._update(table, old[position]["id"], values)
        for surplus in old[len(wanted):]:
            self._tombstone(table, surplus["id"])

    def finalise(self, meeting_id: str, host_confirmed: bool, recorder_confirmed: bool) -> Changed:
        """定稿 (not undoable): the record becomes read-only and each passed resolution gets a follow-up (R17)."""
        self._require(Permission.EDIT_RECORDS)
        meeting = self.get(meeting_id)
        spec = self._types.type_spec(meeting.type_code)
        follow_ups: set[str] = set()
        final = finalise(meeting, spec, host_confirmed, recorder_confirmed, self._actor.name)
        outcome = evaluate(final, spec)
        with self._db.atomic():
            self._update("meetings", meeting_id, {"status": MeetingStatus.FINAL.value, "finalised_at": now_iso(),
                                                  "finalised_by": final.finalised_by}, action="finalise")
            for item, result in zip(final.items, outcome.items):
                if result.passed and item.resolution.strip():
                    follow_ups.add(self._insert("follow_ups", _follow_up_values(final, item))["id"])
        return Changed.one(Entity.MEETING, meeting.id) | Changed(Entity.FOLLOW_UP, frozenset(follow_ups))

    def amend(self, meeting_id: str, field_name: str, after: str, reason: str, on: date) -> Changed:
        """补正 a finalised record: the original stays; the amendment is shown with it and audited. The change is
        the meeting's: an amendment is part of the record it corrects."""
        self._require(Permission.EDIT_RECORDS)
        meeting = self.get(meeting_id)
        amendment = make_amendment(meeting, field_name, after, reason, self._actor.name, on)
        with self._db.atomic():
            self._insert("meeting_amendments", {
                "meeting_id": meeting_id, "on_date": on.isoformat(), "editor": amendment.editor,
                "field_name": field_name, "before_text": amendment.before, "after_text": amendment.after,
                "reason": amendment.reason}, summary=f"补正 {meeting.number}：{field_label(field_name)} "
                f"{one_line(amendment.before)} → {one_line(amendment.after)}（{amendment.reason}）")
        return Changed.one(Entity.MEETING, meeting.id)


def load_meeting_header(row: dict[str, Any]) -> Meeting:
    return Meeting(row["type_code"], date.fromisoformat(row["date"]), expected=row["expected"], present=row["present"],
                   expected_households=row["expected_households"],
                   households_represented=row["households_represented"])


def _follow_up_values(meeting: Meeting, item: AgendaItem) -> dict[str, Any]:
    return {"meeting_id": meeting.id, "item_id": item.id, "meeting_type": meeting.type_code, "title": item.title,
            "owner_name": item.resolution_owner,
            "due_date": item.resolution_due.isoformat() if item.resolution_due else None,
            "status": "not_started", "result_report": "", "evaluation": None}
