"""Timeline: step 5 is blocked by an unanswered opinion; answer it (undoable), advance (confirmed)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from models.workflow.steps import StepState, WorkflowStep
from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from ui.core.bus import DataBus
from ui.workflow.dialogs import ReplyDialog
from ui.workflow.screen import WorkflowScreen


def test_answer_the_last_opinion_then_advance(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                              monkeypatch) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    qtmodeltester.check(screen.opinion_model)
    assert screen.selected_step is WorkflowStep.PUBLIC_CONSULTATION
    assert "还有 1 条意见未答复：意见2（石大姐）" in screen.guard_label.text()
    assert "2 条意见，1 条未答复" == screen.step_buttons[4].toolTip()  # the tile wraps it over two lines
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    qtbot.mouseClick(screen.advance_button, qtbot_left())
    assert warnings and "意见2（石大姐）" in warnings[0]
    assert screen.status.current_step is WorkflowStep.PUBLIC_CONSULTATION
    screen.opinions_view.selectRow(1)
    monkeypatch.setattr(ReplyDialog, "ask", classmethod(lambda cls, parent, o: (Disposition.PARTLY, "增加电话参与")))
    qtbot.mouseClick(screen.reply_button, qtbot_left())
    assert "部分采纳" in screen.opinion_model.index(1, 6).data()
    assert "可以进入下一步" in screen.guard_label.text()
    screen.undo_stack.undo()
    assert "未答复" == screen.opinion_model.index(1, 6).data()
    screen.undo_stack.redo()
    qtbot.mouseClick(screen.advance_button, qtbot_left())
    assert screen.status.current_step is WorkflowStep.REVISION
    assert screen.status.view(WorkflowStep.PUBLIC_CONSULTATION).status.state is StepState.DONE
    assert screen.undo_stack.count() == 0
    assert "已完成" in screen.step_buttons[4].text()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def test_a_short_step_page_leaves_no_blank_space_above_its_attachments(qtbot, backend: SqliteBackend,
                                                                       stores) -> None:
    """Seen on screen: every step's page was as tall as the tallest (the 全体表决 page), a blank screen's worth."""
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.resize(1000, 760)
    screen.show()
    tall, short = screen.pages[WorkflowStep.ASSEMBLY_VOTE], screen.pages[WorkflowStep.SEND_INVITATIONS]
    screen.select_step(WorkflowStep.SEND_INVITATIONS)
    assert screen.pages_stack.currentWidget() is short and tall.isHidden() and not short.isHidden()
    stack_height = screen.pages_stack.layout().totalHeightForWidth(800) \
        if screen.pages_stack.layout().hasHeightForWidth() else screen.pages_stack.sizeHint().height()
    assert stack_height < tall.sizeHint().height()
