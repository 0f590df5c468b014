"""The demo revision, taken from step 5 to the end on screen: replies, revised version with linked changes,
publicity with an objection and the township's review, the vote, the filing.

Set XIANGYUE_SHOTS=<folder> to keep a screenshot of every step page."""
from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from models.rules.document import VersionStatus, update_article
from models.workflow.steps import StepState, WorkflowStep
from models.workflow.records import Disposition
from storage.core.backend import SqliteBackend
from storage.demo import DemoOptions, run_demo
from tests.helpers import type_text
from tests.storage.workflow_setup import villagers_meeting
from ui.core.bus import DataBus
from ui.workflow.dialogs import ReplyDialog
from ui.workflow.screen import WorkflowScreen

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def _shot(screen: WorkflowScreen, name: str) -> None:
    folder = os.environ.get("XIANGYUE_SHOTS")
    if folder:
        screen.resize(1400, 1100)
        screen.grab().save(str(Path(folder) / f"{name}.png"))


def _reply_all(qtbot, screen: WorkflowScreen, monkeypatch, answer: tuple[Disposition, str]) -> None:
    monkeypatch.setattr(ReplyDialog, "ask", classmethod(lambda cls, parent, o: answer))
    model = screen.opinion_model
    for row in range(model.rowCount()):
        if model.index(row, 6).data() == "未答复":
            screen.opinions_view.selectRow(row)
            qtbot.mouseClick(screen.reply_button, LEFT)


def _advance(qtbot, screen: WorkflowScreen, expected: WorkflowStep | None) -> None:
    qtbot.mouseClick(screen.advance_button, LEFT)
    assert screen.status.current_step is expected


def test_demo_revision_from_step_5_to_9(qtbot, qtmodeltester, tmp_path, monkeypatch) -> None:
    backend = SqliteBackend(tmp_path / "demo.sqlite3")
    run_demo(backend.db, DemoOptions(seed=11, households=60))  # the demo builds its own installation
    stores = backend.login("admin", "demo1234")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    screen = WorkflowScreen(stores, DataBus())
    qtbot.addWidget(screen)
    rulebook_id = screen.rulebook_id
    assert screen.status.current_step is WorkflowStep.PUBLIC_CONSULTATION
    _shot(screen, "5_before")
    _reply_all(qtbot, screen, monkeypatch, (Disposition.ADOPTED, ""))
    _advance(qtbot, screen, WorkflowStep.REVISION)
    _step_6(qtbot, qtmodeltester, screen, stores, rulebook_id)
    _step_7(qtbot, screen, monkeypatch)
    _step_8(qtbot, qtmodeltester, screen, backend, stores)
    _step_9(qtbot, screen, stores, rulebook_id)
    assert warnings == []


def _step_6(qtbot, qtmodeltester, screen: WorkflowScreen, stores, rulebook_id: str) -> None:
    page = screen.pages[WorkflowStep.REVISION]
    qtbot.mouseClick(page.new_version_button, LEFT)
    revised = stores.rules.load_version(rulebook_id)   # the text itself is edited on the 村规民约 screen
    stores.rules.save_version(update_article(revised, revised.articles[1].key, "生活垃圾分类投放，每月评比一次。"))
    screen.reload_status()
    assert page.change_model.rowCount() >= 1
    page.changes_view.selectRow(0)
    page.opinions_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.link_button, LEFT)
    assert page.change_model.index(0, 4).data().startswith("采纳意见")
    qtmodeltester.check(page.change_model)
    _shot(screen, "6_revision")
    _advance(qtbot, screen, WorkflowStep.SECOND_PUBLICITY)


def _step_7(qtbot, screen: WorkflowScreen, monkeypatch) -> None:
    page = screen.pages[WorkflowStep.SECOND_PUBLICITY]
    page.start_edit.setDate(QDate(TODAY - timedelta(days=10)))
    page.end_edit.setDate(QDate(TODAY - timedelta(days=3)))
    qtbot.mouseClick(page.publicity_button, LEFT)
    type_text(page.objector_edit, "龙老二")
    type_text(page.objection_edit, "垃圾评比不要每月一次，太频繁")
    qtbot.mouseClick(page.objection_button, LEFT)
    assert screen.opinion_model.rowCount() == 1
    assert "还有 1 条异议未答复：异议1（龙老二）" in screen.guard_label.text()
    _reply_all(qtbot, screen, monkeypatch, (Disposition.REJECTED, "多数群众同意每月评比"))
    type_text(page.reviewer_edit, "德化乡人民政府")
    type_text(page.conclusion_edit, "经审查，未发现违反法律法规的内容，同意提交村民会议表决。")
    type_text(page.notes_edit, "第二条：评比办法可另行制定")
    qtbot.mouseClick(page.review_button, LEFT)
    assert "德化乡人民政府" in page.review_label.text()
    _shot(screen, "7_publicity")
    assert "可以进入下一步" in screen.guard_label.text()
    _advance(qtbot, screen, WorkflowStep.ASSEMBLY_VOTE)


def _step_8(qtbot, qtmodeltester, screen: WorkflowScreen, backend: SqliteBackend, stores) -> None:
    # held after the publicity ended and the review came (R19): today, announced 12 days ahead (R7)
    meeting_id = villagers_meeting(backend.db, stores.actor, TODAY, notice_date=TODAY - timedelta(days=12))
    screen.reload_status()
    page = screen.pages[WorkflowStep.ASSEMBLY_VOTE]
    page.meeting_combo.set_current_value(meeting_id)
    assert "到会妇女：80 人" in page.meeting_label.text()
    for column, value in ((1, 190), (2, 10), (3, 10)):
        page.tally_table.cellWidget(0, column).setValue(value)
    qtbot.mouseClick(page.vote_button, LEFT)
    assert page.result_model.index(0, 4).data() == "通过"
    qtmodeltester.check(page.result_model)
    _shot(screen, "8_vote")
    _advance(qtbot, screen, WorkflowStep.POST_AND_ENFORCE)


def _step_9(qtbot, screen: WorkflowScreen, stores, rulebook_id: str) -> None:
    page = screen.pages[WorkflowStep.POST_AND_ENFORCE]
    assert f"应于 {(TODAY + timedelta(days=10)).isoformat()} 前报送" in page.filing_label.text()  # R24: vote + 10
    page.status_combo.setCurrentIndex(page.status_combo.findText("已备案"))
    type_text(page.receipt_edit, "德乡备〔2026〕3号")
    page.effective_edit.setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(page.filing_button, LEFT)
    assert "德乡备〔2026〕3号" in page.filing_label.text()
    screen.undo_stack.undo()
    assert "备案编号：无" in page.filing_label.text()
    screen.undo_stack.redo()
    _shot(screen, "9_filing")
    _advance(qtbot, screen, None)
    assert all(v.status.state is StepState.DONE for v in screen.status.steps)
    versions = stores.rules.list_rulebooks()[0].versions
    assert versions[-1].status is VersionStatus.IN_FORCE and versions[-1].effective_date == "2026-06-01"
