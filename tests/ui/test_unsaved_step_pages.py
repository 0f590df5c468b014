"""Typing on a 九步工作法 step page or in 设置 → 红黑榜 is never dropped without a word: 保存 / 不保存 / 取消."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from models.workflow.steps import WorkflowStep
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.ui.modal import answer_next_box
from tests.ui.test_unsaved_edits import _click_area
from tests.ui.test_workflow_pages import _at_step_2, _screen
from ui.widgets.unsaved import DirtyForm

LEFT = Qt.MouseButton.LeftButton
STEP_1, STEP_2 = WorkflowStep.COMMITTEES_DISCUSS, WorkflowStep.SEND_INVITATIONS


def test_timetable_typed_on_step_1_asks_before_another_step(qtbot, backend: SqliteBackend, stores) -> None:
    rulebook_id = _at_step_2(backend, stores)
    screen = _screen(qtbot, stores, STEP_1)
    assert isinstance(screen, DirtyForm)  # what the main window asks before switching screen or closing
    page = screen.pages[STEP_1]
    typed = QDate(2027, 3, 1)
    page.target_edits[WorkflowStep.FIRST_DRAFT].setDate(typed)
    seen = answer_next_box("取消")
    qtbot.mouseClick(screen.step_buttons[1], LEFT)
    assert seen.opened and "时间安排表" in seen.text and seen.buttons == ["保存", "不保存", "取消"]
    assert screen.selected_step is STEP_1 and page.target_edits[WorkflowStep.FIRST_DRAFT].date() == typed
    seen = answer_next_box("保存")
    qtbot.mouseClick(screen.step_buttons[1], LEFT)
    assert seen.opened and screen.selected_step is STEP_2
    timetable = stores.workflow.revisions.facts(rulebook_id, typed.toPython()).timetable
    assert timetable[WorkflowStep.FIRST_DRAFT] == typed.toPython()
    assert screen.undo_stack.undoText() == "保存时间安排"


def test_publicity_place_typed_on_step_7_is_forgotten_on_discard(qtbot, backend: SqliteBackend, stores) -> None:
    _at_step_2(backend, stores)
    screen = _screen(qtbot, stores, WorkflowStep.SECOND_PUBLICITY)
    page = screen.pages[WorkflowStep.SECOND_PUBLICITY]
    page.place_edit.clear()
    type_text(page.place_edit, "村委会门口")
    seen = answer_next_box("不保存")
    qtbot.mouseClick(screen.step_buttons[0], LEFT)
    assert seen.opened and "公示起止日期" in seen.text and screen.selected_step is STEP_1
    assert page.place_edit.text() == "村务公开栏" and screen.undo_stack.count() == 0


def test_nothing_typed_on_a_step_page_nothing_asked(qtbot, backend: SqliteBackend, stores) -> None:
    _at_step_2(backend, stores)
    screen = _screen(qtbot, stores, STEP_1)
    seen = answer_next_box("取消")
    qtbot.mouseClick(screen.step_buttons[1], LEFT)
    seen.timer.stop()
    assert not seen.opened and screen.selected_step is STEP_2


def _window(qtbot, backend, stores):  # type: ignore[no-untyped-def]
    from ui.core.main_window import MainWindow

    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_list_settings_typed_in_settings_ask_before_the_screen_is_left(qtbot, backend: SqliteBackend,
                                                                        stores) -> None:
    window = _window(qtbot, backend, stores)
    _click_area(qtbot, window, "设置")
    settings = window.area_stack.currentWidget()
    before = stores.list_settings.settings.publicity_days
    settings.list_settings.publicity_spin.setValue(before + 2)
    seen = answer_next_box("取消")
    _click_area(qtbot, window, "首页")
    assert seen.opened and "红黑榜设置" in seen.text and window.area_stack.currentWidget() is settings
    seen = answer_next_box("保存")
    _click_area(qtbot, window, "首页")
    assert seen.opened and window.area_list.currentItem().text() == "首页"
    assert stores.list_settings.settings.publicity_days == before + 2
    window.undo_action.trigger()
    assert stores.list_settings.settings.publicity_days == before


def test_list_settings_typed_ask_on_close_and_discard_closes(qtbot, backend: SqliteBackend, stores) -> None:
    window = _window(qtbot, backend, stores)
    _click_area(qtbot, window, "设置")
    panel = window.area_stack.currentWidget().list_settings
    before = stores.list_settings.settings.answer_days
    panel.answer_spin.setValue(1 if before != 1 else 2)
    seen = answer_next_box("不保存")
    window.close()
    assert seen.opened and not window.isVisible() and stores.list_settings.settings.answer_days == before
