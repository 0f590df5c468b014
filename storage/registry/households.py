"""SqliteHouseholdStore: 户 over SQLite, listed with their group, grid, head and member counts."""
from __future__ import annotations

from datetime import date

from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.registry.households import CareLevel, Household, HouseholdSummary
from storage.registry.listing import scope_counts
from storage.registry.rows import HOUSEHOLD_COLUMNS, household_from_row, household_values
from storage.registry.writes import RegistryTableStore


class SqliteHouseholdStore(RegistryTableStore):
    """Implements models.registry.ports.HouseholdStore."""

    def list_households(self) -> list[HouseholdSummary]:
        cols = ", ".join(f"h.{c}" for c in HOUSEHOLD_COLUMNS)
        rows = self._db.conn.execute(f"""
            SELECT {cols}, g.name, COALESCE(gr.name, ''), COALESCE(head.name, ''),
                   COALESCE(c.members, 0), COALESCE(c.away, 0)
            FROM households h JOIN village_groups g ON g.id = h.group_id
            LEFT JOIN grids gr ON gr.id = h.grid_id
            LEFT JOIN villagers head ON head.id = h.head_id
            LEFT JOIN (SELECT household_id, COUNT(*) AS members, SUM(away) AS away FROM villagers
                       WHERE deleted = 0 AND status = 'active' GROUP BY household_id) c ON c.household_id = h.id
            WHERE h.deleted = 0 ORDER BY h.household_no""")
        return [HouseholdSummary(household_from_row(r[:9]), *r[9:]) for r in rows]

    def scope_counts(self) -> dict[str, int]:
        return scope_counts(self._db)

    def household_numbers(self) -> list[str]:
        return [row[0] for row in self._db.conn.execute("SELECT household_no FROM households WHERE deleted = 0")]

    def get_household(self, household_id: str) -> Household:
        row = self._db.conn.execute(f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM households WHERE id = ?",
                                    (household_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这一户，可能已被删除。请刷新后重试。")
        return household_from_row(row)

    def save_household(self, household: Household) -> Changed:
        number = household.household_no.strip()
        if not number:
            raise DomainError("户号不能为空。")
        clash = self._db.conn.execute("SELECT 1 FROM households WHERE household_no = ? AND id <> ? AND deleted = 0",
                                      (number, household.id)).fetchone()
        if clash:
            raise DomainError(f"户号 {number} 已被另一户使用，请换一个户号。")
        with self._db.atomic():
            stored = self._db.conn.execute("SELECT grid_id, care_level FROM households WHERE id = ?",
                                           (household.id,)).fetchone()
            # The care level is the care area's (R51–R52: reason, review, contact person): only its rating writes
            # it (set_care_level); a saved household keeps the level it has, a new one starts 放心户.
            care = stored[1] if stored else CareLevel.GREEN.value
            changed = self._upsert("households", household.id,
                                   household_values(household) | {"household_no": number, "deleted": 0,
                                                                   "care_level": care}, Entity.HOUSEHOLD)
            if (stored[0] if stored else None) != household.grid_id:  # a move keeps its history (R52)
                self._move_to_grid(household.id, household.grid_id, date.today())
        return changed

    def set_care_level(self, household_id: str, level: CareLevel) -> Changed:
        """The registry's copy of the current care level, written by the care area's rating (in its transaction)."""
        return self._upsert("households", household_id, {"care_level": level.value}, Entity.HOUSEHOLD)

    def withdraw_household(self, household_id: str) -> Changed:
        return self._withdraw("households", household_id, Entity.HOUSEHOLD)
