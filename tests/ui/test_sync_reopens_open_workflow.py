"""Issue 15's stale screen: 九步工作法 is open on the filed revision when the township's 退回修改 is imported from
同步; the workflow screen shows step 6 reopened without being selected again."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.township.reviews import DecisionKind, RequestKind
from models.workflow.steps import StepState, WorkflowStep
from storage.core.backend import build_stores
from tests.sync.conftest import Pair, export, import_, pair  # noqa: F401  (pair is a fixture)
from tests.sync.township_setup import ADMIN, REVIEWER, vote_and_submit, walk_to_step_7
from ui.core.bus import DataBus
from ui.sync import screen as sync_module
from ui.sync.screen import SyncScreen
from ui.workflow.screen import WorkflowScreen

REASON = "第二条仍有罚款规定，请删除后重新表决"


def _filed_and_returned(pair: Pair) -> tuple[str, Path]:
    """The village's revision filed (step 9), and the township's answer 退回修改 on the stick, not yet imported."""
    rulebook_id = walk_to_step_7(pair.village)
    import_(pair.township, export(pair.village, pair.stick))
    desk = build_stores(pair.township, REVIEWER).township
    desk.record_review(desk.requests()[0].id, date(2026, 3, 5), "同意提交表决。")
    import_(pair.village, export(pair.township, pair.stick))
    vote_and_submit(pair.village, rulebook_id)
    import_(pair.township, export(pair.village, pair.stick))
    filing = next(r for r in desk.requests() if r.kind is RequestKind.FILING)
    desk.decide(filing.id, DecisionKind.RETURN, date(2026, 5, 28), reasons=REASON)
    return rulebook_id, export(pair.township, pair.stick)


def test_the_open_workflow_screen_shows_the_returned_filing(qtbot, pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rulebook_id, answer = _filed_and_returned(pair)
    bus = DataBus()
    workflow = WorkflowScreen(build_stores(pair.village, ADMIN), bus)
    sync = SyncScreen(build_stores(pair.village, COMMAND_LINE_ACTOR).sync, bus, lambda: [])
    qtbot.addWidget(workflow)
    qtbot.addWidget(sync)
    assert workflow.rulebook_id == rulebook_id
    assert workflow.status.view(WorkflowStep.REVISION).status.state is StepState.DONE
    monkeypatch.setattr(sync_module, "choose_bundle", lambda parent: answer)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(bus.changed, timeout=10000):
        qtbot.mouseClick(sync.import_button, sync_module.Qt.MouseButton.LeftButton)
    six = workflow.status.view(WorkflowStep.REVISION).status
    assert six.state is StepState.ACTIVE and REASON in six.reopen_reason
    assert workflow.status.current_step is WorkflowStep.REVISION
