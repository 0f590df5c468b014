"""Undoable edits of the settings screen."""
from __future__ import annotations

from models.core.changes import Changed
from models.core.ports import ProfileStore
from models.core.village import VillageProfile
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class SaveProfileCommand(StoreCommand[Changed]):
    """修改村庄信息 — pushing it writes; undo writes the previous profile back (the bus hears each save's change)."""

    def __init__(self, store: ProfileStore, bus: DataBus, before: VillageProfile, after: VillageProfile) -> None:
        super().__init__(f"修改村庄信息（{after.display_name}）", bus, None,
                         lambda: store.save(after), lambda _done: store.save(before))
