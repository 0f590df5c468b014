"""红黑榜 screen: a walk from nomination to publication, with an objection answered and a naming consent."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from models.lists.entries import EntryState, ListKind
from storage.core.backend import SqliteBackend
from tests.list_fixtures import seed_registry
from tests.ui.nominate import submit_nomination
from ui.core.bus import DataBus
from ui.lists.dialogs import (AnswerDialog, ConsentDialog, NominationDialog, NominationInput, ObjectionDialog,
                              StepDialog)
from ui.lists.screen import ListsScreen

DAY = date(2025, 3, 3)


def _screen(qtbot, qtmodeltester, backend: SqliteBackend, stores) -> ListsScreen:
    seed_registry(backend.db)
    screen = ListsScreen(stores, DataBus())
    screen.today = lambda: DAY
    screen.period = "2025-03"
    screen.reload()
    qtbot.addWidget(screen)
    return screen


def _check_models(qtmodeltester, screen: ListsScreen) -> None:
    for model in (*screen.board_models.values(), screen.entries_model, screen.queue_model, screen.history_model,
                  screen.objections_model):
        qtmodeltester.check(model)


def _patch(monkeypatch, cls: type, value: object) -> None:
    monkeypatch.setattr(cls, "ask", classmethod(lambda c, *a, **k: value))


def _advance(qtbot, screen: ListsScreen, monkeypatch, on: date, note: str = "同意") -> None:
    screen.today = lambda: on
    _patch(monkeypatch, StepDialog, (note, ""))
    qtbot.mouseClick(screen.advance_button, Qt.MouseButton.LeftButton)


def test_nomination_to_publication(qtbot, qtmodeltester, backend: SqliteBackend, stores, monkeypatch) -> None:
    screen = _screen(qtbot, qtmodeltester, backend, stores)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    submit_nomination(monkeypatch, NominationInput("12", ListKind.YELLOW, "2025-03", "第十二条",
                                                   "3月2日在村道旁堆放建筑垃圾，经提醒未清理", "网格员龙德军", ""))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    assert not warnings and screen.entries_model.rowCount() == 1 and screen.selected_id
    assert screen.entries_model.index(0, 3).data() == "提名" and screen.undo_stack.count() == 1
    _check_models(qtmodeltester, screen)
    screen.undo_stack.undo()  # a nomination entered by mistake can be taken back, and brought back
    assert screen.entries_model.rowCount() == 0
    screen.undo_stack.redo()
    screen.select_entry(screen.entries_model.row_at(0).id)
    assert screen.queue_model.rowCount() == 1  # the administrator may assess it
    for offset, state in ((0, "执委会评议"), (1, "监委会审核"), (2, "公示")):
        _advance(qtbot, screen, monkeypatch, DAY + timedelta(offset))
        assert screen.entries_model.index(0, 3).data() == state and screen.undo_stack.count() == 0
    assert screen.objections_view.empty_hint.text() == "暂无异议" and not screen.objections_view.empty_hint.isHidden()
    _patch(monkeypatch, ObjectionDialog, ("杨老三", "垃圾已于当天清理"))
    qtbot.mouseClick(screen.objection_button, Qt.MouseButton.LeftButton)
    assert screen.objections_model.rowCount() == 1 and screen.objections_model.index(0, 3).data() == "未答复"
    assert screen.objections_view.empty_hint.isHidden()
    _advance(qtbot, screen, monkeypatch, DAY + timedelta(9))
    assert warnings and "未答复" in warnings[-1] and screen.entries_model.index(0, 3).data() == "公示"
    _patch(monkeypatch, AnswerDialog, ("经网格员核实，垃圾仍未清理，异议不成立", False))
    qtbot.mouseClick(screen.answer_button, Qt.MouseButton.LeftButton)
    assert screen.objections_model.index(0, 4).data() == "异议不成立"
    _advance(qtbot, screen, monkeypatch, DAY + timedelta(9), "公示期满")
    assert screen.entries_model.row_at(0).state is EntryState.PUBLISHED
    assert screen.board_models[ListKind.YELLOW].index(0, 0).data() == "三组第12号户"
    assert [screen.history_model.index(r, 2).data() for r in range(screen.history_model.rowCount())] == [
        "提名", "执委会评议", "监委会审核", "公示", "发布"]
    _patch(monkeypatch, ConsentDialog, ("12", "consent", "户主杨老三 2025年3月1日书面同意", "", False))
    qtbot.mouseClick(screen.consent_button, Qt.MouseButton.LeftButton)
    assert screen.board_models[ListKind.YELLOW].index(0, 0).data() == "三组 杨老三"
    _check_models(qtmodeltester, screen)
    if Path("/tmp/lists-screens").is_dir():
        screen.resize(1400, 800)
        screen.grab().save("/tmp/lists-screens/board.png")
        screen.tabs_widget.setCurrentIndex(1)
        screen.grab().save("/tmp/lists-screens/entries.png")


def test_refusals_are_shown_and_nothing_is_recorded(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                    monkeypatch) -> None:
    screen = _screen(qtbot, qtmodeltester, backend, stores)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    shown = submit_nomination(monkeypatch, NominationInput("12", ListKind.YELLOW, "2025-03", "第十二条", "此人是老赖",
                                                           "网格员龙德军", ""))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    assert not warnings and shown and "贬损性用语" in shown[0]  # the refusal shows in the dialog, still open
    assert screen.entries_model.rowCount() == 0 and screen.undo_stack.count() == 0


def test_nomination_dialog_reads_what_the_clerk_types(qtbot) -> None:
    from models.lists.entries import ArticleRef
    from tests.helpers import type_text
    articles = [ArticleRef("k-12", "v-2", "第十二条", "房前屋后不乱堆乱放")]
    dialog = NominationDialog("2025-03", "吴晓梅", articles)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.household_edit, "12")
    dialog.kind_combo.setCurrentIndex(1)
    dialog.article_combo.setCurrentIndex(1)
    type_text(dialog.facts_edit, "3月2日在村道旁堆放建筑垃圾")
    assert dialog.value() == NominationInput("12", ListKind.YELLOW, "2025-03", "第十二条", "3月2日在村道旁堆放建筑垃圾",
                                             "吴晓梅", "")


def test_nomination_records_when_it_happened_and_refuses_a_statutory_consequence(qtbot, monkeypatch, backend,
                                                                                 stores) -> None:
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QMessageBox

    from models.lists.entries import ArticleRef
    from tests.helpers import type_text
    from tests.list_fixtures import CLERK, seed_registry, store
    from ui.core.bus import DataBus
    from ui.lists.screen import ListsScreen

    dialog = NominationDialog("2025-03", "吴晓梅", [ArticleRef("k-12", "v-2", "第十二条", "房前屋后不乱堆乱放")])
    qtbot.addWidget(dialog)
    assert not dialog.occurred_edit.isEnabled() and dialog.value().occurred_on is None
    dialog.occurred_check.setChecked(True)
    dialog.occurred_edit.setDate(QDate(2025, 3, 2))
    type_text(dialog.consequence_edit, "本年度不参加评优评先")
    assert (dialog.value().occurred_on, dialog.value().consequence) == (date(2025, 3, 2), "本年度不参加评优评先")

    seed_registry(backend.db)
    screen = ListsScreen(stores, DataBus(), today=lambda: date(2025, 3, 3))
    qtbot.addWidget(screen)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    base = NominationInput("12", ListKind.YELLOW, "2025-03", "第十二条", "3月2日在村道旁堆放建筑垃圾", "网格员龙德军", "")
    shown = submit_nomination(monkeypatch, replace(base, consequence="停发低保三个月"))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    assert shown and "法定权益" in shown[0] and store(backend.db, CLERK).entries("2025-03") == []
    submit_nomination(monkeypatch, replace(base, consequence="本年度不参加评优评先", occurred_on=date(2025, 3, 2)))
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    (entry,) = store(backend.db, CLERK).entries("2025-03")
    assert (entry.occurred_on, entry.consequence) == (date(2025, 3, 2), "本年度不参加评优评先")
    assert "上榜后果：本年度不参加评优评先" in screen.detail_label.text()
    assert "发生日期：2025年3月2日" in screen.detail_label.text()


def test_a_refused_nomination_keeps_the_dialog_open_with_what_was_typed(qtbot, backend: SqliteBackend,
                                                                        stores) -> None:
    """The write happens on 确定 while the dialog is open: a refusal shows there, a correction then goes through."""
    from PySide6.QtWidgets import QDialog

    from models.lists.entries import ArticleRef
    from tests.helpers import type_text

    screen = _screen(qtbot, None, backend, stores)
    written: list = []
    dialog = NominationDialog("2025-03", "网格员龙德军", [ArticleRef("k-12", "v-2", "第十二条", "房前屋后不乱堆乱放")])
    qtbot.addWidget(dialog)
    dialog.save = lambda given: screen._nominate(given, written)
    dialog.show()
    type_text(dialog.household_edit, "12")
    dialog.kind_combo.set_current_value(ListKind.YELLOW)
    dialog.article_combo.set_current_value("第十二条")
    type_text(dialog.facts_edit, "此人是老赖")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "贬损性用语" in dialog.error_label.text() and dialog.facts_edit.toPlainText() == "此人是老赖"
    assert written == [] and screen.undo_stack.count() == 0
    dialog.facts_edit.clear()
    type_text(dialog.facts_edit, "3月2日在村道旁堆放建筑垃圾，经提醒未清理")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert len(written) == 1 and screen.undo_stack.count() == 1
    assert stores.list_entries.entry(written[0].entry_id).facts == "3月2日在村道旁堆放建筑垃圾，经提醒未清理"
