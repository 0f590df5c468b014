"""红黑榜 screen: 证据附件 of the selected entry — add (undoable in 提名), open, remove, refusals, kept after 评议."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.core.attachments import AttachmentOwner, OwnerKind
from models.lists.workflow import Nomination
from models.lists.entries import ListKind
from storage.core.backend import SqliteBackend
from tests.list_fixtures import APPROVER, CLERK, seed_registry, store, written
from tests.printing.test_board_pdf import DAY
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen

JPEG = b"\xff\xd8\xff\xe0 photo of the pile"


def _evidence(stores, entry_id: str) -> list:
    return stores.attachments.attachments(AttachmentOwner(OwnerKind.LIST_ENTRY, entry_id))


def _screen(qtbot, qtmodeltester, backend: SqliteBackend, stores) -> tuple[ListsScreen, str]:
    seed_registry(backend.db)
    clerk = store(backend.db, CLERK)
    entry = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                          "31", "第12条", on=DAY))
    screen = ListsScreen(stores, DataBus(), today=lambda: DAY)
    qtbot.addWidget(screen)
    screen.period = "2025-03"
    screen.reload()
    screen.tabs_widget.setCurrentIndex(1)
    screen.select_entry(entry.id)
    qtmodeltester.check(screen.evidence_panel.model)
    return screen, entry.id


def test_add_open_remove_and_undo(qtbot, qtmodeltester, backend: SqliteBackend, stores, monkeypatch,
                                  tmp_path: Path) -> None:
    screen, entry_id = _screen(qtbot, qtmodeltester, backend, stores)
    panel = screen.evidence_panel
    photo, wrong = tmp_path / "河边焚烧.jpg", tmp_path / "记录.docx"
    photo.write_bytes(JPEG)
    wrong.write_bytes(b"PK\x03\x04")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(photo), str(wrong)], ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    assert panel.add_button.isEnabled() and not panel.open_button.isEnabled()
    panel.add_button.click()
    assert [e.file_name for e in _evidence(stores, entry_id)] == ["河边焚烧.jpg"]
    assert panel.model.rowCount() == 1 and "不是照片或扫描件" in warnings[0]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.view.selectRow(0)
    panel.open_button.click()
    assert Path(opened[0].toLocalFile()).name == "河边焚烧.jpg"
    assert Path(opened[0].toLocalFile()).read_bytes() == JPEG
    screen.undo_stack.undo()
    assert panel.model.rowCount() == 0 and _evidence(stores, entry_id) == []
    screen.undo_stack.redo()
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    panel.remove_button.click()
    assert _evidence(stores, entry_id) == []
    screen.undo_stack.undo()
    assert len(_evidence(stores, entry_id)) == 1


def test_after_assessment_evidence_is_added_for_good(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                     monkeypatch, tmp_path: Path) -> None:
    screen, entry_id = _screen(qtbot, qtmodeltester, backend, stores)
    store(backend.db, APPROVER).advance(entry_id, "评议同意", on=DAY)
    screen.reload()
    panel = screen.evidence_panel
    assert panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    scan = tmp_path / "告知书.pdf"
    scan.write_bytes(b"%PDF-1.4 notice")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes)
    panel.add_files([scan])
    assert "不能移除" in asked[0] and panel.model.rowCount() == 1
    assert screen.undo_stack.count() == 0


def test_a_long_photo_name_leaves_the_other_columns_visible(qtbot, qtmodeltester, backend: SqliteBackend, stores,
                                                            tmp_path: Path) -> None:
    """Seen on screen: a phone photo's long name widened its column until 大小…说明 were off the panel."""
    from PySide6.QtCore import Qt

    from ui.widgets.attachments import FILE_NAME_WIDTH
    screen, entry_id = _screen(qtbot, qtmodeltester, backend, stores)
    panel = screen.evidence_panel
    photo = tmp_path / ("河道垃圾照片_2026年11月3日上午拍摄于二组河边" * 2 + ".jpg")
    photo.write_bytes(JPEG)
    panel.add_files([photo])
    assert panel.model.rowCount() == 1
    assert panel.view.horizontalHeader().sectionSize(0) == FILE_NAME_WIDTH
    assert panel.view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == photo.name  # the whole name on hover
