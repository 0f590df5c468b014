"""RegistryTableStore: the write every registry store shares — an upsert that revives a tombstone, and a withdraw."""
from __future__ import annotations

from typing import Any

from models.core.accounts import Permission
from models.core.changes import Changed
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
