"""Undoable edits of the settings screen."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.ports import ProfileStore
from models.village import VillageProfile
from ui.bus import DataBus


class SaveProfileCommand(QUndoCommand):
    """修改村庄信息 — pushing it writes; undo writes the previous profile back."""

    def __init__(self, store: ProfileStore, bus: DataBus, before: VillageProfile, after: VillageProfile) -> None:
        super().__init__(f"修改村庄信息（{after.display_name}）")
        self._store, self._bus, self._before, self._after = store, bus, before, after

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, profile: VillageProfile) -> None:
        self._store.save(profile)
        self._bus.changed.emit(Changed(Entity.PROFILE))
