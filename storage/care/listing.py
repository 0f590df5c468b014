"""SqliteCareList: the households the care list names, read a page at a time (issue 17: a county roll-up holds
37,500 households, and the care screen shows the few that have a visit schedule and the first page of the rest)."""
from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any, Sequence

from models.care.care import CareHousehold
from storage.core.store_base import SqliteStore

_SELECT = ("SELECT h.id, h.household_no, COALESCE(head.name, ''), COALESCE(gr.name, '') FROM households h "
           "LEFT JOIN villagers head ON head.id = h.head_id LEFT JOIN grids gr ON gr.id = h.grid_id "
           "WHERE h.deleted = 0")
_OTHERS = " AND h.id NOT IN (SELECT value FROM json_each(?))"


def _household(row: Sequence[Any]) -> CareHousehold:
    return CareHousehold(row[0], row[1], row[2], row[3])


class SqliteCareList(SqliteStore):
    """Implements models.care.ports.CareListStore over the registry's `households` (read only); the care levels'
    store is one (stores.care_levels), the list being every household with its rating."""

    def listed_households(self, household_ids: Collection[str]) -> list[CareHousehold]:
        rows = self._db.conn.execute(_SELECT + " AND h.id IN (SELECT value FROM json_each(?)) "
                                     "ORDER BY h.household_no, h.id", (json.dumps(list(household_ids)),))
        return [_household(r) for r in rows]

    def other_households_count(self, excluded: Collection[str]) -> int:
        # All less the excluded: a count from an index and a few look-ups, where NOT IN tested each of the 37,500
        # households of a county against the list (4 ms of a 网格关怀 reload).
        row = self._db.conn.execute(
            "SELECT (SELECT COUNT(*) FROM households WHERE deleted = 0) - (SELECT COUNT(*) FROM households "
            "WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?)))", (json.dumps(list(excluded)),)).fetchone()
        return int(row[0])

    def other_households(self, excluded: Collection[str], offset: int, limit: int) -> list[CareHousehold]:
        rows = self._db.conn.execute(_SELECT + _OTHERS + " ORDER BY h.household_no, h.id LIMIT ? OFFSET ?",
                                     (json.dumps(list(excluded)), limit, offset))
        return [_household(r) for r in rows]
