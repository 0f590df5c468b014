"""乡镇审查 screen (township mode): villages, their waiting requests, review and filing decisions."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from models.core.accounts import Permission
    from ui.township.screen import TownshipScreen

    return TownshipScreen(stores.township, bus, stores.actor.can(Permission.REVIEW_FILINGS), stores.disclosure_desk)
