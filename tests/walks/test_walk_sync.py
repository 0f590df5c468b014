"""Walk 7: a USB round trip between 青石村 and 德化乡's desk, through both apps' 同步 screens.

The clerk brings the demo revision to its second publicity (steps 5–7 on 九步工作法), exports a bundle to a folder,
the township's reviewer imports it, finds the draft waiting on 乡镇审查, writes the legality review with a note on
the rewritten article and exports the answer; the clerk imports it. Every screen the clerk left open that shows what
the answer touched (the revision's workflow, the recent changes on 首页) shows the new state without being opened
again, the others are left alone (the import says what it changed), and the command line of both installations says
the same as their screens."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from storage.demo.b10_installation import DEMO_PASSWORD
from tests.walks.conftest import Walk
from tests.walks.driver import cli_json
from tests.walks.steps import (CONCLUSION, advance, cell, export_bundle, import_bundle, last_week, post_publicity,
                               reply_opinions, review_the_draft, revise)

ARTICLE = 9
REVISED = "生活垃圾分类投放，每月评比一次，评比结果在村务公开栏公布。"
# The screens the clerk leaves open, each with the table model it fills again when it reloads; the answer (one
# township review) concerns the first two only.
RELOADED = {"首页": "recent_model", "九步工作法": "opinion_model", "户籍花名册": "households_model", "会议记录": "model",
            "红黑榜": "entries_model", "村规民约": "outline_model"}
CONCERNED = ("首页", "九步工作法")


def test_round_trip_to_the_township_and_back(qtbot, walk: Walk, log_in: Callable[..., Walk], township_db: Path,
                                             tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    screens = {label: walk.open_area(label) for label in RELOADED}
    rulebook_id = screens["九步工作法"].rulebook_id
    to_second_publicity(qtbot, walk)
    assert any("还没有乡镇的合法性审查意见" in b for b in _blockers(walk, rulebook_id, 7))
    bundle = export_bundle(qtbot, walk, stick)

    town = log_in("shenhe", DEMO_PASSWORD, db=township_db)
    desk = town.open_area("乡镇审查")
    assert cell(desk.villages_model, 0, "进度") == "第5步 征求民意"  # what the demo's own bundle said
    import_bundle(qtbot, town, bundle)
    # The desk screen, left open behind 同步, has reloaded: the village at step 7, one draft waiting.
    assert cell(desk.villages_model, 0, "进度") == "第7步 二次公示"
    assert cell(desk.villages_model, 0, "待审") == "1"
    village = cli_json(township_db, "township", "villages")["villages"][0]
    assert (village["step"], village["waiting"]) == (7, 1)
    review_the_draft(qtbot, town, "第九条", REVISED)
    requests = cli_json(township_db, "township", "requests")["requests"]
    assert [(r["kind"], r["decided"]) for r in requests] == [("review", "已出具审查意见")]
    answer = export_bundle(qtbot, town, stick)

    reloaded = _watch_reloads(screens)
    assert "写入 1 条" in import_bundle(qtbot, walk, answer)
    assert [label for label, count in reloaded.items() if count] == list(CONCERNED), "open screens that reloaded"
    _assert_screens_show_the_review(screens)
    assert _blockers(walk, rulebook_id, 7) == []
    for database in (walk.db_path, township_db):
        assert cli_json(database, "check") == {"ok": True, "problems": []}


def to_second_publicity(qtbot: Any, walk: Walk) -> None:
    """Steps 5 → 7 of the demo revision: the last four opinions answered, the revised version, the publicity."""
    workflow = walk.open_area("九步工作法")
    assert reply_opinions(qtbot, workflow, "采纳") == 4
    advance(qtbot, workflow, 6)
    revise(qtbot, walk, 4, ARTICLE, REVISED)
    workflow = walk.open_area("九步工作法")
    advance(qtbot, workflow, 7)
    post_publicity(qtbot, workflow.pages_stack.currentWidget(), *last_week())


def _blockers(walk: Walk, rulebook_id: str, step: int) -> list[str]:
    status = cli_json(walk.db_path, "rules", "status", rulebook_id)
    return next(s["blockers"] for s in status["steps"] if s["n"] == step)


def _watch_reloads(screens: dict[str, Any]) -> dict[str, list[int]]:
    """Count, per open screen, how often its table is filled again from the database."""
    counts: dict[str, list[int]] = {label: [] for label in RELOADED}
    for label, model in RELOADED.items():
        getattr(screens[label], model).modelReset.connect(lambda label=label: counts[label].append(1))
    return counts


def _assert_screens_show_the_review(screens: dict[str, Any]) -> None:
    """Without being opened again: 九步工作法 has the review and lets step 7 finish; 首页 lists the import."""
    workflow = screens["九步工作法"]
    assert workflow.guard_label.text() == "“二次公示”已满足条件，可以进入下一步。", workflow.guard_label.text()
    review = workflow.pages_stack.currentWidget().review_label.text()
    assert review.startswith("已录入：") and f"审查第4版：{CONCLUSION}" in review, review
    home = screens["首页"]
    assert cell(home.recent_model, 0, "操作") == "导入同步包"
