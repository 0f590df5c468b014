"""答复意见 and 提名上榜 through their real dialogs, opened by the screen's button: both crashed when a combo box
handed back a StrEnum as a plain str (PySide6 6.12), and their other tests replaced the dialogs with stand-ins."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QMessageBox

from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.list_fixtures import CLERK, seed_registry, store
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen
from ui.workflow.screen import WorkflowScreen


def _fill_when_open(qtbot, fill: Callable[[QDialog], None], seen: list[str]) -> None:
    """Once the button's modal dialog runs its event loop, fill it and click 确定 (or close it if filling fails)."""
    def _run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), "no modal dialog opened"
        seen.append(dialog.windowTitle())
        try:
            fill(dialog)
        finally:
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, _run)


def _choose(combo: QComboBox, text: str) -> None:
    """Pick the entry the clerk sees as `text` (the start of its label)."""
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_answering_an_opinion_through_the_real_reply_dialog(qtbot, backend: SqliteBackend, stores,
                                                            monkeypatch) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    screen.opinions_view.selectRow(1)

    def fill(dialog: QDialog) -> None:
        _choose(dialog.disposition_combo, "部分采纳")
        type_text(dialog.reason_edit, "增加电话参与的办法")
    seen: list[str] = []
    _fill_when_open(qtbot, fill, seen)
    qtbot.mouseClick(screen.reply_button, Qt.MouseButton.LeftButton)
    assert seen == ["答复意见2（石大姐）"] and warnings == []
    reply = stores.workflow.opinions.opinions(rulebook_id)[1].reply
    assert reply is not None and reply.disposition is Disposition.PARTLY and reply.reason == "增加电话参与的办法"
    assert screen.undo_stack.count() == 1 and screen.undo_stack.undoText() == "答复意见2（石大姐）"


def test_nominating_through_the_real_nomination_dialog(qtbot, backend: SqliteBackend, stores, monkeypatch) -> None:
    seed_registry(backend.db)
    screen = ListsScreen(stores, DataBus(), today=lambda: date(2025, 3, 3))
    qtbot.addWidget(screen)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))

    def fill(dialog: QDialog) -> None:
        type_text(dialog.person_search_edit, "杨老三")
        _choose(dialog.person_combo, "杨老三（第12户）")
        _choose(dialog.kind_combo, "黄榜")
        _choose(dialog.article_combo, "第十二条")
        type_text(dialog.facts_edit, "3月2日在村道旁堆放建筑垃圾，经提醒未清理")
        type_text(dialog.consequence_edit, "本年度不参加评优评先")
    seen: list[str] = []
    _fill_when_open(qtbot, fill, seen)
    qtbot.mouseClick(screen.nominate_button, Qt.MouseButton.LeftButton)
    assert seen == ["提名上榜"] and not any("不能" in text for text in messages)
    (entry,) = store(backend.db, CLERK).entries("2025-03")
    assert (entry.household_no, entry.list_kind.value, entry.villager_id) == ("12", "yellow", "p-1")
    assert entry.facts == "3月2日在村道旁堆放建筑垃圾，经提醒未清理" and entry.consequence == "本年度不参加评优评先"
    assert screen.undo_stack.count() == 1 and screen.undo_stack.undoText().startswith("提名黄榜")
