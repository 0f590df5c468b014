"""Typing that is not saved is never dropped without a word: 保存 / 不保存 / 取消 when an article is left."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.core.accounts import Actor
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from tests.ui.modal import answer_next_box
from ui.core.bus import DataBus
from ui.rules import create_screen

NEW_TEXT = "村民应当爱护公共设施，损坏的照价赔偿。"


@pytest.fixture
def screen(qtbot, village_db: Database, admin: Actor, tmp_path: Path):  # type: ignore[no-untyped-def]
    stores = build_stores(village_db, admin)
    for name, text in (("b.md", "第一条 爱护林木。\n"), ("a.md", "第一条 讲卫生。\n第二条 护水源。\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        shown = stores.rule_files.import_file(tmp_path / name, title=name[0]).rulebook_id
    widget = create_screen(stores, DataBus())
    widget.reload(shown)  # the two-article rulebook "a"
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_article(qtbot, screen, number: int) -> None:  # type: ignore[no-untyped-def]
    key = screen.version.articles[number].key
    index = screen.outline_model.index(screen.outline_model.row_of(key))
    screen.outline_view.scrollTo(index)
    qtbot.mouseClick(screen.outline_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.outline_view.visualRect(index).center())


def _type_into_first(qtbot, screen) -> str:  # type: ignore[no-untyped-def]
    _click_article(qtbot, screen, 0)
    first = screen.version.articles[0].key
    screen.article_edit.selectAll()
    type_text(screen.article_edit, NEW_TEXT)
    return first


def test_cancel_keeps_the_typing_and_the_selection(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    first = _type_into_first(qtbot, screen)
    seen = answer_next_box("取消")
    _click_article(qtbot, screen, 1)
    assert seen.opened and seen.buttons == ["保存", "不保存", "取消"] and "第一条" in seen.text
    assert screen.article_edit.toPlainText() == NEW_TEXT
    assert screen.outline_model.entry(screen.outline_view.currentIndex().row()).key == first
    assert screen.version.articles[0].text == "讲卫生。"


def test_save_writes_an_undoable_edit_and_goes_on(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    _type_into_first(qtbot, screen)
    seen = answer_next_box("保存")
    _click_article(qtbot, screen, 1)
    assert seen.opened
    assert screen.version.articles[0].text == NEW_TEXT
    assert screen.article_edit.toPlainText() == "护水源。"
    assert screen.undo_stack.undoText() == "修改条文"
    screen.undo_button.click()
    assert screen.version.articles[0].text == "讲卫生。"


def test_discard_forgets_the_typing(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    _type_into_first(qtbot, screen)
    seen = answer_next_box("不保存")
    _click_article(qtbot, screen, 1)
    assert seen.opened and screen.article_edit.toPlainText() == "护水源。"
    assert screen.version.articles[0].text == "讲卫生。" and screen.undo_stack.count() == 0
    _click_article(qtbot, screen, 0)
    assert screen.article_edit.toPlainText() == "讲卫生。"


def test_switching_rulebook_asks_and_cancel_stays(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    _type_into_first(qtbot, screen)
    shown = screen.rulebook_combo.currentIndex()
    seen = answer_next_box("取消")
    screen.rulebook_combo.setCurrentIndex(1 - shown)  # what choosing the other rulebook in the list does
    assert seen.opened and screen.rulebook_combo.currentIndex() == shown
    assert screen.article_edit.toPlainText() == NEW_TEXT
    seen = answer_next_box("保存")
    screen.rulebook_combo.setCurrentIndex(1 - shown)
    assert seen.opened and screen.rulebook_combo.currentIndex() == 1 - shown
    assert screen.article_edit.toPlainText() == "爱护林木。"


def test_nothing_typed_nothing_asked(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    _click_article(qtbot, screen, 0)
    seen = answer_next_box("取消")
    _click_article(qtbot, screen, 1)
    seen.timer.stop()
    assert not seen.opened and screen.article_edit.toPlainText() == "护水源。"


def _click_area(qtbot, window, label: str) -> None:  # type: ignore[no-untyped-def]
    item = window.area_list.findItems(label, Qt.MatchFlag.MatchStartsWith)[0]
    qtbot.mouseClick(window.area_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.area_list.visualItemRect(item).center())


@pytest.fixture
def window(qtbot, backend, stores):  # type: ignore[no-untyped-def]
    from ui.core.main_window import MainWindow

    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _click_area(qtbot, window, "设置")
    window.area_stack.currentWidget().village_edit.clear()
    type_text(window.area_stack.currentWidget().village_edit, "青山村")
    return window


def test_leaving_a_screen_by_the_sidebar_asks(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    settings = window.area_stack.currentWidget()
    seen = answer_next_box("取消")
    _click_area(qtbot, window, "首页")
    assert seen.opened and "村庄信息" in seen.text
    assert window.area_stack.currentWidget() is settings and window.area_list.currentItem().text() == "设置"
    assert settings.village_edit.text() == "青山村"
    seen = answer_next_box("保存")
    _click_area(qtbot, window, "首页")
    assert seen.opened and window.area_list.currentItem().text() == "首页"
    assert backend.profile().village == "青山村"
    window.undo_action.trigger()  # 保存 is the normal undoable save
    assert backend.profile().village == "青石村"


def test_closing_the_window_asks(qtbot, window, backend) -> None:  # type: ignore[no-untyped-def]
    seen = answer_next_box("取消")
    window.close()
    assert seen.opened and window.isVisible()
    seen = answer_next_box("不保存")
    window.close()
    assert seen.opened and not window.isVisible() and backend.profile().village == "青石村"
