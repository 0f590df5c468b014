"""群众说事 screen offscreen, toward deliberation: 提交议事 to a draft meeting and its 撤销, and the 项目库 tab — a
project made from a passed item through the real dialog, advanced through its 四议两公开 gates, each one 撤销."""
from __future__ import annotations

from PySide6.QtCore import Qt

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.ui.modal import answer_next_box
from ui.core.bus import DataBus
from ui.matters.screen import MattersScreen


def test_to_meeting_from_the_screen(qtbot, village_db: Database, admin: Actor) -> None:
    """提交议事: the meetings not yet finalised are offered; the matter becomes an agenda item of the chosen one."""
    from datetime import date

    from models.matters.records import Channel, Matter, MatterClass
    from models.minutes.meetings import Meeting
    from tests.models.meeting_fixtures import complete_meeting

    stores, bus = build_stores(village_db, admin), DataBus()
    final = stores.meetings.create(complete_meeting(on=date(2026, 10, 1))).id
    stores.meetings.finalise(final, True, True)
    matter_id = stores.matters.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.ROOM, "三组机耕道塌方",
                                                 date(2026, 11, 1))).id
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments, stores.meetings)
    qtbot.addWidget(screen)
    screen.matters_view.selectRow(0)
    assert screen.meeting_combo.count() == 0
    seen = answer_next_box("OK")
    qtbot.mouseClick(screen.buttons["to_meeting"], Qt.MouseButton.LeftButton)
    assert seen.opened and "尚未定稿的会议" in seen.text and stores.matters.matter(matter_id).meeting_id == ""
    draft = stores.meetings.create(Meeting("representatives_meeting", date(2026, 11, 20))).id
    bus.changed.emit(Changed.one(Entity.MEETING, draft))  # the minutes screen made a meeting
    assert screen.meeting_combo.values() == [draft]
    qtbot.mouseClick(screen.buttons["to_meeting"], Qt.MouseButton.LeftButton)
    assert stores.matters.matter(matter_id).meeting_id == draft
    assert "三组机耕道塌方" in stores.meetings.get(draft).items[-1].background
    assert screen.events_model.index(screen.events_model.rowCount() - 1, 1).data() == "提交议事"
    heard: list[Changed] = []
    bus.changed.connect(heard.append)
    screen.undo_stack.undo()  # 撤销: the agenda item leaves the draft meeting, the matter is as it was
    assert stores.matters.matter(matter_id).meeting_id == "" and stores.meetings.get(draft).items == ()
    assert [e.kind.value for e in stores.matters.timeline(matter_id)] == ["intake"]
    assert heard[-1].concerns(Entity.MEETING) and heard[-1].concerns(Entity.MATTER)
    assert screen.events_model.rowCount() == 1
    screen.undo_stack.redo()
    assert stores.matters.matter(matter_id).meeting_id == draft and len(stores.meetings.get(draft).items) == 1


def test_to_meeting_is_not_undone_once_the_meeting_recorded_on_its_item(qtbot, village_db: Database,
                                                                         admin: Actor) -> None:
    """撤销 提交议事 is refused (a warning, nothing changed) once the item has a discussion, or the meeting is final."""
    from dataclasses import replace
    from datetime import date

    import pytest

    from models.core.errors import DomainError
    from models.matters.records import Channel, Matter, MatterClass
    from models.minutes.meetings import Meeting

    stores, bus = build_stores(village_db, admin), DataBus()
    matter_id = stores.matters.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.ROOM, "三组机耕道塌方",
                                                 date(2026, 11, 1))).id
    draft = stores.meetings.create(Meeting("representatives_meeting", date(2026, 11, 20))).id
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments, stores.meetings)
    qtbot.addWidget(screen)
    screen.matters_view.selectRow(0)
    qtbot.mouseClick(screen.buttons["to_meeting"], Qt.MouseButton.LeftButton)
    meeting = stores.meetings.get(draft)
    (item,) = meeting.items
    stores.meetings.save_draft(replace(meeting, items=(replace(item, discussion="大家同意先修排水沟"),)))
    with pytest.raises(DomainError, match="讨论、表决或决议.*会议记录"):  # Ctrl+Z: the app's error box says it
        screen.undo_stack.undo()
    assert screen.undo_stack.count() == 0 and not screen.undo_stack.canRedo()  # dropped: the submission stands
    assert stores.matters.matter(matter_id).meeting_id == draft
    assert stores.meetings.get(draft).items[0].discussion == "大家同意先修排水沟"


def test_the_project_pool_advances_through_its_gates(qtbot, village_db: Database, admin: Actor) -> None:
    """项目库: 立项 refused while the chain has no resolution (a warning, nothing written); 撤销 puts a stage back."""
    from models.matters.records import Project, ProjectStage
    from tests.storage.test_matters_store import _resolved
    from ui.matters.projects_tab import ProjectsTab

    stores, bus = build_stores(village_db, admin), DataBus()
    meeting_id = _resolved(stores)
    waiting = stores.projects.add_project(Project("村口路灯改造", 36000, meeting_id, 1, "乡镇")).id
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)
    tab = ProjectsTab(stores.projects, bus, screen.undo_stack, stores.four_two)
    screen.add_projects_tab(tab)
    qtbot.addWidget(screen)
    assert tab.projects_model.rowCount() == 1 and tab.projects_model.index(0, 1).data() == "申报"
    assert tab.projects_model.index(0, 5).data() == "下一步：党支部会提议"
    assert not tab.advance_button.isEnabled()
    tab.projects_view.selectRow(0)
    seen = answer_next_box("OK")
    qtbot.mouseClick(tab.advance_button, Qt.MouseButton.LeftButton)
    assert seen.opened and "不能立项" in seen.text and screen.undo_stack.count() == 0
    assert stores.projects.project(waiting).stage is ProjectStage.DECLARED
    _pass_the_chain(stores, stores.projects.project(waiting).four_two_id)
    bus.changed.emit(Changed.one(Entity.FOUR_TWO_MATTER, stores.projects.project(waiting).four_two_id))
    assert tab.projects_model.index(0, 5).data() == "下一步：决议公开"
    qtbot.mouseClick(tab.advance_button, Qt.MouseButton.LeftButton)
    assert stores.projects.project(waiting).stage is ProjectStage.APPROVED
    assert tab.projects_model.index(0, 1).data() == "立项"
    screen.undo_stack.undo()
    assert stores.projects.project(waiting).stage is ProjectStage.DECLARED
    assert tab.projects_model.index(0, 1).data() == "申报"


def _pass_the_chain(stores, chain_id: str) -> None:
    from datetime import date

    from models.minutes.four_two import FourTwoStage
    from tests.storage.test_matters_store import _final

    chain = stores.four_two
    for stage, type_code, on, sizes in (
            (FourTwoStage.PROPOSE, "branch_committee_meeting", date(2026, 3, 1), (5, 5, 5)),
            (FourTwoStage.CONSULT, "joint_committees_meeting", date(2026, 3, 3), (9, 8, 8)),
            (FourTwoStage.REVIEW, "party_general_meeting", date(2026, 3, 10), (40, 25, 21)),
            (FourTwoStage.DECIDE, "representatives_meeting", date(2026, 3, 15), (35, 30, 26))):
        chain.record_stage(chain_id, stage, on, _final(stores, type_code, on, *sizes))


def test_a_project_is_added_to_the_pool_from_a_passed_item_through_its_dialog(qtbot, village_db: Database,
                                                                              admin: Actor) -> None:
    """建入项目库 on the screen: only the passed items of finalised meetings are offered (the matter an item came
    from named), an empty name is refused in the dialog, the project is one 撤销 (with the chain made for it)."""
    import dataclasses
    from datetime import date

    from models.matters.records import Channel, Matter, MatterClass, ProjectStage
    from models.matters.rules import agenda_background
    from models.minutes.quorum import Tally
    from tests.models.meeting_fixtures import complete_meeting
    from tests.walks.driver import answer, choose, click_button, dialog_text, expect_dialog, field, fill
    from ui.matters.projects_tab import ProjectsTab

    stores, bus = build_stores(village_db, admin), DataBus()
    matter_id = stores.matters.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.ROOM, "三组机耕道塌方",
                                                 date(2026, 10, 8))).id
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)
    tab = ProjectsTab(stores.projects, bus, screen.undo_stack)
    screen.add_projects_tab(tab)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentWidget(tab)
    seen: list[str] = []
    with expect_dialog(qtbot, answer(qtbot, "OK", seen)):  # no finalised meeting yet: nothing to make it from
        click_button(qtbot, tab, "建入项目库")
    assert "表决通过的议题" in seen[0] and screen.undo_stack.count() == 0

    passed = dataclasses.replace(complete_meeting().items[0], title="硬化三组机耕道",
                                 background=agenda_background(stores.matters.matter(matter_id)))
    failed = dataclasses.replace(passed, title="村口建牌坊", background="", tally=Tally(8, 20, 2), resolution="不同意")
    made = stores.meetings.create(complete_meeting(on=date(2026, 11, 1), items=(passed, failed))).id
    meeting = stores.meetings.get(stores.meetings.finalise(made, True, True).id)

    def fill_in(dialog) -> None:
        offered = [dialog.source_combo.itemText(i) for i in range(dialog.source_combo.count())]
        assert len(offered) == 1 and "第1项：硬化三组机耕道" in offered[0]  # the voted-down item is not offered
        assert "2026-说-001" in dialog_text(dialog) and field(dialog, "项目名称").text() == "硬化三组机耕道"
        fill(qtbot, field(dialog, "项目名称"), "")
        with expect_dialog(qtbot, answer(qtbot, "OK", seen)):
            click_button(qtbot, dialog, "建立项目")
        assert "项目名称" in seen[-1] and dialog.isVisible()
        fill(qtbot, field(dialog, "项目名称"), "三组机耕道硬化")
        fill(qtbot, field(dialog, "估算金额"), 180000)
        choose(qtbot, field(dialog, "拟争取资金"), "县级部门")
        click_button(qtbot, dialog, "建立项目")

    with expect_dialog(qtbot, fill_in):
        click_button(qtbot, tab, "建入项目库")
    (project,) = stores.projects.projects()
    assert (project.name, project.estimate, project.funding, project.stage) == ("三组机耕道硬化", 180000, "县级部门",
                                                                                ProjectStage.DECLARED)
    assert (project.meeting_id, project.item_number, project.matter_id) == (meeting.id, 1, matter_id)
    assert stores.four_two.get(project.four_two_id).motion_source == "党员群众建议"
    assert tab.projects_model.rowCount() == 1 and tab.selected() == project
    assert tab.projects_model.index(0, 4).data() == f"{meeting.number} 第1项"
    screen.undo_stack.undo()  # 撤销: the project and its new chain withdrawn
    assert stores.projects.projects() == [] and stores.four_two.matters() == []
    assert tab.projects_model.rowCount() == 0
    screen.undo_stack.redo()
    assert [p.name for p in stores.projects.projects()] == ["三组机耕道硬化"] and len(stores.four_two.matters()) == 1
