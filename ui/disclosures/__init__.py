"""三务公开 screen: what is due and its status, the publication record with the board's photo, finance import."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from datetime import date

    from models.core.accounts import Role
    from models.disclosures.print_sources import finance_board
    from printing.disclosures.finance_board_pdf import finance_job
    from ui.disclosures.screen import DisclosuresScreen

    return DisclosuresScreen(stores.disclosures, stores.publications, stores.finance_sheets, stores.attachments, bus,
                             lambda month: finance_job(finance_board(stores, month, date.today()), date.today()),
                             can_sign_off=stores.actor.role is Role.SUPERVISOR)
