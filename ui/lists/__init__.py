"""The red/yellow/black lists (红黑榜) screen package: board, entries with history, review queue, objections."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.core.ports import Stores
from ui.core.bus import DataBus


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    """Factory named in ui/core/areas.py; imports the screen only when the area is first opened."""
    from ui.lists.screen import ListsScreen

    return ListsScreen(stores, bus)
