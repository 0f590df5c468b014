"""群众说事 screen: intake, 交办, progress, 办结, 回访, 销号, with each matter's timeline."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.matters.screen import MattersScreen

    return MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)


def create_desk(stores: Any, bus: DataBus) -> QWidget:
    """乡镇端: the matters villages assigned to the township."""
    from models.core.accounts import Permission
    from ui.matters.desk import TownshipMattersScreen

    return TownshipMattersScreen(stores.matters, bus, stores.actor.can(Permission.REVIEW_FILINGS))
