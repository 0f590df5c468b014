"""Walk: 网格关怀 — the clerk sees on the home screen that visits are overdue, opens 网格关怀, keeps to the overdue
households, records a visit to the first one through the 登记走访 form, sees it leave the overdue list (and the
command line agree), undoes it (编辑 → 撤销) and redoes it. A second visit finds a problem and, with one tick,
it becomes a villagers' matter that 群众说事 and `matter list` show."""
from __future__ import annotations

from datetime import date

from tests.walks.conftest import Walk
from tests.walks.driver import cli_json, click, fill, tick
from tests.walks.steps import cell, click_row

FINDINGS = "屋顶有一处漏雨，已请组里帮忙修补"


def test_record_a_visit_to_an_overdue_household(qtbot, walk: Walk) -> None:
    overdue_before = cli_json(walk.db_path, "care", "list", "--overdue")["rows"]
    assert overdue_before, "the demo has overdue visits"
    home = walk.open_area("首页")
    qtbot.waitUntil(lambda: home.is_populated)
    assert f"逾期未走访的户：{len(overdue_before)} 户" in home.care_label.text()
    screen = walk.open_area("网格关怀")
    tick(qtbot, screen.overdue_check)
    assert screen.households_model.rowCount() == len(overdue_before)
    click_row(qtbot, screen.households_view, 0)
    number = cell(screen.households_model, 0, "户号")
    assert cell(screen.households_model, 0, "") == "已逾期"
    form = screen.visit_form
    assert form.matter_check.isEnabled()  # the matters area is installed: a found problem becomes a matter
    fill(qtbot, form.visitor_edit, "龙德军")
    fill(qtbot, form.date_edit, date.today())
    fill(qtbot, form.findings_edit, FINDINGS)
    click(qtbot, form.save_button)
    assert number not in [r["household"] for r in cli_json(walk.db_path, "care", "list", "--overdue")["rows"]]
    assert number not in [cell(screen.households_model, row, "户号")
                          for row in range(screen.households_model.rowCount())]
    row = next(r for r in cli_json(walk.db_path, "care", "list")["rows"] if r["household"] == number)
    assert row["last_visit"] == date.today().isoformat() and row["overdue"] is False
    walk.window.undo_action.trigger()  # 编辑 → 撤销 (Ctrl+Z): the visit is withdrawn
    assert number in [r["household"] for r in cli_json(walk.db_path, "care", "list", "--overdue")["rows"]]
    walk.window.redo_action.trigger()  # 重做 brings the same visit back
    assert number not in [r["household"] for r in cli_json(walk.db_path, "care", "list", "--overdue")["rows"]]
    left = len(overdue_before) - 1  # the bus told the home screen
    assert (f"逾期未走访的户：{left} 户" if left else "逾期未走访的户：无") in home.care_label.text()
    assert cli_json(walk.db_path, "check") == {"ok": True, "problems": []}


PROBLEM = "村道边沟堵塞，雨天积水进屋"


def test_a_problem_found_on_a_visit_becomes_a_matter(qtbot, walk: Walk) -> None:
    screen = walk.open_area("网格关怀")
    click_row(qtbot, screen.households_view, 0)
    number = cell(screen.households_model, 0, "户号")
    form = screen.visit_form
    fill(qtbot, form.visitor_edit, "龙德军")
    fill(qtbot, form.date_edit, date.today())
    fill(qtbot, form.findings_edit, PROBLEM)
    tick(qtbot, form.matter_check)
    click(qtbot, form.save_button)
    assert not form.matter_check.isChecked() and not form.findings_edit.toPlainText()  # saved, the form cleared
    (matter,) = cli_json(walk.db_path, "matter", "list", "--search", "边沟堵塞")["rows"]
    assert matter["status"] == "open"
    shown = cli_json(walk.db_path, "matter", "show", matter["id"])
    assert PROBLEM in str(shown)
    row = next(r for r in cli_json(walk.db_path, "care", "list")["rows"] if r["household"] == number)
    assert row["last_visit"] == date.today().isoformat()
    matters = walk.open_area("群众说事")
    texts = [str(matters.matters_model.index(r, c).data()) for r in range(matters.matters_model.rowCount())
             for c in range(matters.matters_model.columnCount())]
    assert any("边沟堵塞" in t or matter["number"] in t for t in texts)
    assert cli_json(walk.db_path, "check") == {"ok": True, "problems": []}
