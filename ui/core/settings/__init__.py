"""设置: village profile, user accounts, backups, idle lock and the audit log."""
from __future__ import annotations

from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.core.settings.screen import SettingsScreen


def create_screen(stores: Stores, bus: DataBus) -> SettingsScreen:
    return SettingsScreen(stores, bus)
