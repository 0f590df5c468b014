"""退回步骤 on 九步工作法, through its button: the step chosen by its label, the reason asked for inside the dialog
(an empty one is refused there, not after the dialog is gone), then the step is active again and the later one
需重做 — on the screen and in `rules status`."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from tests.walks.conftest import Walk
from tests.walks.driver import choose, cli_json, click_button, expect_dialog, field, fill
from tests.walks.steps import workflow_step

REASON = "初稿第九条漏了罚款的依据，退回重拟"


def test_reopen_a_finished_step_with_its_reason(qtbot, walk: Walk) -> None:
    screen = walk.open_area("九步工作法")
    assert workflow_step(screen) == 5  # the demo's revision is asking for opinions
    rulebook_id = screen.rulebook_id
    refused: list[str] = []

    def handle(dialog: QWidget) -> None:
        choose(qtbot, field(dialog, "退回到"), "4 草拟初稿")
        click_button(qtbot, dialog, "确定")
        assert dialog.isVisible(), "an empty reason closed the dialog"
        refused.append(dialog.error_label.text())
        fill(qtbot, field(dialog, "退回原因"), REASON)
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, handle):
        click_button(qtbot, screen, "退回步骤")
    assert "原因" in refused[0]
    assert workflow_step(screen) == 4
    states = {s["n"]: s["state"] for s in cli_json(walk.db_path, "rules", "status", rulebook_id)["steps"]}
    assert (states[3], states[4], states[5], states[6]) == ("done", "active", "stale", "pending")
    stored = walk.stores.workflow.revisions.status(rulebook_id, date.today())
    assert stored.view(stored.current_step).status.reopen_reason == REASON  # recorded with the step
