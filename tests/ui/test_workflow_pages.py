"""The step pages of 九步工作法: each page's entries (typed in Chinese), undo and redo, and the models."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from models.registry.households import RoleCode, RoleHolding
from models.core.ids import new_id
from models.workflow.steps import WorkflowStep
from storage.core.backend import SqliteBackend
from tests.helpers import type_text
from tests.registry_fixtures import make_family
from tests.storage.workflow_setup import joint_meeting, rulebook_in_force
from ui.core.bus import DataBus
from ui.workflow.screen import WorkflowScreen

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def answers(monkeypatch) -> list[str]:
    """Confirmations say yes; warnings are collected."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    return warnings


def _screen(qtbot, stores, step: WorkflowStep) -> WorkflowScreen:
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.select_step(step)
    return screen


def test_step_1_meeting_and_timetable(qtbot, backend: SqliteBackend, stores, answers) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    meeting_id = joint_meeting(backend.db, stores.actor, date(2026, 1, 5))
    stores.workflow.revisions.start_revision(rulebook_id, date.today())
    screen = _screen(qtbot, stores, WorkflowStep.COMMITTEES_DISCUSS)
    page = screen.pages[WorkflowStep.COMMITTEES_DISCUSS]
    assert page.meeting_combo.current_value() == meeting_id
    qtbot.mouseClick(page.meeting_button, LEFT)
    assert "通过决议 1 项" in page.meeting_label.text()
    qtbot.mouseClick(page.timetable_button, LEFT)
    assert "可以进入下一步" in screen.guard_label.text()
    screen.undo_stack.undo()
    assert "时间安排表还缺 8 个步骤" in screen.guard_label.text()
    screen.undo_stack.undo()
    assert "还没有关联两委商议" in screen.guard_label.text()
    screen.undo_stack.redo()
    screen.undo_stack.redo()
    qtbot.mouseClick(screen.advance_button, LEFT)
    assert screen.status.current_step is WorkflowStep.SEND_INVITATIONS and answers == []


def _at_step_2(backend: SqliteBackend, stores) -> str:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    store = stores.workflow
    store.revisions.start_revision(rulebook_id, date.today())
    store.plan.link_start_meeting(rulebook_id, joint_meeting(backend.db, stores.actor, date(2026, 1, 5)))
    store.plan.set_timetable(rulebook_id, {s: date.today() + timedelta(days=s.number) for s in WorkflowStep
                                           if s.number > 1})
    store.revisions.advance(rulebook_id, date.today())
    return rulebook_id


def test_step_2_invitations(qtbot, qtmodeltester, backend: SqliteBackend, stores, answers) -> None:
    _, head, _ = make_family(stores)
    stores.villagers.save_role(RoleHolding(new_id(), head.id, RoleCode.ELDER.value))
    _at_step_2(backend, stores)
    screen = _screen(qtbot, stores, WorkflowStep.SEND_INVITATIONS)
    page = screen.pages[WorkflowStep.SEND_INVITATIONS]
    page.role_combo.setCurrentIndex(page.role_combo.findText("寨老"))
    qtbot.mouseClick(page.add_role_button, LEFT)
    assert page.model.index(0, 0).data() == "吴建华" and page.model.index(0, 1).data() == "寨老"
    qtbot.mouseClick(page.add_role_button, LEFT)
    assert "没有尚未邀请的“寨老”" in answers[-1]
    type_text(page.name_edit, "青石村小学")
    type_text(page.capacity_edit, "驻村单位")
    page.unit_check.setChecked(True)
    qtbot.mouseClick(page.add_name_button, LEFT)
    assert page.model.rowCount() == 2
    assert "没有妇女代表" in page.warning_label.text() and "驻村单位" not in page.warning_label.text()
    page.invitations_view.selectRow(0)
    qtbot.mouseClick(page.reply_button, LEFT)
    assert page.model.index(0, 6).data() == "接受"
    page.expires_edit.setDate(QDate(date.today() - timedelta(days=1)))
    page.invitations_view.selectRow(1)
    qtbot.mouseClick(page.expiry_button, LEFT)
    assert "可以进入下一步" in screen.guard_label.text()
    screen.undo_stack.undo()
    screen.undo_stack.undo()
    assert page.model.index(0, 6).data() == "未回复"
    assert "还有 2 份邀请函未答复" in screen.guard_label.text()
    screen.undo_stack.redo()
    qtmodeltester.check(page.model)
    page.invitations_view.selectRow(1)
    qtbot.mouseClick(page.remove_button, LEFT)
    assert page.model.rowCount() == 1
    screen.undo_stack.undo()
    assert page.model.rowCount() == 2


def test_step_3_committee_checks_teams_roster(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                              answers) -> None:
    _, head, _ = make_family(stores)
    stores.villagers.save_role(RoleHolding(new_id(), head.id, RoleCode.TWO_COMMITTEES_MEMBER.value, "党支部书记"))
    rulebook_id = _at_step_2(backend, stores)
    from models.workflow.records import Invitation, InvitationReply
    stores.workflow.invitations.add_invitation(rulebook_id, Invitation("", "杨寨老", capacity="寨老",
                                                                       reply=InvitationReply.ACCEPTED))
    stores.workflow.revisions.advance(rulebook_id, date.today())
    screen = _screen(qtbot, stores, WorkflowStep.FORM_EXECUTION_COMMITTEE)
    page = screen.pages[WorkflowStep.FORM_EXECUTION_COMMITTEE]
    assert page.chair_edit.text() == "吴建华"
    qtbot.mouseClick(page.chair_button, LEFT)
    assert page.candidate_combo.itemText(0) == "杨寨老（寨老）"
    qtbot.mouseClick(page.member_button, LEFT)
    page.candidate_combo.setEditText("")
    type_text(page.candidate_combo.lineEdit(), "龙二妹")
    qtbot.mouseClick(page.member_button, LEFT)
    assert [page.member_model.index(r, 0).data() for r in range(3)] == ["吴建华", "杨寨老", "龙二妹"]
    for row in range(3):
        page.members_view.selectRow(row)
        qtbot.mouseClick(page.all_checks_button, LEFT)
    assert page.member_model.index(2, 5).data().startswith("通过")
    assert "可以进入下一步" in screen.guard_label.text()
    screen.undo_stack.undo()
    assert "龙二妹（缺司法所、综治中心、派出所）" in screen.guard_label.text()
    screen.undo_stack.redo()
    qtmodeltester.check(page.member_model)
    type_text(page.teams_panel.team_name_edit, "治安巡逻队")
    type_text(page.teams_panel.team_leader_edit, "吴建华")
    type_text(page.teams_panel.team_members_edit, "杨寨老、龙二妹、石三")
    qtbot.mouseClick(page.teams_panel.team_button, LEFT)
    page.teams_panel.teams_view.selectRow(0)
    page.teams_panel.roster_weeks_spin.setValue(3)
    qtbot.mouseClick(page.teams_panel.roster_button, LEFT)
    page.teams_panel.teams_view.selectRow(0)
    assert page.teams_panel.shift_model.rowCount() == 3
    assert page.teams_panel.shift_model.index(0, 1).data() == "杨寨老、龙二妹"
    page.teams_panel.shifts_view.selectRow(0)
    type_text(page.teams_panel.shift_members_edit, "石三、龙二妹")
    qtbot.mouseClick(page.teams_panel.shift_button, LEFT)
    page.teams_panel.teams_view.selectRow(0)
    assert page.teams_panel.shift_model.index(0, 1).data() == "石三、龙二妹"
    qtmodeltester.check(page.teams_panel.team_model)
    qtmodeltester.check(page.teams_panel.shift_model)
    screen.undo_stack.undo()
    page.teams_panel.teams_view.selectRow(0)
    assert page.teams_panel.shift_model.index(0, 1).data() == "杨寨老、龙二妹"
    page.members_view.selectRow(2)
    qtbot.mouseClick(page.remove_member_button, LEFT)
    assert page.member_model.rowCount() == 2
    qtbot.mouseClick(screen.advance_button, LEFT)
    assert screen.status.current_step is WorkflowStep.FIRST_DRAFT, answers


def test_step_4_draft_and_legality(qtbot, qtmodeltester, backend: SqliteBackend, stores, answers) -> None:
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    stores.workflow.revisions.start_revision(rulebook_id, date.today())
    stores.rules.new_version(rulebook_id)
    draft = stores.rules.load_version(rulebook_id)
    from models.rules.document import update_article
    stores.rules.save_version(update_article(draft, draft.articles[1].key, "乱倒垃圾的，罚款五百元并游街示众。"))
    screen = _screen(qtbot, stores, WorkflowStep.FIRST_DRAFT)
    page = screen.pages[WorkflowStep.FIRST_DRAFT]
    assert page.version_combo.current_value() == 2
    qtbot.mouseClick(page.draft_button, LEFT)
    assert page.draft_label.text() == "第2版"
    texts = [page.finding_model.index(r, 1).data() for r in range(page.finding_model.rowCount())]
    assert "必须修改" in texts
    qtmodeltester.check(page.finding_model)
    blockers = screen.status.view(WorkflowStep.FIRST_DRAFT).blockers
    assert any("必须修改" in b for b in blockers)
    screen.undo_stack.undo()
    assert page.draft_label.text().startswith("尚未指定")


def test_step_8_failed_article_goes_back_alone(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                answers) -> None:
    from tests.storage.test_workflow_retry import _to_vote
    from tests.storage.workflow_setup import villagers_meeting
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    _to_vote(backend.db, stores.actor, stores.workflow, rulebook_id)
    meeting_id = villagers_meeting(backend.db, stores.actor, date(2026, 5, 20))
    screen = _screen(qtbot, stores, WorkflowStep.ASSEMBLY_VOTE)
    page = screen.pages[WorkflowStep.ASSEMBLY_VOTE]
    page.meeting_combo.set_current_value(meeting_id)
    page.by_article_check.setChecked(True)
    assert page.tally_table.rowCount() == 3
    for row, numbers in enumerate(((190, 10, 10), (190, 10, 10), (60, 140, 10))):
        for column, value in enumerate(numbers, 1):
            page.tally_table.cellWidget(row, column).setValue(value)
    qtbot.mouseClick(page.vote_button, LEFT)
    assert page.result_model.index(2, 4).data().startswith("未通过")
    qtmodeltester.check(page.result_model)
    assert "第三条" in screen.guard_label.text()
    qtbot.mouseClick(page.send_back_button, LEFT)
    assert screen.status.current_step is WorkflowStep.REVISION
    assert "表决未通过，退回修改：第三条" in screen.status.view(WorkflowStep.REVISION).status.reopen_reason
    assert screen.undo_stack.count() == 0 and answers == []


def test_step_tiles_never_cut_a_meeting_number() -> None:
    from ui.workflow.timeline import _wrap

    assert _wrap("会议 2026-联-01", 8) == ["会议", "2026-联-01"]
    assert _wrap("36 条意见，4 条未答复", 8) == ["36 条意见，", "4 条未答复"]
    assert _wrap("这是一个很长很长的没有空格的句子", 8) == ["这是一个很长很长", "的没有空格的句子"]
