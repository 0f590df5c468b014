"""RegistryTableStore: the write every registry store shares — an upsert that revives a tombstone, and a withdraw."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed
from models.core.errors import DomainError
from storage.core.store_base import SqliteStore
from storage.core.tracking import fetch_row


class RegistryTableStore(SqliteStore):
    """Writes need EDIT_RECORDS; each is change-logged and audited, and returns the Changed of its row."""

    def _upsert(self, table: str, row_id: str, values: dict[str, Any], entity: str) -> Changed:
        """Insert the row, or update the columns that differ (nothing is written when none do)."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            stored = fetch_row(self._db, table, row_id)
            if stored is None:
                self._insert(table, values, row_id)
            elif changes := {k: v for k, v in values.items() if stored.get(k) != v}:
                self._update(table, row_id, changes)
        return Changed.one(entity, row_id)

    def _withdraw(self, table: str, row_id: str, entity: str) -> Changed:
        """Tombstone a row added by mistake (the undo of an add); saving it again revives it."""
        self._require(Permission.EDIT_RECORDS)
        with self._db.atomic():
            self._tombstone(table, row_id)
        return Changed.one(entity, row_id)

    def _move_to_grid(self, household_id: str, grid_id: str | None, start: date) -> None:
        """Keep `grid_assignments` in step with a household's grid (R52): close the open assignment the day before
        `start` (or re-point it when it began that same day) and open one in `grid_id`. Call inside atomic()."""
        open_row = self._db.conn.execute(
            "SELECT id, grid_id, start_date FROM grid_assignments WHERE household_id = ? AND deleted = 0 "
            "AND end_date IS NULL ORDER BY start_date DESC LIMIT 1", (household_id,)).fetchone()
        if open_row is not None and open_row[1] == grid_id:
            return
        if open_row is not None:
            began = date.fromisoformat(open_row[2])
            if start < began:
                raise DomainError(f"新的网格归属应不早于现有归属的起始日期 {began.isoformat()}。")
            if start == began:
                self._tombstone("grid_assignments", open_row[0])
            else:
                self._update("grid_assignments", open_row[0], {"end_date": (start - timedelta(days=1)).isoformat()})
        if grid_id:
            self._insert("grid_assignments", {"household_id": household_id, "grid_id": grid_id,
                                              "start_date": start.isoformat(), "end_date": None})
