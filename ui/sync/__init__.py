"""同步 screen: pairing keys, export to a removable drive, import of bundles."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.sync.screen import SyncScreen

    return SyncScreen(stores.sync, bus)
