"""SqliteContactLines: 三线联户人 of each household by date (R52) over `care_contacts`."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Sequence

from models.care.care import ContactHolding, ContactLine
from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.registry.grids import closing_day
from storage.core.store_base import SqliteStore
from storage.registry.rows import iso, to_date

_SELECT = ("SELECT c.id, c.household_id, c.line, c.villager_id, c.start_date, c.end_date, COALESCE(v.name, '') "
           "FROM care_contacts c LEFT JOIN villagers v ON v.id = c.villager_id WHERE c.deleted = 0")


def _holding(row: Sequence[Any]) -> ContactHolding:
    return ContactHolding(row[0], row[1], ContactLine(row[2]), row[3], to_date(row[4]) or date.min,
                          to_date(row[5]), row[6])


class SqliteContactLines(SqliteStore):
    """Implements models.care.ports.ContactLineStore."""

    def set_contact(self, household_id: str, line: ContactLine, villager_id: str, start: date) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            if self._db.conn.execute("SELECT 1 FROM villagers WHERE id = ? AND deleted = 0",
                                     (villager_id,)).fetchone() is None:
                raise NotFound("找不到这位村民，可能已被删除。")
            current = self._db.conn.execute(
                "SELECT id, villager_id, start_date FROM care_contacts WHERE household_id = ? AND line = ? "
                "AND deleted = 0 AND end_date IS NULL ORDER BY start_date DESC LIMIT 1",
                (household_id, line.value)).fetchone()
            if current is not None:
                if current[1] == villager_id:
                    raise DomainError(f"这位村民已是这一户的{line.label}联系人。")
                self._update("care_contacts", current[0],
                             {"end_date": iso(closing_day(start, to_date(current[2]) or start))})
            row = self._insert("care_contacts", {"household_id": household_id, "line": line.value,
                                                 "villager_id": villager_id, "start_date": iso(start),
                                                 "end_date": None})
        return Changed.one(Entity.CARE_CONTACT, row["id"])

    def withdraw_contact(self, holding_id: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            row = self._db.conn.execute("SELECT household_id, line, start_date FROM care_contacts WHERE id = ?",
                                        (holding_id,)).fetchone()
            if row is None:
                raise NotFound("找不到这条联户记录。")
            self._tombstone("care_contacts", holding_id)
            closed = self._db.conn.execute(
                "SELECT id FROM care_contacts WHERE household_id = ? AND line = ? AND deleted = 0 AND end_date = ?",
                (row[0], row[1], iso(date.fromisoformat(row[2]) - timedelta(days=1)))).fetchone()
            if closed is not None:
                self._update("care_contacts", closed[0], {"end_date": None})
        return Changed.one(Entity.CARE_CONTACT, holding_id)

    def contacts_of(self, household_id: str) -> list[ContactHolding]:
        rows = self._db.conn.execute(_SELECT + " AND c.household_id = ? ORDER BY c.start_date DESC, c.line",
                                     (household_id,))
        return [_holding(r) for r in rows]

    def current_contacts(self, day: date) -> dict[str, list[ContactHolding]]:
        found: dict[str, list[ContactHolding]] = {}
        rows = self._db.conn.execute(_SELECT + " AND c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?) "
                                     "ORDER BY c.line", (day.isoformat(), day.isoformat()))
        for row in rows:
            holding = _holding(row)
            found.setdefault(holding.household_id, []).append(holding)
        return found
