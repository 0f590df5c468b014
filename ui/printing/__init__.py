"""打印中心 (the printing area): `create_screen(stores, bus)` builds the screen."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.printing.screen import PrintCenterScreen
    return PrintCenterScreen(stores, bus)
