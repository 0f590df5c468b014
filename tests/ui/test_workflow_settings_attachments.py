"""The workflow screen's 修订设置 (step 1) and each step's attachments: edits undoable, refusals shown."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from models.core.attachments import AttachmentOwner, OwnerKind
from models.workflow.steps import WorkflowStep
from models.workflow.guards import WorkflowSettings
from models.workflow.linked_meetings import meeting_facts
from storage.core.backend import SqliteBackend
from tests.ui.test_workflow_gaps import _at_step_5
from tests.ui.test_workflow_pages import _at_step_2, _screen, answers  # noqa: F401  (fixture)

LEFT = Qt.MouseButton.LeftButton


def _attached(stores, rulebook_id: str) -> list:
    """Every step's attachments of the rulebook's revision."""
    owner = AttachmentOwner(OwnerKind.WORKFLOW_STEP, stores.workflow.revisions.revision_id(rulebook_id))
    return stores.attachments.attachments(owner)


def test_settings_edited_on_step_1_page_and_undone(qtbot, backend: SqliteBackend, stores,
                                                   answers) -> None:  # noqa: F811
    rulebook_id = _at_step_2(backend, stores)
    screen = _screen(qtbot, stores, WorkflowStep.COMMITTEES_DISCUSS)
    page = screen.pages[WorkflowStep.COMMITTEES_DISCUSS]
    assert page.publicity_days_spin.minimum() == 5 and page.settings_button.isEnabled()
    page.filing_days_spin.setValue(15)
    page.publicity_days_spin.setValue(7)
    page.representatives_check.setChecked(True)
    qtbot.mouseClick(page.settings_button, LEFT)
    assert answers == []
    assert stores.workflow.settings.settings(rulebook_id) == WorkflowSettings(15, 7, True)
    assert "表决后 15 天内备案" in page.settings_label.text()
    assert "本省规定：须由村民会议表决（在“会议记录 → 本省规定”中设置）" in page.settings_label.text()
    screen.undo_stack.undo()
    assert stores.workflow.settings.settings(rulebook_id) == WorkflowSettings()
    assert page.filing_days_spin.value() == 10 and not page.representatives_check.isChecked()
    screen.undo_stack.redo()
    assert stores.workflow.settings.settings(rulebook_id).publicity_min_days == 7


def test_step_5_scan_attached_to_an_opinion_and_undone(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                       answers, tmp_path: Path) -> None:  # noqa: F811
    rulebook_id = _at_step_5(backend, stores)
    scan = tmp_path / "意见征求表0003.pdf"
    scan.write_bytes(b"%PDF-1.4 form")
    screen = _screen(qtbot, stores, WorkflowStep.PUBLIC_CONSULTATION)
    panel = screen.attachments
    opinion = stores.workflow.opinions.opinions(rulebook_id)[0]
    panel.opinion_combo.set_current_value(opinion.id)
    panel.add_files([scan])
    assert answers == []
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 3).data() == opinion.title and panel.model.index(0, 0).data() == "扫描件"
    qtmodeltester.check(panel.model)
    screen.undo_stack.undo()
    assert _attached(stores, rulebook_id) == [] and panel.model.rowCount() == 0
    screen.undo_stack.redo()
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert panel.model.rowCount() == 0
    screen.undo_stack.undo()
    assert panel.model.rowCount() == 1


def test_finished_step_attachment_is_final_and_pending_step_refuses(qtbot, backend: SqliteBackend, stores,
                                                                    answers, tmp_path: Path) -> None:  # noqa: F811
    rulebook_id = _at_step_5(backend, stores)
    receipt = tmp_path / "决议.jpg"
    receipt.write_bytes(b"jpeg")
    screen = _screen(qtbot, stores, WorkflowStep.COMMITTEES_DISCUSS)
    assert "本步已完成" in screen.attachments.hint.text() and screen.attachments.remove_button.isHidden()
    screen.attachments.add_files([receipt])
    assert screen.undo_stack.count() == 0
    assert [a.kind.label for a in _attached(stores, rulebook_id)] == ["照片"]
    screen.select_step(WorkflowStep.ASSEMBLY_VOTE)
    assert not screen.attachments.add_button.isEnabled()


def test_step_8_women_present_amended_from_the_vote_page(qtbot, backend: SqliteBackend, stores, answers,
                                                          monkeypatch) -> None:  # noqa: F811
    from datetime import date

    from PySide6.QtWidgets import QInputDialog

    from tests.storage.test_workflow_retry import _to_vote
    from tests.storage.workflow_setup import rulebook_in_force, villagers_meeting
    rulebook_id = rulebook_in_force(backend.db, stores.actor)
    _to_vote(backend.db, stores.actor, stores.workflow, rulebook_id)
    meeting_id = villagers_meeting(backend.db, stores.actor, date(2026, 5, 20), women=80)
    screen = _screen(qtbot, stores, WorkflowStep.ASSEMBLY_VOTE)
    page = screen.pages[WorkflowStep.ASSEMBLY_VOTE]
    page.meeting_combo.set_current_value(meeting_id)
    assert "到会妇女：80 人" in page.meeting_label.text() and not page.women_button.isHidden()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a: (86, True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("据签到表核实", True))
    qtbot.mouseClick(page.women_button, LEFT)
    assert answers == []
    assert "到会妇女：86 人" in page.meeting_label.text()
    assert meeting_facts(stores.meetings, stores.meeting_types, meeting_id).women_present == 86  # type: ignore[union-attr]
    assert [a.after for a in stores.meetings.get(meeting_id).amendments] == ["86"]
    assert screen.undo_stack.count() == 0
