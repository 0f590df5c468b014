"""The demo shows every phase: 第2版 in force came from the 2019 revision recorded through all nine steps (filed with
its receipt), the 2026 revision stays at step 5, `check` passes, and the township's copy holds the 2019 filing."""
from __future__ import annotations

from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.installation import open_database
from tests.helpers import run_json


def test_the_version_in_force_comes_from_a_complete_earlier_revision(tmp_path: Path) -> None:
    village = tmp_path / "demo.sqlite3"
    code, result = run_json(village, "demo", "--households", "30")
    assert code == 0
    _, listed = run_json(village, "rules", "list")
    (rulebook,) = listed["rulebooks"]
    assert rulebook["versions"] == 3 and rulebook["in_force_version"] == 2
    code, history = run_json(village, "rules", "history", rulebook["id"])
    assert code == 0
    earlier, current = history["revisions"]
    assert earlier["complete"] and earlier["steps_done"] == 9 and earlier["voted_version"] == 2
    assert earlier["filing"] == {"status": "filed", "receipt_number": "德乡备〔2019〕3号", "receipt_date": "2019-05-30",
                                 "effective_date": "2019-07-01", "submitted_on": "2019-05-24"}
    assert not current["complete"] and current["steps_done"] == 4 and current["started_on"] == "2026-03-02"
    assert run_json(village, "rules", "status", rulebook["id"])[1]["current_step"] == 5
    for db in (village, Path(result["township"]["db"])):
        assert run_json(db, "check")[0] == 0
    township = open_database(Path(result["township"]["db"]))
    filed = build_stores(township, COMMAND_LINE_ACTOR).workflow.revisions.history(rulebook["id"])
    assert [r.complete for r in filed] == [True, False]
    assert filed[0].filing is not None and filed[0].filing.receipt_number == "德乡备〔2019〕3号"
