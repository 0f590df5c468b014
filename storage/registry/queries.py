"""SqliteRegistryQueries: reads across the registry — role holders, counts on a date, search, tags in use."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.core.accounts import Permission
from models.registry.households import HouseholdSummary, RoleCode, SearchHit, Villager, adult_cutoff
from models.registry.listing import HouseholdListing
from storage.core.store_base import SqliteStore
from storage.registry.rows import VILLAGER_SELECT, villager_from_row
from storage.registry.listing import households_page
from storage.registry.search import matching_ids, matching_people, search_registry

_IN_GROUP = " AND h.group_id IN (SELECT id FROM village_groups WHERE deleted = 0 AND (id = :group OR name = :group))"
_ACTIVE_ON = "(v.birth_date IS NULL OR v.birth_date <= :day) AND (v.status = 'active' OR v.status_date > :day)"


class SqliteRegistryQueries(SqliteStore):
    """Implements models.registry.ports.RegistryQueries; reads only (ID numbers masked as the actor requires)."""

    @property
    def _show_id(self) -> bool:
        return self._actor.can(Permission.VIEW_ID_NUMBERS)

    def people_with_role(self, role: str, on_date: date) -> list[Villager]:
        extra = {RoleCode.PARTY_MEMBER.value: " OR v.political_status IN ('中共党员', '中共预备党员')",
                 RoleCode.GRID_LEADER.value: " OR v.id IN (SELECT leader_id FROM grids WHERE deleted = 0)"}
        also = extra.get(str(role), "")
        rows = self._db.conn.execute(f"""
            SELECT {VILLAGER_SELECT} FROM villagers v JOIN households h ON h.id = v.household_id
            WHERE v.deleted = 0 AND h.deleted = 0 AND {_ACTIVE_ON} AND (EXISTS (
                SELECT 1 FROM villager_roles r WHERE r.villager_id = v.id AND r.deleted = 0 AND r.role = :role
                AND (r.start_date IS NULL OR r.start_date <= :day) AND (r.end_date IS NULL OR r.end_date >= :day)
            ){also}) ORDER BY h.household_no, v.position""", {"role": str(role), "day": on_date.isoformat()})
        return [villager_from_row(r, self._show_id) for r in rows]

    def adults_count(self, on_date: date, group: str | None = None) -> int:
        return self._count("COUNT(*)", f"{_ACTIVE_ON} AND v.birth_date <= :cutoff", group,
                           {"day": on_date.isoformat(), "cutoff": adult_cutoff(on_date).isoformat()})

    def households_count(self, on_date: date, group: str | None = None) -> int:
        """Households with at least one member living there on `on_date`: each household asks the living-members
        index (m095) for one, so the count reads no villager row (37,500 households of 150,000 people: 11 ms)."""
        where, params = "h.deleted = 0", {"day": on_date.isoformat()}
        if group is not None:
            where += _IN_GROUP
            params |= {"group": group}
        count: int = self._db.conn.execute(
            f"SELECT COUNT(*) FROM households h WHERE {where} AND EXISTS (SELECT 1 FROM villagers v "
            f"WHERE v.household_id = h.id AND v.deleted = 0 AND {_ACTIVE_ON})", params).fetchone()[0]
        return count

    def _count(self, what: str, where: str, group: str | None, params: dict[str, Any]) -> int:
        """`group` (a group's id or name) narrows the count to one 村民小组."""
        if group is not None:
            where += _IN_GROUP
            params = params | {"group": group}
        count: int = self._db.conn.execute(
            f"SELECT {what} FROM villagers v JOIN households h ON h.id = v.household_id "
            f"WHERE v.deleted = 0 AND h.deleted = 0 AND {where}", params).fetchone()[0]
        return count

    def search(self, text: str, limit: int = 500) -> list[SearchHit]:
        return search_registry(self._db, text, self._show_id, limit)

    def search_ids(self, text: str) -> tuple[set[str], set[str]]:
        return matching_ids(self._db, text, self._show_id)

    def matching_people(self, household_id: str, text: str) -> set[str]:
        return matching_people(self._db, household_id, text, self._show_id)

    def households_page(self, listing: HouseholdListing, offset: int, limit: int) -> list[HouseholdSummary]:
        return households_page(self._db, listing, self._show_id, offset, limit)

    def list_tags(self) -> list[str]:
        """User-defined tags in use (codes "tag:…"), for the role filters."""
        rows = self._db.conn.execute("SELECT DISTINCT role FROM villager_roles WHERE deleted = 0 AND role >= 'tag:' "
                                     "AND role < 'tag;' ORDER BY role")
        return [r[0] for r in rows]
