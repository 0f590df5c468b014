"""The minutes screen at an ordinary window size: the record editor is not crushed beside the list."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from models.core.accounts import Actor
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.registry_fixtures import seat_committees
from ui.core.bus import DataBus
from ui.minutes.dialogs import NewMeetingDialog
from ui.minutes.screen import create_screen


def test_editor_gets_the_larger_share_and_needs_no_sideways_scrolling(qtbot, village_db: Database, admin: Actor,
                                                                       monkeypatch) -> None:
    seat_committees(village_db, admin)
    screen = create_screen(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(screen)
    screen.resize(990, 760)  # what a 1200 × 800 main window leaves beside the sidebar
    screen.show()
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.editor.add_item_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    left, editor = screen.splitter.sizes()
    assert editor > left  # was a 60-pixel sliver: the filter row with three buttons held the list wide
    area = screen.editor.findChild(QScrollArea)
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
