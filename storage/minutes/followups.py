"""SqliteFollowUpStore: carrying out resolutions (议后怎么办) with a dated timeline and evaluation."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.minutes.followups import (
    Evaluation, FollowUp, FollowUpStatus, TimelineEntry, evaluate_result, record_progress,
)
from storage.core.db import Database
from storage.minutes.rows import rows
from storage.core.store_base import SqliteStore


def load_follow_ups(db: Database, where: str = "1", args: list[Any] | None = None) -> list[FollowUp]:
    found = rows(db, f"SELECT f.* FROM follow_ups f WHERE f.deleted = 0 AND {where} "
                     "ORDER BY f.due_date IS NULL, f.due_date, f.created_at", args or [])
    if not found:
        return []
    marks = ",".join("?" * len(found))
    events: dict[str, list[TimelineEntry]] = {}
    for event in rows(db, f"SELECT * FROM follow_up_events WHERE deleted = 0 AND follow_up_id IN ({marks}) "
                          "ORDER BY on_date, created_at", [f["id"] for f in found]):
        events.setdefault(event["follow_up_id"], []).append(
            TimelineEntry(date.fromisoformat(event["on_date"]), FollowUpStatus(event["status"]), event["note"]))
    return [_follow_up(row, tuple(events.get(row["id"], []))) for row in found]


def _follow_up(row: dict[str, Any], timeline: tuple[TimelineEntry, ...]) -> FollowUp:
    return FollowUp(row["title"], row["meeting_id"], row["meeting_type"], row["item_id"], row["id"],
                    row["owner_name"], date.fromisoformat(row["due_date"]) if row["due_date"] else None,
                    FollowUpStatus(row["status"]), row["result_report"],
                    Evaluation(row["evaluation"]) if row["evaluation"] else None, timeline)


class SqliteFollowUpStore(SqliteStore):
    """决议落实 store: each change appends a timeline entry; nothing is overwritten silently."""

    def list_follow_ups(self, meeting_id: str | None = None, open_only: bool = False) -> list[FollowUp]:
        where, args = ["1"], []
        if meeting_id:
            where.append("f.meeting_id = ?")
            args.append(meeting_id)
        if open_only:
            where.append("f.status IN ('not_started', 'in_progress')")
        return load_follow_ups(self._db, " AND ".join(where), args)

    def overdue(self, today: date) -> list[FollowUp]:
        """Open items past their deadline (the home screen lists them)."""
        return load_follow_ups(self._db, "f.status IN ('not_started', 'in_progress') AND f.due_date < ?",
                               [today.isoformat()])

    def get(self, follow_up_id: str) -> FollowUp:
        found = load_follow_ups(self._db, "f.id = ?", [follow_up_id])
        if not found:
            raise NotFound("找不到这条决议落实记录。")
        return found[0]

    def record_progress(self, follow_up_id: str, on: date, status: FollowUpStatus, note: str,
                        result_report: str = "") -> Changed:
        self._require(Permission.EDIT_RECORDS)
        before = self.get(follow_up_id)
        after = record_progress(before, on, status, note, result_report)
        with self._db.atomic():
            self._insert("follow_up_events", {"follow_up_id": follow_up_id, "on_date": on.isoformat(),
                                              "status": status.value, "note": after.timeline[-1].note})
            self._update("follow_ups", follow_up_id, {
                "status": after.status.value, "result_report": after.result_report,
                "evaluation": after.evaluation.value if after.evaluation else None})
        return Changed.one(Entity.FOLLOW_UP, follow_up_id)

    def evaluate(self, follow_up_id: str, evaluation: Evaluation) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        evaluate_result(self.get(follow_up_id), evaluation)  # refused unless the result may be evaluated
        with self._db.atomic():
            self._update("follow_ups", follow_up_id, {"evaluation": evaluation.value})
        return Changed.one(Entity.FOLLOW_UP, follow_up_id)
