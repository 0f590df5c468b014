"""网格关怀 screen: households with their care level, contact people and visits; grids with their size warnings."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.care.screen import CareScreen

    return CareScreen(stores, bus)
