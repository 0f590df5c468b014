"""SqliteRegistryStore: the household registry (户籍花名册) over SQLite, with its shared queries."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from models.core.accounts import Permission
from models.core.errors import DomainError, NotFound
from models.registry.households import (Grid, Household, HouseholdSummary, RoleCode, RoleHolding,
                             SearchHit, VillageGroup, Villager, adult_cutoff)
from models.registry.roster import Rejection
from models.registry.roster_import import ImportSummary, RosterPreview
from models.registry.villager_rules import check_villager
from storage.registry.rows import (HOUSEHOLD_COLUMNS, ROLE_COLUMNS, VILLAGER_COLUMNS, grid_from_row,
                                   group_from_row, household_from_row, household_values, role_from_row,
                                   role_values, villager_from_row, villager_values)
from storage.registry.search import matching_ids, search_registry
from storage.core.store_base import SqliteStore
from storage.core.tracking import fetch_row

_V = ", ".join(f"v.{c}" for c in VILLAGER_COLUMNS)
_ACTIVE_ON = "(v.birth_date IS NULL OR v.birth_date <= :day) AND (v.status = 'active' OR v.status_date > :day)"


class SqliteRegistryStore(SqliteStore):
    """Implements models.registry.ports.RegistryStore; every write is change-logged and audited."""

    @property
    def can_view_id_numbers(self) -> bool:
        return self._actor.can(Permission.VIEW_ID_NUMBERS)

    # ---- groups and grids -------------------------------------------------------------------
    def list_groups(self) -> list[VillageGroup]:
        rows = self._db.conn.execute("SELECT id, name, position FROM village_groups WHERE deleted = 0 "
                                     "ORDER BY position, name")
        return [group_from_row(r) for r in rows]

    def list_grids(self) -> list[Grid]:
        rows = self._db.conn.execute("SELECT id, group_id, name, leader_id FROM grids WHERE deleted = 0 "
                                     "ORDER BY name")
        return [grid_from_row(r) for r in rows]

    def save_group(self, group: VillageGroup) -> None:
        if not group.name.strip():
            raise DomainError("组名不能为空。")
        self._upsert("village_groups", group.id,
                     {"name": group.name.strip(), "position": group.position, "deleted": 0})

    def save_grid(self, grid: Grid) -> None:
        if not grid.name.strip():
            raise DomainError("网格名称不能为空。")
        self._upsert("grids", grid.id, {"group_id": grid.group_id, "name": grid.name.strip(),
                                        "leader_id": grid.leader_id, "deleted": 0})

    def retire_group(self, group_id: str) -> None:
        """Tombstone an empty group (no households, no grids left); a group still in use is refused."""
        self._retire("village_groups", group_id, "组", (
            ("households", "group_id", "户"), ("grids", "group_id", "个网格")))

    def retire_grid(self, grid_id: str) -> None:
        """Tombstone an empty grid (no households left in it)."""
        self._retire("grids", grid_id, "网格", (("households", "grid_id", "户"),))

    def _retire(self, table: str, row_id: str, noun: str, users: tuple[tuple[str, str, str], ...]) -> None:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            for child, column, unit in users:
                count = self._db.conn.execute(f"SELECT count(*) FROM {child} WHERE {column} = ? AND deleted = 0",
                                              (row_id,)).fetchone()[0]
                if count:
                    raise DomainError(f"这个{noun}里还有 {count} {unit}，不能撤销。请先把它们迁移到其他{noun}。")
            self._tombstone(table, row_id)

    # ---- households -------------------------------------------------------------------------
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

    def get_household(self, household_id: str) -> Household:
        row = self._db.conn.execute(f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM households WHERE id = ?",
                                    (household_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这一户，可能已被删除。请刷新后重试。")
        return household_from_row(row)

    def save_household(self, household: Household) -> None:
        number = household.household_no.strip()
        if not number:
            raise DomainError("户号不能为空。")
        clash = self._db.conn.execute("SELECT 1 FROM households WHERE household_no = ? AND id <> ? AND deleted = 0",
                                      (number, household.id)).fetchone()
        if clash:
            raise DomainError(f"户号 {number} 已被另一户使用，请换一个户号。")
        self._upsert("households", household.id,
                     household_values(household) | {"household_no": number, "deleted": 0})

    def withdraw(self, table: str, row_id: str) -> None:
        """Tombstone a group, grid or household added by mistake (the undo of an add)."""
        if table not in ("village_groups", "grids", "households"):
            raise ValueError(f"cannot withdraw from {table}")
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone(table, row_id)

    # ---- villagers --------------------------------------------------------------------------
    def members(self, household_id: str) -> list[Villager]:
        rows = self._db.conn.execute(f"SELECT {_V} FROM villagers v WHERE v.household_id = ? AND v.deleted = 0 "
                                     "ORDER BY v.position, v.name", (household_id,))
        return [villager_from_row(r, self.can_view_id_numbers) for r in rows]

    def get_villager(self, villager_id: str) -> Villager:
        row = self._db.conn.execute(f"SELECT {_V} FROM villagers v WHERE v.id = ?", (villager_id,)).fetchone()
        if row is None:
            raise NotFound("找不到这位村民，可能已被删除。请刷新后重试。")
        return villager_from_row(row, self.can_view_id_numbers)

    def save_villager(self, villager: Villager) -> None:
        values = villager_values(villager)
        if "*" in villager.id_number:  # still masked on screen: keep the stored number
            stored = fetch_row(self._db, "villagers", villager.id)
            values["id_number"] = stored["id_number"] if stored else ""
        check_villager(villager, date.today())
        self._refuse_duplicate_id(villager.id, values["id_number"])
        self._upsert("villagers", villager.id, values | {"deleted": 0})

    def withdraw_villager(self, villager_id: str) -> None:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("villagers", villager_id)

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

    def save_role(self, holding: RoleHolding) -> None:
        if not holding.role.strip() or holding.role.strip() == "tag:":
            raise DomainError("请选择身份，或填写自定义标签。")
        if holding.start_date and holding.end_date and holding.end_date < holding.start_date:
            raise DomainError("结束日期不能早于开始日期。")
        self._upsert("villager_roles", holding.id, role_values(holding) | {"deleted": 0})

    def list_tags(self) -> list[str]:
        """User-defined tags in use (codes "tag:…"), for the screen's role filter."""
        rows = self._db.conn.execute("SELECT DISTINCT role FROM villager_roles WHERE deleted = 0 AND role LIKE 'tag:%' "
                                     "ORDER BY role")
        return [r[0] for r in rows]

    def remove_role(self, holding_id: str) -> None:
        """Tombstone a role entered by mistake (undo of an add); a role that ended gets an end date."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone("villager_roles", holding_id)

    # ---- shared queries ---------------------------------------------------------------------
    def people_with_role(self, role: str, on_date: date) -> list[Villager]:
        extra = {RoleCode.PARTY_MEMBER.value: " OR v.political_status IN ('中共党员', '中共预备党员')",
                 RoleCode.GRID_LEADER.value: " OR v.id IN (SELECT leader_id FROM grids WHERE deleted = 0)"}
        also = extra.get(str(role), "")
        rows = self._db.conn.execute(f"""
            SELECT {_V} FROM villagers v JOIN households h ON h.id = v.household_id
            WHERE v.deleted = 0 AND h.deleted = 0 AND {_ACTIVE_ON} AND (EXISTS (
                SELECT 1 FROM villager_roles r WHERE r.villager_id = v.id AND r.deleted = 0 AND r.role = :role
                AND (r.start_date IS NULL OR r.start_date <= :day) AND (r.end_date IS NULL OR r.end_date >= :day)
            ){also}) ORDER BY h.household_no, v.position""", {"role": str(role), "day": on_date.isoformat()})
        return [villager_from_row(r, self.can_view_id_numbers) for r in rows]

    def adults_count(self, on_date: date, group: str | None = None) -> int:
        return self._count("COUNT(*)", f"{_ACTIVE_ON} AND v.birth_date <= :cutoff", group,
                           {"day": on_date.isoformat(), "cutoff": adult_cutoff(on_date).isoformat()})

    def households_count(self, on_date: date, group: str | None = None) -> int:
        return self._count("COUNT(DISTINCT v.household_id)", _ACTIVE_ON, group, {"day": on_date.isoformat()})

    def _count(self, what: str, where: str, group: str | None, params: dict[str, Any]) -> int:
        """`group` (a group's id or name) narrows the count to one 村民小组."""
        if group is not None:
            where += (" AND h.group_id IN (SELECT id FROM village_groups WHERE deleted = 0 "
                      "AND (id = :group OR name = :group))")
            params = params | {"group": group}
        count: int = self._db.conn.execute(
            f"SELECT {what} FROM villagers v JOIN households h ON h.id = v.household_id "
            f"WHERE v.deleted = 0 AND h.deleted = 0 AND {where}", params).fetchone()[0]
        return count

    def search(self, text: str, limit: int = 500) -> list[SearchHit]:
        return search_registry(self._db, text, self.can_view_id_numbers, limit)

    def search_ids(self, text: str) -> tuple[set[str], set[str]]:
        return matching_ids(self._db, text, self.can_view_id_numbers)

    # ---- roster files -----------------------------------------------------------------------
    def preview_roster(self, path: Path, rows: int = 20) -> RosterPreview:
        from storage.registry.roster_apply import preview_roster
        return preview_roster(path, rows)

    def import_roster(self, path: Path, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
        from storage.registry.roster_apply import import_roster
        self._require(Permission.EDIT_RECORDS)
        return import_roster(self._db, self._actor, path, progress)

    def write_rejects(self, source: Path, rejected: list[Rejection], target: Path) -> int:
        from storage.registry.roster_files import write_rejects
        return write_rejects(source, rejected, target)

    def export_roster(self, path: Path) -> int:
        from storage.registry.roster_files import export_roster
        self._require(Permission.VIEW_ID_NUMBERS)
        return export_roster(self._db, path)

    # ---- writing ----------------------------------------------------------------------------
    def _upsert(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            stored = fetch_row(self._db, table, row_id)
            if stored is None:
                self._insert(table, values, row_id)
                return
            changes = {k: v for k, v in values.items() if stored.get(k) != v}
            if changes:
                self._update(table, row_id, changes)
