"""SqliteMatterStore: 群众说事 from intake to 销号, each step one timeline event in the same transaction."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.matters import rules
from models.matters.ports import MeetingAgenda
from models.matters.records import EventKind, Matter, MatterEvent, MatterStatus, Rating
from models.minutes.meetings import AgendaItem, MeetingStatus
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.matters import rows as load
from storage.matters.rows import rows

OPEN_STATES = (MatterStatus.OPEN.value, MatterStatus.ASSIGNED.value)


def _search(text: str, args: list[str]) -> str:
    """The WHERE part of a text search (its arguments appended to `args`)."""
    if f"-{rules.MATTER_WORD}-" in text:  # a number (2026-说-001): one index lookup, no text search
        args.append(text)
        return "number = ?"
    if len(text) >= 3:  # alone in its clause: an OR beside it would make SQLite scan every row
        args.append('"' + text.replace('"', '""') + '"')
        return "rowid IN (SELECT rowid FROM matters_search WHERE matters_search MATCH ?)"
    args += [f"%{text}%", f"%{text}%"]
    return "(text LIKE ? OR place LIKE ?)"


class SqliteMatterStore(SqliteStore):
    """Implements models.matters.ports.MatterStore; 提交议事 writes the agenda item through `agenda`."""

    def __init__(self, db: Database, actor: Actor, agenda: MeetingAgenda) -> None:
        super().__init__(db, actor)
        self._agenda = agenda

    # -- reading ---------------------------------------------------------------------------------
    def matters(self, status: MatterStatus | None = None, overdue_on: date | None = None, text: str = "",
                township: bool = False, limit: int | None = None) -> list[Matter]:
        """Newest first; `overdue_on` keeps those past their due date on that day; `township` those assigned up
        by other villages (the township desk); `text` searches text and place (a trigram index from 3 characters,
        LIKE below), or a number; `limit` keeps the newest that many."""
        where, args = ["deleted = 0"], []
        if status is not None:
            where.append("status = ?")
            args.append(status.value)
        if overdue_on is not None:
            where.append(f"status IN {OPEN_STATES} AND deadline < ?")
            args.append(overdue_on.isoformat())
        if text.strip():
            where.append(_search(text.strip(), args))
        if township:
            where.append("to_township = 1 AND owner <> (SELECT id FROM node)")
        found = rows(self._db, f"SELECT * FROM matters WHERE {' AND '.join(where)} "
                               "ORDER BY year DESC, seq DESC" + (f" LIMIT {int(limit)}" if limit else ""), args)
        return [load.matter(r) for r in found]

    def matter(self, key: str) -> Matter:
        found = rows(self._db, "SELECT * FROM matters WHERE deleted = 0 AND (id = ? OR number = ?) "
                               "ORDER BY owner = (SELECT id FROM node) DESC LIMIT 1", [key.strip(), key.strip()])
        if not found:
            raise NotFound(f"没有编号为“{key}”的说事记录。请用 matter list 查看。")
        return load.matter(found[0])

    def timeline(self, matter_id: str) -> list[MatterEvent]:
        return [load.event(r) for r in rows(self._db, "SELECT * FROM matter_events WHERE deleted = 0 AND "
                                                      "matter_id = ? ORDER BY at, created_at", [matter_id])]

    def assigned_in(self, month: str) -> list[Matter]:
        found = rows(self._db, "SELECT * FROM matters WHERE deleted = 0 AND id IN "
                               "(SELECT matter_id FROM matter_events WHERE deleted = 0 AND event IN (?, ?) AND "
                               "at >= ? AND at < ?) ORDER BY year, seq",
                     [EventKind.ASSIGN.value, EventKind.RESOLUTION.value, f"{month}-01", f"{month}-32"])
        return [load.matter(r) for r in found]

    def township_desk(self, offset: int = 0, limit: int = -1) -> list[Matter]:
        """The township desk's list: the matters other villages assigned up to the township, by village name (its
        profile's township and village, else its node), newest first within it; `limit` of them (-1: all) from the
        `offset`-th. Sorted here, not by the screen: it reads a page at a time (30 villages × 10 years: 2,000
        matters decoded on every reload before). The name is the last live profile row of the owner, as
        `village_names` keeps it; the id settles ties, so pages neither repeat nor skip a matter. The page is
        chosen on the sort keys alone and only its rows are read whole: sorting every matter's full row took
        twice as long, and a cold database read them all from disk."""
        found = rows(self._db, "SELECT m.* FROM (SELECT k.rowid AS r, coalesce((SELECT p.township || p.village "
                               "FROM village_profiles p WHERE p.owner = k.owner AND p.deleted = 0 ORDER BY p.rowid "
                               "DESC LIMIT 1), k.owner) AS name, k.year, k.seq, k.id FROM matters k WHERE "
                               "k.deleted = 0 AND k.to_township = 1 AND k.owner <> (SELECT id FROM node) "
                               "ORDER BY name, k.year DESC, k.seq DESC, k.id LIMIT ? OFFSET ?) page "
                               "JOIN matters m ON m.rowid = page.r ORDER BY page.name, page.year DESC, "
                               "page.seq DESC, page.id", [int(limit), int(offset)])
        return [load.matter(r) for r in found]

    def village_names(self) -> dict[str, str]:
        """The villages' names by node, from their profiles (the township desk shows matters by village)."""
        return {r["owner"]: r["name"] for r in rows(self._db, "SELECT owner, township || village AS name FROM "
                                                              "village_profiles WHERE deleted = 0")}

    def similar_open(self, matter: Matter) -> list[Matter]:
        """Open or assigned matters of this village that read like `matter` (the duplicate hint), most alike first;
        the candidates come from the trigram index, so only matters sharing a piece of text are compared."""
        pieces = sorted(rules.trigrams(matter.text))
        if not pieces:
            return []
        query = " OR ".join('"' + p.replace('"', '""') + '"' for p in pieces)
        found = rows(self._db, f"SELECT * FROM matters WHERE deleted = 0 AND status IN {OPEN_STATES} AND owner = "
                               "(SELECT id FROM node) AND rowid IN (SELECT rowid FROM matters_search WHERE "
                               "matters_search MATCH ?)", [query])
        scored = [(rules.resemblance(matter, m), m) for m in map(load.matter, found) if m.id != matter.id]
        return [m for score, m in sorted(scored, key=lambda pair: -pair[0]) if score >= rules.SIMILAR]

    def overdue(self, today: date) -> list[Matter]:
        return [m for m in self.matters(overdue_on=today) if rules.is_overdue(m, today)]

    # -- writing ---------------------------------------------------------------------------------
    def add_matter(self, matter: Matter, public: bool | None = None, basis: str = "") -> Changed:
        """登记 a matter (R49 decides whether it is public); numbered by year within this village."""
        self._require(Permission.EDIT_RECORDS)
        recorded = rules.intake(matter, public, basis, date.today())
        year = recorded.raised_on.year
        with self._db.atomic():
            seq = self._db.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM matters WHERE owner = "
                                        "(SELECT id FROM node) AND year = ?", [year]).fetchone()[0]
            values = {**load.matter_values(recorded), "year": year, "seq": seq,
                      "number": rules.matter_number(year, seq)}
            row = self._insert("matters", values)
            self._event(row["id"], recorded.raised_on, EventKind.INTAKE,
                        f"{recorded.channel.label}：{recorded.text}")
        return Changed.one(Entity.MATTER, row["id"])

    def assign(self, matter_id: str, to: str, on: date, due: date | None = None,
               township: bool = False) -> Changed:
        current = self._current(matter_id)
        rules.check_assign(current, to)
        when = rules.due_date(current.cls, on, due)
        text = f"交办{'乡镇' if township else ''}：{to.strip()}，期限 {when.isoformat()}"
        return self._step(current, {"status": MatterStatus.ASSIGNED.value, "assignee": to.strip(),
                                    "to_township": int(township), "deadline": when.isoformat()},
                          on, EventKind.ASSIGN, text)

    def note(self, matter_id: str, text: str, on: date) -> Changed:
        current = self._current(matter_id)
        rules.check_note(current, text)
        return self._step(current, {}, on, EventKind.NOTE, text.strip())

    def done(self, matter_id: str, result: str, on: date) -> Changed:
        current = self._current(matter_id)
        rules.check_done(current, result)
        return self._step(current, {"status": MatterStatus.DONE.value, "result": result.strip()},
                          on, EventKind.DONE, result.strip())

    def feedback(self, matter_id: str, rating: Rating | None, on: date, by: str = "", note: str = "",
                 how: str = "") -> Changed:
        """`how`: 电话 or 当面 (kept in the timeline's text)."""
        current = self._current(matter_id)
        rules.check_feedback(current)
        who = by.strip() or self._actor.name
        if rating is None:
            if not note.strip():
                raise DomainError("请写明联系未果的情况（--note），例如“三次电话无人接听”。")
            return self._step(current, {"attempted": 1}, on, EventKind.ATTEMPT, note.strip(), who)
        text = rating.label + (f"（{how.strip()}）" if how.strip() else "") + (f"：{note.strip()}" if note.strip() else "")
        return self._step(current, {"rating": rating.value}, on, EventKind.FEEDBACK, text, who)

    def close(self, matter_id: str, on: date, reason: str = "") -> Changed:
        current = self._current(matter_id)
        rules.check_close(current, reason)
        return self._step(current, {"status": MatterStatus.CLOSED.value, "closed_on": on.isoformat(),
                                    "close_reason": reason.strip()}, on, EventKind.CLOSE, reason.strip())

    def reopen(self, matter_id: str, reason: str, on: date) -> Changed:
        current = self._current(matter_id)
        rules.check_reopen(current, reason)
        return self._step(current, {"status": MatterStatus.ASSIGNED.value, "reopened": 1, "rating": "",
                                    "attempted": 0, "closed_on": None, "close_reason": "",
                                    "deadline": rules.due_date(current.cls, on).isoformat()},
                          on, EventKind.REOPEN, reason.strip())

    def to_meeting(self, matter_id: str, meeting_id: str, on: date) -> Changed:
        current = self._current(matter_id)
        rules.check_to_meeting(current)
        rules.check_day(current, on)
        meeting = self._agenda.get(meeting_id)
        if meeting.status is not MeetingStatus.DRAFT:
            raise DomainError(f"会议 {meeting.number} 已定稿，不能再添加议题。请选择一次尚未定稿的会议。")
        item = AgendaItem(title=f"{current.cls.label}：{current.text[:40]}", proposer=self._proposer(current),
                          background=rules.agenda_background(current))
        with self._db.atomic():
            meeting_change = self._agenda.save_draft(replace(meeting, items=(*meeting.items, item)))
            changed = self._step(current, {"meeting_id": meeting.id}, on, EventKind.TO_MEETING,
                                 f"提交会议 {meeting.number} 第{len(meeting.items) + 1}项议题")
        return changed | meeting_change

    def apply_resolution(self, matter_id: str, on: date) -> Changed:
        """The finalised meeting's resolution on the matter feeds it: 交办 to the resolution's owner by its due
        date (the raiser's feedback still comes before 销号, R48)."""
        current = self._current(matter_id)
        rules.check_resolution(current)
        meeting = self._agenda.get(current.meeting_id)
        item = rules.resolution_for(current, meeting)
        owner = item.resolution_owner.strip() or current.assignee or "村民委员会"
        due = item.resolution_due or rules.due_date(current.cls, on)
        return self._step(current, {"status": MatterStatus.ASSIGNED.value, "assignee": owner,
                                    "deadline": due.isoformat()}, on, EventKind.RESOLUTION,
                          f"会议 {meeting.number} 决议：{item.resolution.strip()}（{owner}，期限 {due.isoformat()}）")

    def township_reply(self, matter_id: str, text: str, on: date) -> Changed:
        """乡镇答复: a township-owned event on the village's matter; it travels back in the township's bundle."""
        self._require(Permission.REVIEW_FILINGS)
        current = self.matter(matter_id)
        if not current.to_township:
            raise DomainError(f"{current.number} 没有交办到乡镇，乡镇不能答复。请从各村交办到乡镇的事项中选择"
                              "（matter list --township）。")
        if not text.strip():
            raise DomainError("请写明答复内容。")
        rules.check_day(current, on)
        with self._db.atomic():
            self._event(current.id, on, EventKind.TOWNSHIP_REPLY, text.strip())
        return Changed.one(Entity.MATTER, current.id)

    def undo_step(self, before: Matter, kind: EventKind) -> Changed:
        """撤销 the step just taken on the screen: the matter's step columns as `before` held them, and the step's
        timeline line withdrawn. Only the matter's newest line, of that kind (a later step, or the township's reply,
        is never undone from under it). 提交议事 also takes its agenda item out of the meeting, while that is a draft
        and the item untouched (rules.check_withdraw): MATTER | MEETING."""
        current = self._current(before.id)
        newest = rows(self._db, "SELECT id, event FROM matter_events WHERE matter_id = ? AND deleted = 0 "
                                "ORDER BY created_at DESC, rowid DESC LIMIT 1", [current.id])
        if not newest or newest[0]["event"] != kind.value:
            raise DomainError(f"{current.number} 在这一步之后又有了新的办理记录，不能撤销这一步。")
        if kind is EventKind.TO_MEETING:
            return self._withdraw_from_meeting(current, newest[0]["id"])
        with self._db.atomic():
            self._update("matters", current.id, load.step_values(before), action="undo")
            self._tombstone("matter_events", newest[0]["id"])
        return Changed.one(Entity.MATTER, current.id)

    def _withdraw_from_meeting(self, current: Matter, event_id: str) -> Changed:
        meeting = self._agenda.get(current.meeting_id)
        item = rules.check_withdraw(current, meeting)
        with self._db.atomic():
            meeting_change = Changed.one(Entity.MEETING, meeting.id)
            if item is not None:
                meeting_change = self._agenda.save_draft(
                    replace(meeting, items=tuple(i for i in meeting.items if i is not item)))
            self._update("matters", current.id, {"meeting_id": ""}, action="undo")
            self._tombstone("matter_events", event_id)
        return Changed.one(Entity.MATTER, current.id) | meeting_change

    # -- helpers ---------------------------------------------------------------------------------
    def _current(self, key: str) -> Matter:
        self._require(Permission.EDIT_RECORDS)
        return self.matter(key)

    def _proposer(self, matter: Matter) -> str:
        return matter.raiser.name if matter.public and matter.raiser.name else "群众说事"

    def _step(self, current: Matter, changes: dict[str, Any], on: date, kind: EventKind, text: str,
              by: str = "") -> Changed:
        rules.check_day(current, on)
        with self._db.atomic():
            if changes:
                self._update("matters", current.id, changes)
            self._event(current.id, on, kind, text, by)
        return Changed.one(Entity.MATTER, current.id)

    def _event(self, matter_id: str, on: date, kind: EventKind, text: str, by: str = "") -> None:
        self._insert("matter_events", {"matter_id": matter_id, "at": on.isoformat(), "event": kind.value,
                                       "by_name": by or self._actor.name, "text": text})
