"""SqliteRaiserDirectory: what intake reads of the registry (villagers by id or name, households by number)."""
from __future__ import annotations

from models.matters.records import Raiser, RaiserKind
from storage.core.db import Database
from storage.matters.rows import rows

_VILLAGER = ("SELECT v.id, v.name, COALESCE(g.name, '') AS grp, h.household_no FROM villagers v "
             "JOIN households h ON h.id = v.household_id LEFT JOIN village_groups g ON g.id = h.group_id "
             "WHERE v.deleted = 0 AND v.status = 'active' AND ")


class SqliteRaiserDirectory:
    """Implements models.matters.ports.RaiserDirectory (read-only)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def villagers_named(self, key: str) -> list[Raiser]:
        found = rows(self._db, _VILLAGER + "v.id = ?", [key.strip()]) or rows(
            self._db, _VILLAGER + "v.name = ? ORDER BY h.household_no", [key.strip()])
        return [Raiser(RaiserKind.VILLAGER, r["id"], r["name"], r["grp"], household_no=r["household_no"]) for r in found]

    def household(self, number: str) -> Raiser | None:
        found = rows(self._db, "SELECT h.id, h.household_no, COALESCE(v.name, '') AS head, "
                               "COALESCE(g.name, '') AS grp FROM households h LEFT JOIN villagers v ON v.id = h.head_id "
                               "LEFT JOIN village_groups g ON g.id = h.group_id WHERE h.deleted = 0 AND "
                               "(h.household_no = ? OR h.id = ?)", [number.strip(), number.strip()])
        if not found:
            return None
        r = found[0]
        return Raiser(RaiserKind.HOUSEHOLD, r["id"], f"{r['head']}户" if r["head"] else r["household_no"], r["grp"])
