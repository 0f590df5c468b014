"""SqliteCareSettings: the visit intervals and the grid size band, one live row per installation."""
from __future__ import annotations

from dataclasses import asdict

from models.care.care import CareSettings
from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from storage.core.store_base import SqliteStore

_COLUMNS = "red_days, yellow_days, grid_low, grid_high"


class SqliteCareSettings(SqliteStore):
    """Implements models.care.ports.CareSettingsStore (defaults of R52 until an administrator saves others)."""

    @property
    def settings(self) -> CareSettings:
        row = self._db.conn.execute(f"SELECT {_COLUMNS} FROM care_settings WHERE owner = ? AND deleted = 0",
                                    (self._db.node_id,)).fetchone()
        return CareSettings(*row) if row else CareSettings()

    def save_settings(self, settings: CareSettings) -> Changed:
        self._require(Permission.EDIT_PROFILE)
        checked = CareSettings(**asdict(settings))
        with self._db.atomic():
            row = self._db.conn.execute("SELECT id FROM care_settings WHERE owner = ? AND deleted = 0",
                                        (self._db.node_id,)).fetchone()
            if row is None:
                row_id = self._insert("care_settings", asdict(checked))["id"]
            else:
                row_id = row[0]
                self._update("care_settings", row_id, asdict(checked))
        return Changed.one(Entity.CARE_SETTINGS, row_id)
