"""三务公开 screen offscreen: the finance frequency box switches the calendar, undoably."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.db import Database
from ui.core.bus import DataBus
from ui.disclosures import create_screen


def _finance_periods(screen) -> set[str]:  # type: ignore[no-untyped-def]
    return {row[0].period for row in screen._due if row[0].category == "财务收支"}


def test_the_monthly_box_switches_finance_to_quarterly_and_back(qtbot, village_db: Database) -> None:
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.monthly_check.isChecked() and any("-Q" not in p for p in _finance_periods(screen))
    box = screen.monthly_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not stores.disclosures.frequent_finance() and not box.isChecked()
    assert _finance_periods(screen) and all("-Q" in p for p in _finance_periods(screen))
    screen.undo_stack.undo()
    assert stores.disclosures.frequent_finance() and box.isChecked()
