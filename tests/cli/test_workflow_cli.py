"""`rules status` / `rules advance` contract: JSON keys, exit 0 when moved, exit 2 with blockers and no change."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from models.workflow.records import Disposition
from storage.core.installation import open_database
from storage.core.backend import build_stores
from tests.helpers import run_cli, run_json
from tests.storage.workflow_setup import rulebook_in_force, walk_to_step_5


def test_status_advance_and_list(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite3"
    assert run_json(path, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                    "--admin", "admin", stdin="secret123\n")[0] == 0
    db = open_database(path)
    rulebook_id = rulebook_in_force(db, COMMAND_LINE_ACTOR)
    code, listing = run_json(path, "rules", "list")
    assert listing["rulebooks"][0]["current_step"] is None
    store = build_stores(db, COMMAND_LINE_ACTOR).workflow
    walk_to_step_5(db, COMMAND_LINE_ACTOR, store, rulebook_id, date(2026, 2, 1))
    code, status = run_json(path, "rules", "status", rulebook_id)
    assert code == 0 and set(status) == {"rulebook", "current_step", "steps"} and status["current_step"] == 5
    assert status["steps"][4] == {"n": 5, "name": "征求民意", "state": "active",
                                  "blockers": ["还有 1 条意见未答复：意见2（石大姐）"]}
    assert [s["state"] for s in status["steps"]] == ["done"] * 4 + ["active"] + ["pending"] * 4
    code, out, err = run_cli(["--db", str(path), "rules", "advance", rulebook_id])
    assert code == 2 and "还有 1 条意见未答复：意见2（石大姐）" in err and out == ""
    assert run_json(path, "rules", "status", rulebook_id)[1]["current_step"] == 5
    waiting = [o for o in store.opinions.opinions(rulebook_id) if not o.answered][0]
    store.opinions.reply_opinion(waiting.id, Disposition.ADOPTED, "", "吴支书", date(2026, 2, 2))
    code, moved = run_json(path, "rules", "advance", rulebook_id)
    assert code == 0 and moved["current_step"] == 6
    assert run_json(path, "rules", "list")[1]["rulebooks"][0]["current_step"] == 6
    code, text, _ = run_cli(["--db", str(path), "rules", "status", rulebook_id])
    assert "6 修改完善  进行中" in text
    code, _, err = run_cli(["--db", str(path), "rules", "status", "nope"])
    assert code == 2
