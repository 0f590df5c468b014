"""SqliteApplicationStore: 积分换项目 — a group's or the village's application to exchange confirmed points for a
project (Dongkou); the township's review is a row of its own (owned by the township), so each side only ever writes
its own rows and both travel in the bundles."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.lists.entries import Period
from models.points.applications import (ApplicationState, PointsApplication, check_application,
                                        check_review)
from models.points.ports import PointsTally
from models.points.rollup import TallyBy
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.rows import dict_rows

# Each application with its latest review (a township answers once; the latest row wins all the same).
_SQL = """
    SELECT a.*, r.approved, r.text AS review_text, r.on_date AS reviewed_on, r.by_name AS reviewer
    FROM points_applications a
    LEFT JOIN points_application_reviews r ON r.id = (
        SELECT r2.id FROM points_application_reviews r2 WHERE r2.application_id = a.id AND r2.deleted = 0
        ORDER BY r2.created_at DESC, r2.rowid DESC LIMIT 1)
    WHERE a.deleted = 0"""


def _application(row: dict[str, Any]) -> PointsApplication:
    state = (ApplicationState.SUBMITTED if row["approved"] is None else
             ApplicationState.APPROVED if row["approved"] else ApplicationState.RETURNED)
    return PointsApplication(row["id"], row["group_name"], Period.parse(row["period_code"]), int(row["points"]),
                             row["project"], row["purpose"], date.fromisoformat(row["on_date"]), state,
                             row["review_text"] or "", date.fromisoformat(row["reviewed_on"]) if row["reviewed_on"]
                             else None, row["reviewer"] or "", row["owner"])


class SqliteApplicationStore(SqliteStore):
    """Implements models.points.ports.ApplicationStore."""

    def __init__(self, db: Database, actor: Actor, tally: PointsTally) -> None:
        super().__init__(db, actor)
        self._tally = tally

    def apply(self, group: str, period: Period, points: int, project: str, purpose: str = "",
              on: date | None = None) -> Changed:
        """`group` "" (VILLAGE): the whole village's points."""
        self._require(Permission.EDIT_RECORDS)
        by = TallyBy.GROUP if group.strip() else TallyBy.VILLAGE
        rows = self._tally.tally(period, by)
        found = [r for r in rows if r.key == group.strip()] if group.strip() else rows
        total = found[0].total if found else 0
        with self._db.atomic():
            taken = sum(a.points for a in self.applications() if a.group == group.strip() and a.period == period
                        and a.state is not ApplicationState.RETURNED and a.village == self._db.node_id)
            check_application(group.strip() or "全村", period, points, project, total, taken)
            row = self._insert("points_applications", {
                "group_name": group.strip(), "period_code": period.code, "points": points,
                "project": project.strip(), "purpose": purpose.strip(), "on_date": (on or date.today()).isoformat()})
        return Changed.one(Entity.POINTS_APPLICATION, row["id"])

    def applications(self, township: bool = False) -> list[PointsApplication]:
        """This village's applications; `township`: those the villages' bundles brought (the desk), newest first."""
        where = " AND a.owner <> ?" if township else " AND a.owner = ?"
        return [_application(r) for r in dict_rows(self._db, _SQL + where + " ORDER BY a.on_date DESC, a.id DESC",
                                                   (self._db.node_id,))]

    def application(self, application_id: str) -> PointsApplication:
        rows = dict_rows(self._db, _SQL + " AND a.id = ?", (application_id.strip(),))
        if not rows:
            raise NotFound(f"没有编号为 {application_id} 的积分换项目申请。")
        return _application(rows[0])

    def review(self, application_id: str, approve: bool, text: str, on: date | None = None) -> Changed:
        """乡镇审核: a township reviewer's answer, which travels back to the village in the township's bundle."""
        self._require(Permission.REVIEW_FILINGS)
        application = self.application(application_id)
        if application.village == self._db.node_id:
            raise DomainError("积分换项目申请由乡镇审核，村里不能审核自己的申请。")
        answer = check_review(application, text)
        with self._db.atomic():
            self._insert("points_application_reviews", {
                "application_id": application.id, "approved": int(approve), "text": answer,
                "on_date": (on or date.today()).isoformat(), "by_name": self._actor.name})
        return Changed.one(Entity.POINTS_APPLICATION, application.id)
