"""pytest-qt walk over the real registry: a representatives' meeting, expected computed, attendees ticked, R4."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from models.core.accounts import Actor
from models.minutes.meetings import AttendanceKind
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from tests.registry_fixtures import seat_committees
from ui.core.bus import DataBus
from ui.minutes.dialogs import NewMeetingDialog
from ui.minutes.screen import create_screen


def _row(editor, name: str):
    rows = [editor.roster_list.item(i) for i in range(editor.roster_list.count())]
    return next(r for r in rows if r.text().startswith(name))


def test_walk_representatives_meeting_from_the_registry(qtbot, village_db: Database, admin: Actor, monkeypatch,
                                                        tmp_path: Path) -> None:
    ids = seat_committees(village_db, admin)
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    screen.show()
    editor = screen.editor
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    meeting = editor.meeting
    assert meeting is not None and meeting.expected == meeting.expected_computed == 6
    assert "花名册计算为 6 人" in editor.expected_basis_label.text()
    assert {editor.roster_list.item(i).text() for i in range(6)} == {
        "龙金寿（男）", "龙梅银（男）", "黄秀珍（女）", "李兰建（男，党支部书记、村委会主任）", "陈文（女，村委委员（妇女主任））",
        "张金（男）"}
    assert "村民代表 3 人，不足组成人员 6 人的五分之四" in editor.warnings_label.text()  # R4
    assert "妇女" not in editor.warnings_label.text()  # 2 women of 6 is one third

    _row(editor, "龙金寿").setCheckState(Qt.CheckState.Unchecked)
    assert editor.current().present == 5 and "龙金寿：" in editor.absent_edit.toPlainText()
    qtbot.keyClicks(editor.roster_search_edit, "ljs")  # pinyin initials filter the list
    visible = [editor.roster_list.item(i).text() for i in range(6) if not editor.roster_list.item(i).isHidden()]
    assert visible == ["龙金寿（男）"]
    qtbot.keyClick(editor.roster_search_edit, Qt.Key.Key_Return)  # Enter ticks the one match
    assert _row(editor, "龙金寿").checkState() == Qt.CheckState.Checked and editor.roster_search_edit.text() == ""

    type_text(editor.roster_search_edit, "陈红")  # not on the list: offered from the registry
    assert editor.roster_picker.isVisible() and editor.roster_picker.count() == 1
    assert "户号 0005" in editor.roster_picker.item(0).text()
    qtbot.keyClick(editor.roster_search_edit, Qt.Key.Key_Return)
    assert editor.current().present == 7 and not editor.roster_picker.isVisible()
    assert editor.current().women_present == 3  # 黄秀珍, 陈文, 陈红: 实到 and 到会妇女 follow the ticks
    assert editor.count_spins["present"].value() == 7 and editor.count_spins["present"].isReadOnly()
    assert editor.count_spins["women_present"].value() == 3

    if os.environ.get("XIANGYUE_SCREENSHOTS"):
        screen.grab().save(str(Path(os.environ["XIANGYUE_SCREENSHOTS"]) / "minutes_registry.png"))
    editor.flush()
    saved = stores.meetings.get(meeting.id)
    present = {a.name: a.villager_id for a in saved.attendees if a.kind is AttendanceKind.PRESENT}
    assert present["陈红"] == ids["陈红"] and present["龙金寿"] == ids["龙金寿"] and len(present) == 7
    assert saved.present == 7 and saved.expected_computed == 6


def test_changing_the_date_recomputes_expected(qtbot, village_db: Database, admin: Actor, monkeypatch) -> None:
    seat_committees(village_db, admin)
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    editor = screen.editor
    editor.date_edit.setDate(editor.date_edit.date().addMonths(-15))  # 2024-12: before anyone's term
    assert editor.count_spins["expected"].value() == 0
    assert "花名册计算为 0 人" in editor.expected_basis_label.text()
    editor.date_edit.setDate(editor.date_edit.date().addMonths(6))  # 2025-06: 欧梅 was a representative
    assert editor.count_spins["expected"].value() == 7
    assert any(editor.roster_list.item(i).text().startswith("欧梅") for i in range(editor.roster_list.count()))


def test_villagers_meeting_counts_stay_typed_when_names_are_ticked(qtbot, village_db: Database, admin: Actor,
                                                                  monkeypatch) -> None:
    seat_committees(village_db, admin)
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("villagers_meeting", date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    editor = screen.editor
    adults = stores.registry_facts.adults_count(date(2026, 3, 12))
    assert editor.count_spins["expected"].value() == adults and editor.count_spins["expected_households"].value() == 40
    assert editor.roster_list.count() == 0 and not editor.roster_search_edit.isHidden()  # names can be added
    editor.count_spins["present"].setValue(60)
    type_text(editor.roster_search_edit, "李兰建")
    qtbot.keyClick(editor.roster_search_edit, Qt.Key.Key_Return)
    assert editor.roster_list.count() == 1
    assert editor.current().present == 60 and not editor.count_spins["present"].isReadOnly()


def test_named_votes_follow_the_ticks_and_speeches_save_as_entries(qtbot, qtmodeltester, village_db: Database,
                                                                   admin: Actor, monkeypatch) -> None:
    from models.minutes.quorum import Tally
    from models.minutes.votes import Speech, VoteChoice
    from models.minutes.meetings import VoteMethod

    seat_committees(village_db, admin)
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    screen.show()
    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    editor = screen.editor
    _row(editor, "张金").setCheckState(Qt.CheckState.Unchecked)  # 5 of 6 present
    qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    panel = editor._panels[-1]
    type_text(panel.title_edit, "修建村文化广场")
    type_text(panel.speeches_edit, "龙金寿：同意，尽快开工\n黄秀珍")
    panel.method_combo.set_current_value(VoteMethod.NAMED_BALLOT.value)
    assert panel.named_check.isEnabled() and panel.named_box.isHidden()
    named_label = panel.layout().labelForField(panel.named_box)
    assert named_label.isHidden()  # no lone "逐人表决：" label over an empty row
    panel.named_check.setChecked(True)
    assert not named_label.isHidden() and not panel.named_box.isHidden()
    model = panel.votes_model
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and all(v.choice is VoteChoice.NOT_VOTING for v in model.votes())
    qtbot.mouseClick(panel.all_for_button, Qt.MouseButton.LeftButton)
    black = next(r for r in range(5) if model.index(r, 0).data() == "黄秀珍")
    view = panel.votes_view
    view.setCurrentIndex(model.index(black, 1))
    view.edit(model.index(black, 1))
    combo = view.indexWidget(model.index(black, 1)) or view.focusWidget()
    combo.set_current_value(VoteChoice.AGAINST.value)
    view.commitData(combo)
    editor._refresh()
    assert (panel.for_spin.value(), panel.against_spin.value()) == (4, 1) and panel.for_spin.isReadOnly()
    assert "第 2 条发言应写成“发言人：发言要点”" in panel.result_label.text()  # 黄秀珍 has no text yet
    type_text(panel.speeches_edit, "：再议")
    editor._refresh()
    assert "赞成 4 票" in panel.result_label.text()
    if os.environ.get("XIANGYUE_SCREENSHOTS"):
        qtbot.wait(100)
        panel.grab().save(str(Path(os.environ["XIANGYUE_SCREENSHOTS"]) / "minutes_named_votes.png"))

    _row(editor, "张金").setCheckState(Qt.CheckState.Checked)  # a newly present person joins as 未投票
    editor._refresh()
    assert model.rowCount() == 6 and {v.name: v.choice for v in model.votes()}["张金"] is VoteChoice.NOT_VOTING
    editor.flush()
    saved = stores.meetings.get(editor.meeting.id).items[0]
    assert saved.tally == Tally(4, 1, 0) and len(saved.votes) == 6
    assert saved.speeches == (Speech("龙金寿", "同意，尽快开工"), Speech("黄秀珍", "再议"))
    panel.named_check.setChecked(False)  # back to counts only: the votes are withdrawn, undoably
    editor.flush()
    assert stores.meetings.get(editor.meeting.id).items[0].votes == ()
    screen.undo_stack.undo()  # autosaves of one record merge: undo goes back to the empty draft
    assert stores.meetings.get(editor.meeting.id).items == () and editor._panels == []
    screen.undo_stack.redo()
    redone = stores.meetings.get(editor.meeting.id).items[0]
    assert redone.votes == () and len(redone.speeches) == 2 and not editor._panels[0].named_check.isChecked()


def test_convene_proposal_is_a_task_until_a_meeting_answers(qtbot, qtmodeltester, village_db: Database,
                                                            admin: Actor, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.minutes.convene_panel import ProposalDialog

    seat_committees(village_db, admin)
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    panel = screen.convene_panel
    dialog = ProposalDialog(screen, stores.registry_facts, date(2026, 3, 1))
    dialog.body_combo.set_current_value("representatives_meeting")
    representatives = len(stores.registry_facts.people_with_role("representative", date(2026, 3, 1)))
    assert dialog.base_spin.value() == representatives == 3  # the registry's count on the day
    dialog.signatures_spin.setValue(1)
    assert "应当召集村民代表会议" in dialog.reason_label.text()  # 5 × 1 ≥ 3
    dialog.accept()
    assert "所议的事项" in dialog.error_label.text()
    type_text(dialog.subject_edit, "公开集体收益账目")
    dialog.accept()
    monkeypatch.setattr(ProposalDialog, "ask", classmethod(lambda cls, *a: dialog.result_proposal))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 1 and "应当召集的会议：1 项" in panel.summary_label.text()
    if os.environ.get("XIANGYUE_SCREENSHOTS"):
        screen.resize(1400, 700)
        screen.show()
        screen.tabs.setCurrentWidget(panel)
        qtbot.wait(100)
        screen.grab().save(str(Path(os.environ["XIANGYUE_SCREENSHOTS"]) / "minutes_convene.png"))

    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(lambda cls, *a: ("representatives_meeting",
                                                                                date(2026, 3, 12))))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    panel.answer(panel.model.proposal_at(0), screen.editor.meeting.id)
    assert panel.summary_label.text() == "应当召集的会议：无"
    assert panel.model.index(0, 5).data() == f"已召开（{screen.editor.meeting.number}）"
    screen.undo_stack.undo()
    assert "应当召集的会议：1 项" in panel.summary_label.text()
