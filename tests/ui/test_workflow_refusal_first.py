"""A step button whose guard will refuse shows the guard's reasons, and asks 此操作不能撤销？ only when it will go."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from models.core.accounts import Role
from models.workflow.steps import WorkflowStep
from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from tests.conftest import PASSWORD
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5
from tests.ui.modal import answer_next_box
from ui.core.bus import DataBus
from ui.workflow.screen import WorkflowScreen


def test_a_refused_step_shows_reasons_not_a_confirmation(qtbot, backend: SqliteBackend, stores) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    seen = answer_next_box("OK")
    qtbot.mouseClick(screen.advance_button, Qt.MouseButton.LeftButton)
    assert seen.opened and seen.title == "还不能完成本步"
    assert "意见2（石大姐）" in seen.text and "不能撤销" not in seen.text
    assert screen.status.current_step is WorkflowStep.PUBLIC_CONSULTATION
    opinion = next(o for o in stores.workflow.opinions.opinions(rulebook_id) if not o.answered)
    stores.workflow.opinions.reply_opinion(opinion.id, Disposition.PARTLY, "增加电话参与", stores.actor.name, date.today())
    screen.reload_status()
    seen = answer_next_box("Yes")
    qtbot.mouseClick(screen.advance_button, Qt.MouseButton.LeftButton)
    assert seen.opened and "此操作不能撤销" in seen.text
    assert screen.status.current_step is WorkflowStep.REVISION


def test_reopen_by_a_clerk_says_who_may_before_asking_a_reason(qtbot, backend: SqliteBackend, stores) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date(2026, 2, 1))
    stores.accounts.create_user("wenshu", "吴晓梅", Role.CLERK, PASSWORD)
    screen = WorkflowScreen(backend.login("wenshu", PASSWORD), DataBus())
    qtbot.addWidget(screen)
    seen = answer_next_box("OK")
    qtbot.mouseClick(screen.reopen_button, Qt.MouseButton.LeftButton)
    assert seen.opened and seen.title == "不能退回" and "审核人" in seen.text
