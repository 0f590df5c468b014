"""打印中心 (the printing area): `create_screen(stores, bus)` builds the screen."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus

if TYPE_CHECKING:
    from models.core.ports import Stores


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    from ui.printing.screen import PrintCenterScreen
    return PrintCenterScreen(stores, bus)
