"""The workflow screen's later entries: holidays in the duty roster, opinions typed in, signatures ticked."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from models.workflow.steps import WorkflowStep
from models.workflow.records import TeamKind
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.ui.test_workflow_pages import _at_step_2, _screen, answers  # noqa: F401  (fixture)

LEFT = Qt.MouseButton.LeftButton


def test_step_3_roster_respects_typed_holidays(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                               answers) -> None:  # noqa: F811
    rulebook_id = _at_step_2(backend, stores)
    stores.workflow.teams.add_team(rulebook_id, TeamKind.PATROL, "治安巡逻队", "吴建华", ("杨一", "龙二", "石三", "吴四"))
    screen = _screen(qtbot, stores, WorkflowStep.FORM_EXECUTION_COMMITTEE)
    page = screen.pages[WorkflowStep.FORM_EXECUTION_COMMITTEE]
    page.teams_panel.teams_view.selectRow(0)
    page.teams_panel.roster_start_edit.setDate(QDate(2026, 2, 9))
    page.teams_panel.roster_weeks_spin.setValue(3)
    type_text(page.teams_panel.holidays_edit, "2026-02-17 春节")
    qtbot.mouseClick(page.teams_panel.roster_button, LEFT)
    assert answers == []
    page.teams_panel.teams_view.selectRow(0)
    shifts = page.teams_panel.shift_model
    rows = [[shifts.index(r, c).data() for c in range(3)] for r in range(shifts.rowCount())]
    assert rows[1][0] == "2026-02-16" and rows[1][2] == "春节" and len(rows[1][1].split("、")) == 3
    assert rows[0][2] == "" and len(rows[0][1].split("、")) == 2
    qtmodeltester.check(page.teams_panel.shift_model)
    page.teams_panel.holidays_edit.clear()
    type_text(page.teams_panel.holidays_edit, "春节那周")
    qtbot.mouseClick(page.teams_panel.roster_button, LEFT)
    assert "日期写法不对" in answers[-1]
    screen.undo_stack.undo()
    page.teams_panel.teams_view.selectRow(0)
    assert page.teams_panel.shift_model.rowCount() == 0


def _at_step_5(backend: SqliteBackend, stores) -> str:
    from tests.storage.workflow_setup import walk_to_step_5
    from tests.storage.workflow_setup import rulebook_in_force
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    walk_to_step_5(backend.db, stores.actor, stores.workflow, rulebook_id, date.today())
    return rulebook_id


def test_step_5_opinion_typed_in_from_registry_and_outsider(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                            answers) -> None:  # noqa: F811
    from models.workflow.figures import consultation_figures
    from tests.registry_fixtures import make_family
    household, head, _ = make_family(stores)
    rulebook_id = _at_step_5(backend, stores)
    before = stores.workflow.opinions.opinions(rulebook_id)
    screen = _screen(qtbot, stores, WorkflowStep.PUBLIC_CONSULTATION)
    entry = screen.pages[WorkflowStep.PUBLIC_CONSULTATION].entry
    type_text(entry.search_edit, "吴建")
    assert entry.person_combo.currentText().startswith("吴建华") and entry.name_edit.text() == "吴建华"
    entry.channel_combo.setCurrentIndex(entry.channel_combo.findText("院坝会"))
    entry.article_combo.setCurrentIndex(2)
    type_text(entry.text_edit, "红白喜事宴席桌数应再少一些")
    type_text(entry.serial_edit, "YJ-0042")
    type_text(entry.writer_edit, "龙文书")
    qtbot.mouseClick(entry.submit_button, LEFT)
    assert answers == []
    added = [o for o in stores.workflow.opinions.opinions(rulebook_id) if o not in before]
    assert len(added) == 1
    (opinion,) = added
    assert (opinion.name, opinion.villager_id, opinion.household_id) == ("吴建华", head.id, household.id)
    assert (opinion.channel.label, opinion.article_label, opinion.form_serial, opinion.written_by) == \
        ("院坝会", "第二条", "YJ-0042", "龙文书")
    assert entry.name_edit.text() == "" and entry.text_edit.toPlainText() == ""
    rows = [screen.opinion_model.index(r, 0).data() for r in range(screen.opinion_model.rowCount())]
    assert opinion.title in rows
    qtmodeltester.check(screen.opinion_model)
    figures = consultation_figures(stores.workflow.opinions.opinions(rulebook_id), 1)
    assert figures.households_reached >= 1

    type_text(entry.name_edit, "杨老三（在广东务工）")
    entry.channel_combo.setCurrentIndex(entry.channel_combo.findText("微信/网上"))
    type_text(entry.text_edit, "建议外出务工人员也能网上表决")
    qtbot.mouseClick(entry.submit_button, LEFT)
    outsider = stores.workflow.opinions.opinions(rulebook_id)[-1]
    assert outsider.name == "杨老三（在广东务工）" and outsider.villager_id == "" and outsider.article_key == ""
    screen.undo_stack.undo()
    assert outsider.id not in {o.id for o in stores.workflow.opinions.opinions(rulebook_id)}
    screen.undo_stack.undo()
    assert len(stores.workflow.opinions.opinions(rulebook_id)) == len(before)
    screen.undo_stack.redo()
    assert len(stores.workflow.opinions.opinions(rulebook_id)) == len(before) + 1
    qtbot.mouseClick(entry.submit_button, LEFT)
    assert "请填写提意见的人和意见内容" in answers[-1] and screen.undo_stack.count() == 1


def _household(stores, number: str, head: str, group) -> str:
    from models.core.ids import new_id
    from models.registry.households import Gender, Household, Villager
    household, head_id = Household(new_id(), number, group.id), new_id()
    stores.households.save_household(household)
    stores.villagers.save_villager(Villager(head_id, household.id, head, "户主", Gender.FEMALE))
    stores.households.save_household(Household(household.id, number, group.id, head_id=head_id))
    return household.id


def test_step_8_signature_sheet_ticked_and_counted(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                   answers) -> None:  # noqa: F811
    from models.core.ids import new_id
    from models.registry.households import VillageGroup
    from tests.registry_fixtures import make_family
    from tests.storage.workflow_setup import rulebook_in_force
    household, _, _ = make_family(stores)
    group = VillageGroup(new_id(), "第2组", 2)
    stores.groups.save_group(group)
    others = [_household(stores, f"02{i:02d}", name, group) for i, name in enumerate(("龙二妹", "石三姐"), 1)]
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    stores.workflow.revisions.start_revision(rulebook_id, date.today())
    screen = _screen(qtbot, stores, WorkflowStep.ASSEMBLY_VOTE)
    panel = screen.pages[WorkflowStep.ASSEMBLY_VOTE].signatures
    model = panel.model
    assert panel.count_label.text().endswith("已签 0 / 3 户")
    assert [model.index(r, 2).data() for r in range(3)] == ["吴建华", "龙二妹", "石三姐"]
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "已签 2 / 3 户" in panel.count_label.text()
    assert stores.workflow.signatures.signed_households(rulebook_id) == {household.id, others[0]}
    assert model.index(1, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    type_text(panel.find_edit, "石三")
    assert model.rowCount() == 1 and model.index(0, 2).data() == "石三姐"
    assert "已签 2 / 3 户" in panel.count_label.text()
    panel.find_edit.clear()
    model.setData(model.index(1, 3), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert "已签 1 / 3 户" in panel.count_label.text()
    screen.undo_stack.undo()
    assert "已签 2 / 3 户" in panel.count_label.text()
    screen.undo_stack.undo()
    screen.undo_stack.undo()
    assert "已签 0 / 3 户" in panel.count_label.text()
    assert stores.workflow.signatures.signed_households(rulebook_id) == set()
    qtmodeltester.check(model)
    assert answers == []


def test_undoing_an_untick_restores_the_original_signing_date(qtbot, backend: SqliteBackend, stores,
                                                              answers) -> None:  # noqa: F811
    from tests.registry_fixtures import make_family
    from tests.storage.workflow_setup import rulebook_in_force
    household, _, _ = make_family(stores)
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    stores.workflow.revisions.start_revision(rulebook_id, date.today())
    stores.workflow.signatures.mark_signed(rulebook_id, household.id, date(2026, 5, 20), "签字表第3页")
    screen = _screen(qtbot, stores, WorkflowStep.ASSEMBLY_VOTE)
    model = screen.pages[WorkflowStep.ASSEMBLY_VOTE].signatures.model
    sql = ("SELECT signed_on, sheet_ref, deleted FROM workflow_signatures WHERE household_id = ? "
           "ORDER BY created_at, id")
    model.setData(model.index(0, 3), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert stores.workflow.signatures.signed_households(rulebook_id) == set()
    screen.undo_stack.undo()
    rows = backend.db.conn.execute(sql, (household.id,)).fetchall()
    assert [tuple(r) for r in rows] == [("2026-05-20", "签字表第3页", 1), ("2026-05-20", "签字表第3页", 0)]
    screen.undo_stack.redo()
    assert stores.workflow.signatures.signed_households(rulebook_id) == set()
    assert stores.workflow.signatures.signature(rulebook_id, household.id) is None  # nothing left to withdraw
    assert answers == []
