"""The workflow screen's later entries: holidays in the duty roster, opinions typed in, signatures ticked."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from models.workflow import WorkflowStep
from models.workflow_records import TeamKind
from storage.backend import SqliteBackend
from tests.helpers import type_text
from tests.ui.test_workflow_pages import _at_step_2, _screen, answers  # noqa: F401  (fixture)

LEFT = Qt.MouseButton.LeftButton


def test_step_3_roster_respects_typed_holidays(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                               answers) -> None:  # noqa: F811
    rulebook_id = _at_step_2(backend, stores)
    stores.workflow.add_team(rulebook_id, TeamKind.PATROL, "治安巡逻队", "吴建华", ("杨一", "龙二", "石三", "吴四"))
    screen = _screen(qtbot, stores, WorkflowStep.FORM_EXECUTION_COMMITTEE)
    page = screen.pages[WorkflowStep.FORM_EXECUTION_COMMITTEE]
    page.teams_view.selectRow(0)
    page.roster_start_edit.setDate(QDate(2026, 2, 9))
    page.roster_weeks_spin.setValue(3)
    type_text(page.holidays_edit, "2026-02-17 春节")
    qtbot.mouseClick(page.roster_button, LEFT)
    assert answers == []
    page.teams_view.selectRow(0)
    rows = [[page.shift_model.index(r, c).data() for c in range(3)] for r in range(page.shift_model.rowCount())]
    assert rows[1][0] == "2026-02-16" and rows[1][2] == "春节" and len(rows[1][1].split("、")) == 3
    assert rows[0][2] == "" and len(rows[0][1].split("、")) == 2
    qtmodeltester.check(page.shift_model)
    page.holidays_edit.clear()
    type_text(page.holidays_edit, "春节那周")
    qtbot.mouseClick(page.roster_button, LEFT)
    assert "日期写法不对" in answers[-1]
    screen.undo_stack.undo()
    page.teams_view.selectRow(0)
    assert page.shift_model.rowCount() == 0
