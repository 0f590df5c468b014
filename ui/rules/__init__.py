"""The village rules (村规民约) screen package."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.core.ports import Stores
from ui.core.bus import DataBus


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    """Factory named in ui/core/areas.py; imports the screen only when the area is first opened."""
    from ui.rules.screen import RulesScreen

    return RulesScreen(stores, bus)
