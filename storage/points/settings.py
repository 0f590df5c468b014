"""SqlitePointsSettings: the points area's settings in `points_settings` (key → JSON), the newest live row of a key,
written audited and synced; what a household may spend reads `expiry` (R39) at every balance and redemption."""
from __future__ import annotations

import json

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.points.expiry import Expiry
from storage.core.db import Database
from storage.core.store_base import SqliteStore

EXPIRY_KEY = "expiry"


def read_expiry(db: Database) -> Expiry:
    """积分有效期 as set, or `never` when no one has set it."""
    row = db.conn.execute("SELECT value FROM points_settings WHERE key = ? AND deleted = 0 ORDER BY hlc DESC LIMIT 1",
                          (EXPIRY_KEY,)).fetchone()
    return Expiry(json.loads(row[0])) if row else Expiry.NEVER


class SqlitePointsSettings(SqliteStore):
    """Implements models.points.ports.PointsSettingsStore (changed by whoever may edit the village profile)."""

    def expiry(self) -> Expiry:
        return read_expiry(self._db)

    def set_expiry(self, expiry: Expiry) -> Changed:
        self._require(Permission.EDIT_PROFILE)
        text = json.dumps(expiry.value)
        with self._db.atomic():
            row = self._db.conn.execute("SELECT id FROM points_settings WHERE key = ? AND deleted = 0 "
                                        "ORDER BY hlc DESC LIMIT 1", (EXPIRY_KEY,)).fetchone()
            if row:
                self._update("points_settings", row[0], {"value": text})
                row_id = row[0]
            else:
                row_id = self._insert("points_settings", {"key": EXPIRY_KEY, "value": text},
                                      summary=f"积分有效期：{expiry.label}")["id"]
        return Changed.one(Entity.POINTS_SETTINGS, row_id) | Changed(Entity.POINTS_ENTRY)
