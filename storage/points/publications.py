"""SqlitePublicationStore: 积分公示 — a period published with its objection window, objections and their answers
(R37 with R28's handling); and REDEEMABLE_SQL, the balance a household may spend (公示无异议后生效)."""
from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.lists.entries import MIN_OBJECTION_DAYS, Period
from models.points.ports import PointsHouseholds
from models.points.publication import (PointsObjection, Publication, check_answer, check_objection,
                                       check_posting, check_publication)
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.rows import dict_rows
from storage.points.settings import read_expiry

# What a household may spend on a day (params: household id, the day), before the floor at 0 (R39, `spendable`): every
# confirmed entry that lowers the balance, and each raising one only when a publication of its period, written after
# it was confirmed (so it was on the board), has closed before the day with no unanswered objection about this
# household or the whole board. A reversal counts exactly when the entry it reverses (`o`) counts: reversing an award
# not yet published lowers nothing yet, and once that award is published both count (net 0). Only entries dated
# (a reversal: its entry dated) on or after :since count — R39's expiry (storage/points/settings.py): with 每年清零
# :since is 1 January of the day's year, otherwise the first day there is.
REDEEMABLE_SQL = """
    SELECT COALESCE(SUM(e.points), 0) FROM points_entries e
    LEFT JOIN points_entries o ON e.kind = 'reversal' AND o.id = e.reverses_id
    WHERE e.household_id = :household AND e.deleted = 0 AND e.confirmed_by != ''
      AND (o.id IS NULL OR (o.deleted = 0 AND o.confirmed_by != ''))
      AND COALESCE(o.on_date, e.on_date) >= :since
      AND (COALESCE(o.points, e.points) < 0 OR e.kind = 'redemption' OR EXISTS (
          SELECT 1 FROM points_publications p
          WHERE p.deleted = 0 AND COALESCE(o.on_date, e.on_date) BETWEEN p.start_date AND p.end_date
            AND p.closes_on < :day AND p.recorded_at >= COALESCE(o.confirmed_at, e.confirmed_at)
            AND NOT EXISTS (SELECT 1 FROM points_objections q WHERE q.publication_id = p.id AND q.deleted = 0
                            AND q.answered_on = '' AND q.household_id IN ('', e.household_id))))"""


def spendable(db: Database, household_id: str, day: date) -> tuple[int, int]:
    """(spendable, deficit): R39 — the balance can never go negative. Deductions beyond the published points stay in
    the ledger and are made up from later awards; until then the household may spend 0 and `deficit` says by how
    much its deductions exceed what it has. Entries before the expiry rule's start (R39) count neither way."""
    since = read_expiry(db).since(day)
    net = int(db.conn.execute(REDEEMABLE_SQL, {"household": household_id, "day": day.isoformat(),
                                               "since": since.isoformat() if since else ""}).fetchone()[0])
    return max(net, 0), max(-net, 0)


def _publication(row: dict[str, Any]) -> Publication:
    return Publication(row["id"], Period.parse(row["period_code"]), date.fromisoformat(row["published_on"]),
                       int(row["days"]), row["by_name"])


def _objection(row: dict[str, Any]) -> PointsObjection:
    answered = date.fromisoformat(row["answered_on"]) if row["answered_on"] else None
    return PointsObjection(row["id"], row["publication_id"], date.fromisoformat(row["received_on"]), row["raised_by"],
                           row["content"], row["household_no"], row["answer"], answered,
                           None if row["upheld"] is None else bool(row["upheld"]))


class SqlitePublicationStore(SqliteStore):
    """Implements models.points.ports.PublicationStore."""

    def __init__(self, db: Database, actor: Actor, households: PointsHouseholds,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(db, actor)
        self._households, self._today = households, today

    def as_of(self, day: date) -> SqlitePublicationStore:
        """This store recording as if `day` were today — for the demo, which builds a past year's boards on the days
        they were posted. No command or screen uses it: a user's publication is recorded on or before its day."""
        recording = copy.copy(self)  # the same connection, account and households; only the clock differs
        recording._today = lambda: day
        return recording

    def publish(self, period: Period, on: date | None = None, days: int = MIN_OBJECTION_DAYS) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        today = self._today()
        day = on or today
        check_publication(period, day, days)
        publication = Publication("", period, day, days)
        with self._db.atomic():
            check_posting(period, day, today, max(self.publications(period), key=lambda p: p.closes_on, default=None))
            row = self._insert("points_publications", {
                "period_code": period.code, "start_date": period.start.isoformat(),
                "end_date": period.end.isoformat(), "published_on": day.isoformat(), "days": days,
                "closes_on": publication.closes_on.isoformat(),
                "recorded_at": datetime.now(UTC).isoformat(timespec="microseconds"), "by_name": self._actor.name})
        return Changed.one(Entity.POINTS_PUBLICATION, row["id"])

    def publications(self, period: Period | None = None) -> list[Publication]:
        sql, params = "SELECT * FROM points_publications WHERE deleted = 0", []
        if period is not None:
            sql, params = sql + " AND period_code = ?", [period.code]
        return [_publication(r) for r in dict_rows(self._db, sql + " ORDER BY published_on DESC, id DESC", params)]

    def publication(self, publication_id: str) -> Publication:
        rows = dict_rows(self._db, "SELECT * FROM points_publications WHERE id = ? AND deleted = 0",
                         (publication_id.strip(),))
        if not rows:
            raise NotFound(f"没有编号为 {publication_id} 的积分公示。请用 points publications 查看。")
        return _publication(rows[0])

    def latest(self, period: Period) -> Publication | None:
        found = self.publications(period)
        return found[0] if found else None

    def object(self, publication_id: str, raised_by: str, content: str, household_no: str = "",
               on: date | None = None) -> Changed:
        """An objection within the window, about a household (its points wait) or, without one, the whole board."""
        self._require(Permission.EDIT_RECORDS)
        publication, day = self.publication(publication_id), on or date.today()
        check_objection(publication, day, raised_by, content)
        household = self._households.household(household_no) if household_no.strip() else None
        with self._db.atomic():
            row = self._insert("points_objections", {
                "publication_id": publication.id, "household_id": household.id if household else "",
                "household_no": household.household_no if household else "", "received_on": day.isoformat(),
                "raised_by": raised_by.strip(), "content": content.strip()})
        return (Changed.one(Entity.POINTS_OBJECTION, row["id"]) | Changed.one(Entity.POINTS_PUBLICATION, publication.id)
                | Changed(Entity.POINTS_ENTRY))

    def objections(self, publication_id: str = "") -> list[PointsObjection]:
        sql, params = "SELECT * FROM points_objections WHERE deleted = 0", []
        if publication_id:
            sql, params = sql + " AND publication_id = ?", [publication_id]
        return [_objection(r) for r in dict_rows(self._db, sql + " ORDER BY received_on, id", params)]

    def answer(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Changed:
        """The committee's answer; an upheld objection is corrected by reversing entries (points reverse)."""
        self._require(Permission.EDIT_RECORDS)
        found = [o for o in self.objections() if o.id == objection_id.strip()]
        if not found:
            raise NotFound(f"没有编号为 {objection_id} 的积分异议。")
        day = on or date.today()
        text = check_answer(found[0], day, answer)
        with self._db.atomic():
            self._update("points_objections", found[0].id, {"answer": text, "answered_on": day.isoformat(),
                                                            "upheld": int(upheld)}, action="answer")
        return (Changed.one(Entity.POINTS_OBJECTION, found[0].id)
                | Changed.one(Entity.POINTS_PUBLICATION, found[0].publication_id) | Changed(Entity.POINTS_ENTRY))
