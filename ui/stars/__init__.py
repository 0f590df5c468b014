"""十星级文明户 screen: the star list in force, the year's households and their stars, awarding and withdrawing."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.stars.screen import StarsScreen

    return StarsScreen(stores.star_lists, stores.star_awards, stores.meetings, bus)
