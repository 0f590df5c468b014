"""The workflow demo: a revision at step 5 with a few dozen opinions, some unanswered; added only once."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.workflow.steps import WorkflowStep
from storage.demo import DemoOptions, run_demo
from storage.core.installation import open_database
from storage.core.backend import build_stores


def test_workflow_demo(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3", must_exist=False)
    options = DemoOptions(seed=11, households=120)
    run_demo(db, options)
    assert options.counts["workflow_opinions"] == 36
    store = build_stores(db, COMMAND_LINE_ACTOR).workflow
    rulebook_id = db.conn.execute("SELECT id FROM rulebooks").fetchone()[0]
    status = store.revisions.status(rulebook_id, date(2026, 4, 1))
    assert status.current_step is WorkflowStep.PUBLIC_CONSULTATION
    assert status.view(WorkflowStep.PUBLIC_CONSULTATION).figure == "36 条意见，4 条未答复"
    assert store.settings.settings(rulebook_id).publicity_min_days == 7
    again = DemoOptions(seed=11, households=120)
    run_demo(db, again)
    assert again.counts["workflow_opinions"] == 0
