"""Attachments on the minutes screen: add through the file dialog, undo/redo, open a copy, finalised records."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.core.accounts import Actor
from models.core.attachments import AttachmentOwner, OwnerKind
from models.minutes.meetings import Meeting
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.models.meeting_fixtures import complete_meeting
from ui.core.bus import DataBus
from ui.minutes.screen import create_screen


def _attached(stores, meeting_id: str) -> list:
    return stores.attachments.attachments(AttachmentOwner(OwnerKind.MEETING, meeting_id))


def _screen(qtbot, village_db: Database, admin: Actor):
    stores = build_stores(village_db, admin)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.resize(1400, 1000)
    screen.show()
    return stores, screen


def test_add_undo_redo_open_and_remove(qtbot, qtmodeltester, village_db: Database, admin: Actor, monkeypatch,
                                       tmp_path: Path) -> None:
    stores, screen = _screen(qtbot, village_db, admin)
    meeting = stores.meetings.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    screen.model.reload()
    screen.select(meeting.id)
    panel = screen.editor.attachments_panel
    sheet, photo = tmp_path / "签到表.jpg", tmp_path / "会场.png"
    sheet.write_bytes(b"\xff\xd8 sheet")
    photo.write_bytes(b"\x89PNG photo")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(sheet), str(photo)], ""))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(panel.model)
    assert [panel.model.index(r, 0).data() for r in range(2)] == ["签到表", "照片"]
    assert panel.model.index(0, 1).data() == "签到表.jpg"
    screen.undo_stack.undo()
    assert panel.model.rowCount() == 1
    screen.undo_stack.redo()
    assert panel.model.rowCount() == 2 and len(_attached(stores, meeting.id)) == 2

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0]).name == "签到表.jpg" and Path(opened[0]).read_bytes() == sheet.read_bytes()
    assert not os.access(opened[0], os.W_OK) or os.geteuid() == 0  # a read-only copy

    if os.environ.get("XIANGYUE_SCREENSHOTS"):
        screen.editor.attachments_panel.grab().save(str(Path(os.environ["XIANGYUE_SCREENSHOTS"]) / "attachments.png"))
    panel.view.selectRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [a.file_name for a in _attached(stores, meeting.id)] == ["签到表.jpg"]
    screen.undo_stack.undo()
    assert panel.model.rowCount() == 2


def test_refused_file_leaves_nothing_on_the_stack(qtbot, village_db: Database, admin: Actor, monkeypatch,
                                                  tmp_path: Path) -> None:
    stores, screen = _screen(qtbot, village_db, admin)
    meeting = stores.meetings.create(Meeting("representatives_meeting", date(2026, 3, 12), expected=6, present=5))
    screen.model.reload()
    screen.select(meeting.id)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(empty)], ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    qtbot.mouseClick(screen.editor.attachments_panel.add_button, Qt.MouseButton.LeftButton)
    assert warnings and "空文件" in warnings[0]
    assert screen.undo_stack.count() == 0 and _attached(stores, meeting.id) == []


def test_finalised_record_takes_a_confirmed_attachment_it_keeps(qtbot, village_db: Database, admin: Actor,
                                                                monkeypatch, tmp_path: Path) -> None:
    stores, screen = _screen(qtbot, village_db, admin)
    final = stores.meetings.finalise(stores.meetings.create(complete_meeting(number="")).id, True, True)
    screen.model.reload()
    screen.select(final.id)
    panel = screen.editor.attachments_panel
    scan = tmp_path / "记录本第3页.pdf"
    scan.write_bytes(b"%PDF-1.4")
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert asked and "不能移除" in asked[0]
    assert panel.model.rowCount() == 1 and panel.model.index(0, 0).data() == "扫描件"
    assert screen.undo_stack.count() == 0 and not panel.remove_button.isVisible()
