"""设置 → 红黑榜: the lists' limits edited, refused outside the legal bounds, undoable, used by the lists screen."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.lists.entries import PeriodKind
from storage.core.backend import SqliteBackend, build_stores
from storage.lists.settings import read_list_settings
from tests.helpers import type_text
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen
from ui.core.settings.screen import SettingsScreen


def test_edit_save_undo_and_the_screen_follows(qtbot, monkeypatch, backend: SqliteBackend, stores) -> None:
    bus = DataBus()
    settings = SettingsScreen(stores, bus)
    qtbot.addWidget(settings)
    lists = ListsScreen(stores, bus, today=lambda: date(2025, 8, 9))
    qtbot.addWidget(lists)
    assert lists.period == "2025-08"
    panel = settings.list_settings
    assert settings.tabs.tabText(settings.tabs.indexOf(panel)) == "红黑榜"
    assert panel.publicity_spin.minimum() == 5 and panel.answer_spin.maximum() == 3
    panel.cycle_combo.set_current_value("quarter")
    panel.publicity_spin.setValue(10)
    panel.words_edit.moveCursor(panel.words_edit.textCursor().MoveOperation.End)
    type_text(panel.words_edit, "\n邋遢")
    panel.save_button.click()
    saved = read_list_settings(backend.db)
    assert (saved.cycle, saved.publicity_days, saved.stigmatising_words[-1]) == (PeriodKind.QUARTER, 10, "邋遢")
    assert stores.list_settings.settings == saved
    lists.reload()
    assert "2025-Q3" in [lists.period_combo.itemText(i) for i in range(lists.period_combo.count())]
    settings.undo_stack.undo()
    assert read_list_settings(backend.db).publicity_days == 7 and panel.publicity_spin.value() == 7


def test_removing_a_named_word_is_refused_and_black_naming_asks(qtbot, monkeypatch, backend: SqliteBackend,
                                                                stores) -> None:
    settings = SettingsScreen(stores, DataBus())
    qtbot.addWidget(settings)
    panel = settings.list_settings
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    panel.words_edit.setPlainText("老赖")
    panel.save_button.click()
    assert "不能删去" in warnings[0] and read_list_settings(backend.db).stigmatising_words[0] == "厚颜无耻"
    panel.load()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    panel.name_black_check.setChecked(True)
    panel.save_button.click()
    assert read_list_settings(backend.db).name_black_list is False
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    panel.save_button.click()
    assert read_list_settings(backend.db).name_black_list is True
    assert build_stores(backend.db, COMMAND_LINE_ACTOR).list_settings.settings.name_black_list is True  # a new session
