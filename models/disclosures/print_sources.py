"""What the disclosures print, gathered through the typed stores: the month's 财务公开 board page."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.disclosures.finance import FinanceSheet

if TYPE_CHECKING:
    from models.core.ports import Stores


@dataclass(frozen=True)
class FinanceBoard:
    """财务公开栏一页 — the village, the checked sheet of the month."""

    village: str
    sheet: FinanceSheet


def finance_board(stores: Stores, month: str, _today: date) -> FinanceBoard:
    return FinanceBoard(stores.profile.get().display_name, stores.finance_sheets.sheet(month))
