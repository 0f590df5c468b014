"""pytest-qt walk: a representatives' meeting from the registry, typed, autosaved, undone, finalised, amended."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt

from models.core.accounts import Actor
from models.minutes.quorum import Tally
from models.minutes.meetings import MeetingStatus
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from tests.models.meeting_fixtures import TableRegistry, person
from tests.ui.minutes_stores import only_follow_ups
from ui.core.bus import DataBus
from ui.minutes.dialogs import (
    AmendDialog, AmendmentRequest, FinaliseDialog, NewMeetingDialog, ProgressDialog, ProgressRequest,
)
from ui.minutes.screen import MinutesScreen


def _registry() -> TableRegistry:
    registry = TableRegistry(adults={None: 401}, households={None: 150})
    registry.roles += [("representative", person(i, "female" if i % 3 == 0 else "male"), date(2021, 1, 1), None)
                       for i in range(28)]
    registry.roles += [("village_committee_member", person(100 + i, "female" if i < 2 else "male"),
                        date(2021, 1, 1), None) for i in range(5)]
    return registry


@pytest.fixture
def screen(qtbot, village_db: Database, admin: Actor) -> MinutesScreen:
    stores = build_stores(village_db, admin)
    widget = MinutesScreen(only_follow_ups(stores), DataBus(), _registry())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type_count(qtbot, spin, value: int) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, str(value))


def test_walk_creating_a_representatives_meeting(qtbot, qtmodeltester, screen: MinutesScreen, monkeypatch) -> None:
    store, editor = screen._store, screen.editor
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    meeting = editor.meeting
    assert meeting is not None and meeting.number == "2026-代-01" and meeting.expected_computed == 33
    assert editor.roster_list.count() == 33 and "花名册计算为 33 人" in editor.expected_basis_label.text()
    qtmodeltester.check(screen.model)
    assert screen.model.rowCount() == 1

    for index in (3, 7, 30):  # three did not come
        editor.roster_list.item(index).setCheckState(Qt.CheckState.Unchecked)
    assert editor.current().present == 30
    editor.absent_edit.setPlainText("")
    type_text(editor.absent_edit, "村民003：外出务工\n村民007：生病住院\n村民102：请假")
    for name, text in (("place", "村委会议室"), ("host", "杨光明"), ("host_post", "村党支部书记"), ("recorder", "吴晓梅"),
                       ("motion_source", "村干部提议"), ("observers", "无"), ("township_attendees", "无")):
        type_text(editor.text_edits[name], text)
    qtbot.keyClicks(editor.text_edits["start"], "09:00")
    assert "达到应到 33 人的三分之二" in editor.quorum_label.text()

    qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    panel = editor._panels[-1]
    type_text(panel.title_edit, "低保户民主评议")
    type_text(panel.discussion_edit, "王五：同意张家纳入低保")
    panel.method_combo.set_current_value("show_of_hands")
    _type_count(qtbot, panel.for_spin, 40)
    assert "多于到会 30 人" in panel.result_label.text()  # checked on entry
    _type_count(qtbot, panel.for_spin, 26)
    _type_count(qtbot, panel.against_spin, 2)
    assert "通过" in panel.result_label.text() and "未通过" not in panel.result_label.text()
    type_text(panel.resolution_edit, "同意 3 户纳入低保")
    type_text(panel.owner_edit, "村委会")
    qtbot.keyClicks(panel.due_edit, "2026-04-30")

    qtbot.waitUntil(lambda: bool(store.get(meeting.id).items) and store.get(meeting.id).items[0].resolution_due
                    == date(2026, 4, 30), timeout=3000)
    saved = store.get(meeting.id)
    assert (saved.place, saved.present, len(saved.absentees)) == ("村委会议室", 30, 3)
    assert saved.absentees[0].villager_id == "v003" and saved.absentees[0].reason == "外出务工"

    screen.undo_stack.undo()
    assert store.get(meeting.id).place == "" and editor.text_edits["place"].text() == ""
    screen.undo_stack.redo()
    assert store.get(meeting.id).place == "村委会议室"

    monkeypatch.setattr(FinaliseDialog, "ask", classmethod(lambda cls, *a: (True, True)))
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    assert store.get(meeting.id).status is MeetingStatus.FINAL
    assert screen.undo_stack.count() == 0 and editor.text_edits["place"].isReadOnly()
    assert editor.amend_button.isVisible()

    monkeypatch.setattr(AmendDialog, "ask", classmethod(
        lambda cls, *a: AmendmentRequest("place", "村文化广场", "地点记错", date(2026, 3, 13))))
    qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    assert "更正为“村文化广场”" in editor.amendments_label.text()

    panel_list = editor.follow_ups_panel.follow_ups_list
    assert panel_list.count() == 1 and "未启动" in panel_list.item(0).text()
    monkeypatch.setattr(ProgressDialog, "ask", classmethod(lambda cls, *a: ProgressRequest(
        date(2026, 4, 20), "done", "已报乡民政办审批通过", "3 户已纳入低保")))
    qtbot.mouseClick(editor.follow_ups_panel.progress_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr("ui.minutes.followups_panel.QInputDialog.getItem", lambda *a: ("基本满意", True))
    qtbot.mouseClick(editor.follow_ups_panel.evaluate_button, Qt.MouseButton.LeftButton)
    assert "已办结" in panel_list.item(0).text() and "基本满意" in panel_list.item(0).text()

    type_text(screen.search_edit, "低保")
    qtbot.waitUntil(lambda: screen.model.text == "低保", timeout=2000)
    assert screen.model.rowCount() == 1
    type_text(screen.search_edit, "不存在的词")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=2000)


def test_finalise_refused_with_what_is_missing(qtbot, screen: MinutesScreen, monkeypatch) -> None:
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("party_general_meeting",
                                                                                date(2026, 4, 1))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    shown: list[str] = []
    monkeypatch.setattr("ui.minutes.editor.QMessageBox.warning", lambda *a: shown.append(a[2]))
    qtbot.mouseClick(screen.editor.finalise_button, Qt.MouseButton.LeftButton)
    assert shown and "地点" in shown[0] and screen.editor.meeting.status is MeetingStatus.DRAFT


def test_closing_mid_entry_keeps_the_text(qtbot, screen: MinutesScreen, monkeypatch) -> None:
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("courtyard_meeting", date(2026, 5, 1))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    type_text(screen.editor.text_edits["place"], "五组院坝")
    screen.close()  # before the autosave timer fires
    assert screen._store.get(screen.editor.meeting.id).place == "五组院坝"


def test_representatives_composition_warning_from_the_registry(qtbot, village_db: Database, admin: Actor,
                                                               monkeypatch) -> None:
    registry = TableRegistry()
    registry.roles += [("representative", person(i), date(2021, 1, 1), None) for i in range(20)]
    registry.roles += [("village_committee_member", person(100 + i, "female"), date(2021, 1, 1), None)
                       for i in range(7)]
    widget = MinutesScreen(dataclasses.replace(only_follow_ups(build_stores(village_db, admin)), follow_ups=None),
                           DataBus(), registry)
    qtbot.addWidget(widget)
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    text = widget.editor.warnings_label.text()
    assert "村民代表 20 人，不足组成人员 27 人的五分之四" in text and "妇女" in text


def test_four_two_matter_stages_in_order(qtbot, village_db: Database, admin: Actor, monkeypatch) -> None:
    import dataclasses

    from tests.models.meeting_fixtures import complete_meeting
    from ui.minutes.dialogs import StageDialog, StageRequest
    from ui.minutes.four_two_panel import FourTwoPanel
    stores = build_stores(village_db, admin)
    branch = stores.meetings.finalise(stores.meetings.create(complete_meeting(
        type_code="branch_committee_meeting", on=date(2026, 3, 5), expected=5, present=5, attendees=(),
        items=(dataclasses.replace(complete_meeting().items[0], tally=Tally(5, 0, 0)),))).id, True, True)
    joint = stores.meetings.finalise(stores.meetings.create(complete_meeting(
        type_code="joint_committees_meeting", on=date(2026, 3, 1), expected=9, present=9, attendees=(),
        items=(dataclasses.replace(complete_meeting().items[0], tally=Tally(9, 0, 0)),))).id, True, True)
    panel = FourTwoPanel(stores.four_two, stores.meetings, DataBus())
    qtbot.addWidget(panel)
    answers = iter([("村道硬化", True), ("党员群众建议", True)])
    monkeypatch.setattr("ui.minutes.four_two_panel.QInputDialog.getText", lambda *a: next(answers))
    monkeypatch.setattr("ui.minutes.four_two_panel.QInputDialog.getItem", lambda *a: next(answers))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert "下一步：党支部会提议" in panel.matters_list.item(0).text()
    offered: list = []
    monkeypatch.setattr(StageDialog, "ask", classmethod(
        lambda cls, parent, label, meetings, today: offered.append(meetings) or StageRequest(today, meetings[0][0], "", "")))
    qtbot.mouseClick(panel.stage_button, Qt.MouseButton.LeftButton)
    assert [m[0] for m in offered[0]] == [branch.id]
    assert "下一步：两委会商议" in panel.matters_list.item(0).text()
    shown: list[str] = []
    monkeypatch.setattr("ui.minutes.four_two_panel.QMessageBox.warning", lambda *a: shown.append(a[2]))
    qtbot.mouseClick(panel.stage_button, Qt.MouseButton.LeftButton)  # the joint meeting predates the proposal
    assert offered[1][0][0] == joint.id and "不能早于" in shown[0]
    assert "已完成 1/6" in panel.matters_list.item(0).text()


def test_province_rule_dialog_silences_r8_and_undo_brings_it_back(qtbot, screen: MinutesScreen,
                                                                  monkeypatch) -> None:
    from models.minutes.settings import ProvinceRules
    from models.minutes.meetings import MatterKind
    from ui.minutes.dialogs import ProvinceDialog

    store, editor = screen._stores.settings, screen.editor
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    panel = editor._panels[-1]
    type_text(panel.title_edit, "修订村规民约")
    panel.matter_combo.set_current_value(MatterKind.VILLAGE_RULES.value)
    editor.flush()
    assert "村规民约，默认须由村民会议表决" in editor.warnings_label.text()

    dialog = ProvinceDialog(screen, ProvinceRules())
    dialog.allow_check.setChecked(True)
    dialog.accept()  # no basis: refused inside the dialog
    assert "法规依据" in dialog.error_label.text() and dialog.result() != dialog.DialogCode.Accepted
    basis = "《某省实施〈村民委员会组织法〉办法》第二十条"
    monkeypatch.setattr(ProvinceDialog, "ask", classmethod(lambda cls, *a: ProvinceRules(True, basis)))
    qtbot.mouseClick(screen.province_button, Qt.MouseButton.LeftButton)
    assert store.province_rules().basis == basis
    assert "村规民约，默认须由村民会议表决" not in editor.warnings_label.text()
    screen.undo_stack.undo()
    assert not store.province_rules().rules_by_representatives
    assert "村规民约，默认须由村民会议表决" in editor.warnings_label.text()


def test_record_template_dialog_reorders_renames_and_refuses_dropping_r12(qtbot, qtmodeltester,
                                                                          screen: MinutesScreen, monkeypatch) -> None:
    from PySide6.QtCore import Qt as QtCore_Qt

    from models.minutes.template import default_template
    from ui.minutes.template_dialog import TemplateDialog

    store = screen._stores.settings
    dialog = TemplateDialog(screen, store.record_template())
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    dialog.view.selectRow(1)  # 会议地点 up to the top
    qtbot.mouseClick(dialog.up_button, QtCore_Qt.MouseButton.LeftButton)
    model.setData(model.index(0, 1), "开会地点")
    notice = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "通知日期")
    model.setData(model.index(notice, 2), QtCore_Qt.CheckState.Checked.value, QtCore_Qt.ItemDataRole.CheckStateRole)
    quorum = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "法定人数（必备）")
    assert not model.flags(model.index(quorum, 2)) & QtCore_Qt.ItemFlag.ItemIsUserCheckable  # R12: cannot drop
    dialog.signatures_edit.setText("主持人签名：")
    dialog.accept()
    assert "签字栏须有主持人和记录人" in dialog.error_label.text()
    dialog.signatures_edit.setText("主持人签名：　记录人签名：")
    dialog.accept()
    chosen = dialog.template
    assert [f.heading for f in chosen.fields[:2]] == ["开会地点", "会议时间"] and chosen.fields[-1].key == "notice"

    monkeypatch.setattr(TemplateDialog, "ask", classmethod(lambda cls, *a: chosen))
    qtbot.mouseClick(screen.template_button, QtCore_Qt.MouseButton.LeftButton)
    assert store.record_template() == chosen
    screen.undo_stack.undo()
    assert store.record_template() == default_template()


def test_meeting_list_fetches_pages_as_needed(qtbot, qtmodeltester, village_db: Database, admin: Actor,
                                              monkeypatch) -> None:
    import ui.minutes.table_model as table_model
    from storage.core.backend import build_stores
    from tests.models.meeting_fixtures import complete_meeting
    from ui.minutes.table_model import MeetingTableModel

    monkeypatch.setattr(table_model, "PAGE", 4)
    store = build_stores(village_db, admin).meetings
    made = [store.create(complete_meeting(on=date(2026, 1, 1 + i))) for i in range(10)]  # Changed: .id is new
    model = MeetingTableModel(store)
    model.reload()
    assert model.rowCount() == 4 and model.canFetchMore()
    assert model.meeting_at(0).id == made[-1].id  # newest first
    model.fetchMore()
    assert model.rowCount() == 8
    assert model.row_of(made[0].id) == 9 and not model.canFetchMore()  # found by fetching the rest
    model.reload()
    qtmodeltester.check(model)  # (the tester fetches the rest itself)
    model.text = "不存在的事项"
    model.reload()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_nothing_selected_shows_a_hint_not_a_made_up_record(qtbot, screen: MinutesScreen, monkeypatch) -> None:
    editor = screen.editor
    assert editor.pages.currentWidget() is editor.empty_label and editor.empty_label.isVisible()
    assert editor.empty_label.text() == "请在左侧选择或新建会议记录" and not editor.date_edit.isVisible()
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert editor.date_edit.isVisible() and not editor.empty_label.isVisible()
    assert editor.date_edit.date().toString("yyyy-MM-dd") == "2026-03-12"


def test_count_under_the_list_says_200_plus_until_the_last_page(qtbot, screen: MinutesScreen, village_db: Database,
                                                                admin: Actor, monkeypatch) -> None:
    """The count is not read apart (a filter on 会 matches nearly every record of a township): "N+" while more
    pages wait, the exact count once the last one is in."""
    from tests.models.meeting_fixtures import complete_meeting

    monkeypatch.setattr(screen.model, "page", 4)
    store = build_stores(village_db, admin).meetings
    for day in range(1, 7):
        screen._bus.changed.emit(store.create(complete_meeting(on=date(2026, 1, day))))
    assert screen.count_label.text() == "显示前 4 条（共 4+ 条），向下滚动显示更多"
    screen.model.fetchMore()
    assert screen.count_label.text() == "共 6 条"
    type_text(screen.search_edit, "不存在的事项")
    screen._search_timer.timeout.emit()
    assert screen.count_label.text() == "共 0 条"
