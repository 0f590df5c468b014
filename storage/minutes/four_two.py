"""SqliteFourTwoStore: 四议两公开 matters and their six stages, linked to finalised meetings."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.minutes.four_two import (
    FourTwoMatter, FourTwoStage, StageRecord, make_matter, record_stage, stage_on_meeting,
)
from models.minutes.ports import MeetingStore, MeetingTypeStore
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.minutes.rows import rows


class SqliteFourTwoStore(SqliteStore):
    """Implements models.minutes.ports.FourTwoStore. Each stage is checked by models.minutes.four_two before it is
    written; a deliberation stage rests on a record read through `meetings` and its type through `types`."""

    def __init__(self, db: Database, actor: Actor, meetings: MeetingStore, types: MeetingTypeStore) -> None:
        super().__init__(db, actor)
        self._meetings, self._types = meetings, types

    def matters(self) -> list[FourTwoMatter]:
        return [self._load(row) for row in rows(self._db, "SELECT * FROM four_two_matters WHERE deleted = 0 "
                                                          "ORDER BY created_at DESC", [])]

    def get(self, matter_id: str) -> FourTwoMatter:
        found = rows(self._db, "SELECT * FROM four_two_matters WHERE id = ? AND deleted = 0", [matter_id])
        if not found:
            raise NotFound("找不到这个四议两公开事项。")
        return self._load(found[0])

    def create_matter(self, title: str, motion_source: str, merged_first_stages: bool = False) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        matter = make_matter(title, motion_source, merged_first_stages)
        with self._db.atomic():
            row = self._insert("four_two_matters", {"title": matter.title, "motion_source": matter.motion_source,
                                                    "merged_first_stages": int(merged_first_stages)})
        return Changed.one(Entity.FOUR_TWO_MATTER, row["id"])

    def withdraw_matter(self, matter_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        matter = self.get(matter_id)
        if matter.stages:
            raise DomainError(f"四议两公开事项“{matter.title}”已登记了{matter.stages[0].stage.label}，不能撤销。")
        with self._db.atomic():
            self._tombstone("four_two_matters", matter_id)
        return Changed.one(Entity.FOUR_TWO_MATTER, matter_id)

    def record_stage(self, matter_id: str, stage: FourTwoStage, on: date, meeting_id: str = "",
                     publication: str = "", supervision_opinion: str = "") -> Changed:
        """Refused before the preceding stage; a deliberation stage links a finalised meeting."""
        self._require(Permission.EDIT_RECORDS)
        record = StageRecord(stage, on, publication=publication, supervision_opinion=supervision_opinion)
        if meeting_id:
            meeting = self._meetings.get(meeting_id)
            record = stage_on_meeting(record, meeting, self._types.type_spec(meeting.type_code))
        matter = record_stage(self.get(matter_id), record)
        with self._db.atomic():
            self._insert("four_two_stages", {
                "matter_id": matter_id, "stage": stage.value, "on_date": record.on.isoformat(),
                "meeting_id": record.meeting_id, "meeting_type": record.meeting_type,
                "passed": None if record.passed is None else int(record.passed), "publication": record.publication,
                "supervision_opinion": record.supervision_opinion})
        return Changed.one(Entity.FOUR_TWO_MATTER, matter.id or matter_id)

    def _load(self, row: dict[str, Any]) -> FourTwoMatter:
        stages = tuple(StageRecord(FourTwoStage(s["stage"]), date.fromisoformat(s["on_date"]), s["meeting_id"],
                                   s["meeting_type"], None if s["passed"] is None else bool(s["passed"]),
                                   s["publication"], s["supervision_opinion"], s["id"])
                       for s in rows(self._db, "SELECT * FROM four_two_stages WHERE matter_id = ? AND deleted = 0 "
                                               "ORDER BY on_date, created_at", [row["id"]]))
        return FourTwoMatter(row["title"], row["motion_source"], bool(row["merged_first_stages"]), stages, row["id"])
