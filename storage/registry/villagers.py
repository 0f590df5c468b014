"""SqliteVillagerStore: 村民 and their roles (身份) over SQLite; ID numbers masked unless the actor may see them."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.registry.households import RoleHolding, Villager
from models.registry.villager_rules import check_villager
from storage.core.tracking import fetch_row
from storage.registry.rows import (ROLE_COLUMNS, VILLAGER_SELECT, role_from_row, role_values, villager_from_row,
                                   villager_values)
from storage.registry.writes import RegistryTableStore


class SqliteVillagerStore(RegistryTableStore):
    """Implements models.registry.ports.VillagerStore; a role's change is its villager's."""

    @property
    def can_view_id_numbers(self) -> bool:
        return self._actor.can(Permission.VIEW_ID_NUMBERS)

    def members(self, household_id: str) -> list[Villager]:
        rows = self._db.conn.execute(f"SELECT {VILLAGER_SELECT} FROM villagers v WHERE v.household_id = ? "
                                     "AND v.deleted = 0 ORDER BY v.position, v.name", (household_id,))
        return [villager_from_row(r, self.can_view_id_numbers) for r in rows]

    def get_villager(self, villager_id: str) -> Villager:
        row = self._db.conn.execute(f"SELECT {VILLAGER_SELECT} FROM villagers v WHERE v.id = ?",
                                    (villager_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这位村民，可能已被删除。请刷新后重试。")
        return villager_from_row(row, self.can_view_id_numbers)

    def save_villager(self, villager: Villager) -> Changed:
        values = villager_values(villager)
        if "*" in villager.id_number:  # still masked on screen: keep the stored number
            stored = fetch_row(self._db, "villagers", villager.id)
            values["id_number"] = stored["id_number"] if stored else ""
        check_villager(villager, date.today())
        self._refuse_duplicate_id(villager.id, values["id_number"])
        return self._upsert("villagers", villager.id, values | {"deleted": 0}, Entity.VILLAGER)

    def withdraw_villager(self, villager_id: str) -> Changed:
        return self._withdraw("villagers", villager_id, Entity.VILLAGER)

    def _refuse_duplicate_id(self, villager_id: str, number: str) -> None:
        if not number:
            return
        row = self._db.conn.execute(
            "SELECT v.name, h.household_no FROM villagers v JOIN households h ON h.id = v.household_id "
            "WHERE v.id_number = ? AND v.id <> ? AND v.deleted = 0", (number, villager_id)).fetchone()
        if row:
            raise DomainError(f"这个身份证号已登记在户号 {row[1]} 的“{row[0]}”名下，同一人不能登记两次。")

    # ---- roles ------------------------------------------------------------------------------
    def roles_of(self, villager_id: str) -> list[RoleHolding]:
        rows = self._db.conn.execute(f"SELECT {', '.join(ROLE_COLUMNS)} FROM villager_roles "
                                     "WHERE villager_id = ? AND deleted = 0 ORDER BY start_date, role",
                                     (villager_id,))
        return [role_from_row(r) for r in rows]

    def save_role(self, holding: RoleHolding) -> Changed:
        if not holding.role.strip() or holding.role.strip() == "tag:":
            raise DomainError("请选择身份，或填写自定义标签。")
        if holding.start_date and holding.end_date and holding.end_date < holding.start_date:
            raise DomainError("结束日期不能早于开始日期。")
        self._upsert("villager_roles", holding.id, role_values(holding) | {"deleted": 0}, Entity.VILLAGER)
        return Changed.one(Entity.VILLAGER, holding.villager_id)

    def remove_role(self, holding_id: str) -> Changed:
        """Tombstone a role entered by mistake (undo of an add); a role that ended gets an end date."""
        stored = fetch_row(self._db, "villager_roles", holding_id)
        if stored is None:
            raise NotFound("找不到这项身份，可能已被删除。请刷新后重试。")
        self._withdraw("villager_roles", holding_id, Entity.VILLAGER)
        return Changed.one(Entity.VILLAGER, stored["villager_id"])
