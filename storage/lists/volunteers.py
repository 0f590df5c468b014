"""SqliteVolunteers: volunteer participations (志愿服务记录) and the households ranked by them."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ids import new_id
from models.lists.boards import Participation, VolunteerRank, check_hours, top_volunteers
from models.lists.entries import Period, require_text
from models.lists.ports import HouseholdDirectory
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.lists.sources import dict_rows as _rows


class SqliteVolunteers(SqliteStore):
    """Implements models.lists.ports.VolunteerStore; households come from `directory`."""

    def __init__(self, db: Database, actor: Actor, directory: HouseholdDirectory) -> None:
        super().__init__(db, actor)
        self._directory = directory

    def participations(self, period: str | None = None) -> list[Participation]:
        """Participations (newest first), of one period if given, each with its household number for showing."""
        where, params = "", []
        if period is not None:  # the period's days in SQL: the screen asks on every reload, a village keeps years
            parsed = Period.parse(period)
            where, params = " AND on_date BETWEEN ? AND ?", [parsed.start.isoformat(), parsed.end.isoformat()]
        rows = _rows(self._db, f"SELECT * FROM volunteer_participations WHERE deleted = 0{where} "
                               "ORDER BY on_date DESC, id", params)
        items = [Participation(r["id"], r["household_id"], r["activity"], date.fromisoformat(r["on_date"]),
                               r["hours"]) for r in rows]
        numbers: dict[str, str] = {}
        for item in items:
            if item.household_id not in numbers:
                numbers[item.household_id] = self._household_no(item.household_id)
        return [replace(p, household_no=numbers[p.household_id]) for p in items]

    def _household_no(self, household_id: str) -> str:
        try:
            return self._directory.household_by_id(household_id).household_no
        except DomainError:
            return "（已删除）"

    def volunteer_ranking(self, period: str, count: int = 10) -> list[VolunteerRank]:
        """The households with the most participations in `period` (ties by hours): candidates for the red list."""
        ranked = top_volunteers(self.participations(period), Period.parse(period), count)
        rows = []
        for place, total in enumerate(ranked, 1):
            household = self._directory.household_by_id(total.household_id)
            rows.append(VolunteerRank(place, total.household_id, household.household_no, household.group_name,
                                      household.head_name, total.times, total.hours))
        return rows

    def add_participation(self, household_no: str, activity: str, on: date, hours: float) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        check_hours(hours)
        household = self._directory.household(household_no)
        item = Participation(new_id(), household.household_id, require_text(activity, "活动名称"), on, hours)
        with self._db.atomic():
            self._insert("volunteer_participations", {"household_id": item.household_id, "activity": item.activity,
                                                      "on_date": on.isoformat(), "hours": hours}, row_id=item.id)
        return Changed.one(Entity.VOLUNTEER_RECORD, item.id)

    def discard_participation(self, participation_id: str) -> Changed:
        """Take back a participation entered by mistake (the undo of recording it); kept as a tombstone."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("volunteer_participations", participation_id)
        return Changed.one(Entity.VOLUNTEER_RECORD, participation_id)

    def restore_participation(self, participation_id: str) -> Changed:
        """Bring back a participation taken back by `discard_participation` (the redo)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("volunteer_participations", participation_id, {"deleted": 0}, action="restore")
        return Changed.one(Entity.VOLUNTEER_RECORD, participation_id)
