"""An open workflow screen follows a township bundle imported on the sync screen (issue 15): the township returns
the filing (退回修改), the import reopens step 6, and the screen shows it without being reselected."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.township.reviews import DecisionKind, RequestKind
from models.workflow.steps import StepState, WorkflowStep
from storage.core.backend import build_stores, township_returns
from storage.sync.service import SqliteSyncService
from tests.sync.conftest import Pair, export, import_, pair  # noqa: F401 (fixture)
from tests.sync.township_setup import ADMIN, REVIEWER, vote_and_submit, walk_to_step_7
from ui.core.bus import DataBus
from ui.sync import screen as sync_module
from ui.sync.screen import SyncScreen
from ui.workflow.screen import WorkflowScreen

REASONS = "第二条仍有罚款规定，请删除后重新表决"


def _township_returns_the_filing(pair: Pair, rulebook_id: str) -> None:
    """The pre-review and the filing request travel to the township, which sends the filing back."""
    import_(pair.township, export(pair.village, pair.stick))
    desk = build_stores(pair.township, REVIEWER).township
    desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    import_(pair.village, export(pair.township, pair.stick))
    vote_and_submit(pair.village, rulebook_id)
    import_(pair.township, export(pair.village, pair.stick))
    filing = next(r for r in desk.requests() if r.kind is RequestKind.FILING)
    desk.decide(filing.id, DecisionKind.RETURN, date(2026, 5, 28), reasons=REASONS)


def test_a_township_return_imported_on_the_sync_screen_reopens_step_6_on_the_open_workflow_screen(
        qtbot, pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rulebook_id = walk_to_step_7(pair.village)
    _township_returns_the_filing(pair, rulebook_id)
    bundle = export(pair.township, pair.stick)
    bus = DataBus()
    workflow = WorkflowScreen(build_stores(pair.village, ADMIN), bus)
    sync = SyncScreen(SqliteSyncService(pair.village, ADMIN, township_returns), bus, lambda: [])
    qtbot.addWidget(workflow)
    qtbot.addWidget(sync)
    assert workflow.status is not None and workflow.status.current_step is WorkflowStep.POST_AND_ENFORCE
    workflow.select_step(WorkflowStep.REVISION)  # the clerk has step 6 open
    assert workflow.page_title.text() == f"第6步　修改完善（{StepState.DONE.label}）"
    monkeypatch.setattr(sync_module, "choose_bundle", lambda parent: bundle)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(bus.changed, timeout=10000):
        qtbot.mouseClick(sync.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sync.busy, timeout=10000)
    # Nothing on the workflow screen was touched: what it shows now came from the import's notice alone.
    assert workflow.status.current_step is WorkflowStep.REVISION
    assert workflow.selected_step is WorkflowStep.REVISION
    assert workflow.page_title.text() == f"第6步　修改完善（{StepState.ACTIVE.label}）"
    assert f"退回原因：乡镇退回修改：{REASONS}" in workflow.page_text.text()
    assert StepState.ACTIVE.label in workflow.step_buttons[5].text()
    assert StepState.STALE.label in workflow.step_buttons[8].text()
    assert workflow.advance_button.isEnabled()
