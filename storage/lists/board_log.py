"""SqliteBoardLog: the board log (`board_versions`, R34) — who created, approved, printed and removed each version."""
from __future__ import annotations

import json
from typing import Any

from models.core.changes import Changed, Entity
from models.lists.entries import Period
from storage.core.store_base import SqliteStore
from storage.lists.sources import dict_rows as _rows


class SqliteBoardLog(SqliteStore):
    """Implements models.lists.ports.BoardLogStore."""

    def log_board(self, period: str, action: str, fingerprint: str = "", entry_ids: tuple[str, ...] = (),
                  note: str = "") -> Changed:
        with self._db.atomic():
            row = self._insert("board_versions", {"period": Period.parse(period).code, "action": action,
                                                  "fingerprint": fingerprint, "entry_ids": json.dumps(list(entry_ids)),
                                                  "actor_id": self._actor.user_id, "actor_name": self._actor.name,
                                                  "note": note})
        return Changed.one(Entity.BOARD_VERSION, row["id"])

    def board_log(self, period: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM board_versions" + (" WHERE period = ?" if period else "") + " ORDER BY hlc"
        return _rows(self._db, sql, (Period.parse(period).code,) if period else ())
