"""SqliteRosterFiles: the roster as a file — preview, import, the rejected rows, export (CSV or XLSX)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from models.core.accounts import Permission
from models.registry.roster import Rejection
from models.registry.roster_import import ImportSummary, RosterPreview
from storage.core.store_base import SqliteStore


class SqliteRosterFiles(SqliteStore):
    """Implements models.registry.ports.RosterFiles (the work is in roster_apply.py and roster_files.py)."""

    def preview_roster(self, path: Path, rows: int = 20) -> RosterPreview:
        from storage.registry.roster_apply import preview_roster
        return preview_roster(path, rows)

    def import_roster(self, path: Path, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
        from storage.registry.roster_apply import import_roster
        self._require(Permission.EDIT_RECORDS)
        return import_roster(self._db, self._actor, path, progress)

    def write_rejects(self, source: Path, rejected: list[Rejection], target: Path) -> int:
        from storage.registry.roster_files import write_rejects
        return write_rejects(source, rejected, target)

    def export_roster(self, path: Path) -> int:
        from storage.registry.roster_files import export_roster
        self._require(Permission.VIEW_ID_NUMBERS)
        return export_roster(self._db, path)
