"""三务公开 screen: what is due and its status, the publication record with the board's photo, finance import."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.disclosures.screen import DisclosuresScreen

    return DisclosuresScreen(stores.disclosures, stores.publications, stores.finance_sheets, stores.attachments, bus)
