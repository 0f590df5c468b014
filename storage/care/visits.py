"""SqliteVisits: 走访记录 over `care_visits`; a found problem becomes a villagers' matter through `MatterIntake`."""
from __future__ import annotations

from datetime import date

from models.care.care import Visit, require_contact
from models.care.ports import CareHouseholds, CareLevelStore, ContactLineStore, MatterIntake
from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.registry.households import CareLevel
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.registry.rows import iso, to_date

MATTERS_ABSENT = "“群众事项”功能尚未安装，走访发现的问题暂时不能一步转为群众事项。请先保存走访记录，再另行登记。"


class SqliteVisits(SqliteStore):
    """Implements models.care.ports.VisitStore."""

    def __init__(self, db: Database, actor: Actor, levels: CareLevelStore, contacts: ContactLineStore,
                 households: CareHouseholds, intake: MatterIntake | None = None) -> None:
        super().__init__(db, actor)
        self._levels, self._contacts, self._households, self._intake = levels, contacts, households, intake

    @property
    def takes_matters(self) -> bool:
        return self._intake is not None

    def add_visit(self, visit: Visit, as_matter: bool = False) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        if not visit.visitor.strip():
            raise DomainError("请写明走访人。")
        if not visit.findings.strip():
            raise DomainError("请写明走访情况（看到了什么、群众反映了什么）。")
        if as_matter and self._intake is None:
            raise DomainError(MATTERS_ABSENT)
        household = self._households.get_household(visit.household_id)
        rating = next((r for r in self._levels.current_levels() if r.household_id == household.id), None)
        level = rating.level if rating else CareLevel.GREEN
        require_contact(level, self._contacts.contacts_of(household.id), visit.on, household.household_no)
        with self._db.atomic():
            matter = (self._intake.open_matter(household.id, visit.visitor.strip(), visit.on, visit.findings.strip())
                      if as_matter and self._intake is not None else None)
            row = self._insert("care_visits", {"household_id": household.id, "visitor": visit.visitor.strip(),
                                               "visit_date": iso(visit.on), "findings": visit.findings.strip(),
                                               "matter_id": matter.id if matter else ""})
        changed = Changed.one(Entity.CARE_VISIT, row["id"])
        return changed | matter if matter else changed

    def withdraw_visit(self, visit_id: str) -> Changed:
        return self._set_deleted(visit_id, 1)

    def restore_visit(self, visit_id: str) -> Changed:
        return self._set_deleted(visit_id, 0)

    def _set_deleted(self, visit_id: str, deleted: int) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._update("care_visits", visit_id, {"deleted": deleted}, action="delete" if deleted else "update")
        return Changed.one(Entity.CARE_VISIT, visit_id)

    def visits_of(self, household_id: str) -> list[Visit]:
        rows = self._db.conn.execute("SELECT id, household_id, visitor, visit_date, findings, matter_id FROM "
                                     "care_visits WHERE household_id = ? AND deleted = 0 "
                                     "ORDER BY visit_date DESC, created_at DESC", (household_id,))
        return [Visit(r[0], r[1], r[2], to_date(r[3]) or date.min, r[4], r[5]) for r in rows]

    def last_visits(self) -> dict[str, date]:
        rows = self._db.conn.execute("SELECT household_id, max(visit_date) FROM care_visits WHERE deleted = 0 "
                                     "GROUP BY household_id")
        return {r[0]: date.fromisoformat(r[1]) for r in rows}
