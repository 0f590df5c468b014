"""The base every Sqlite<X>Store shares: synced writes that land in the audit log."""
from __future__ import annotations

from typing import Any, Mapping

from models.core.accounts import Actor, Permission
from models.core.audit import summarize_change
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.core.tracking import insert_synced, update_synced


class SqliteStore:
    """Holds the database and the acting user; writes go through `_insert` / `_update`."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def _require(self, permission: Permission) -> None:
        self._actor.require(permission)

    def _insert(self, table: str, values: Mapping[str, Any], row_id: str | None = None,
                summary: str | None = None) -> dict[str, Any]:
        """Insert a synced row and audit it. Call inside `self._db.atomic()`."""
        row = insert_synced(self._db, table, values, row_id)
        append_audit(self._db, self._actor, "create", table, row["id"],
                     summary if summary is not None else summarize_change(None, values))
        return row

    def _update(self, table: str, row_id: str, changes: Mapping[str, Any],
                action: str = "update") -> dict[str, Any]:
        """Update a synced row and audit before → after. Call inside `self._db.atomic()`."""
        before = update_synced(self._db, table, row_id, changes)
        append_audit(self._db, self._actor, action, table, row_id, summarize_change(before, changes))
        return before

    def _tombstone(self, table: str, row_id: str) -> None:
        """Legal records are never hard-deleted: mark the row deleted."""
        self._update(table, row_id, {"deleted": 1}, action="delete")
