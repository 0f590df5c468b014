"""附件 of a meeting record: list, add (file dialog), open a read-only copy, remove while a draft."""
from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path
from typing import Callable, Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from models.attachments import FILE_FILTER, MeetingAttachment, StepAttachment, guess_kind
from models.changes import Changed, Entity
from models.errors import DomainError
from models.meetings import Meeting
from models.ports import MeetingStore
from ui.bus import DataBus
from ui.minutes.commands import AddAttachmentCommand, RemoveAttachmentCommand
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.store_command import push_command

COLUMNS = (("类别", lambda a: a.kind.label), ("文件名", lambda a: a.file_name), ("大小", lambda a: a.size_text),
           ("添加人", lambda a: a.added_by), ("添加时间", lambda a: a.added_at[:16].replace("T", " ")),
           ("说明", lambda a: a.note))


class AttachmentsPanel(QGroupBox):
    """Scans, photos and sign-in sheets. Adding to a draft is undoable; to a finalised record it is final."""

    def __init__(self, store: MeetingStore, bus: DataBus, undo_stack: QUndoStack) -> None:
        super().__init__("附件（扫描件、照片、签到表）")
        self._store, self._bus, self._undo_stack = store, bus, undo_stack
        self._meeting: Meeting | None = None
        self.model = RowsTableModel(COLUMNS, self._fetch)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setFixedHeight(110)
        self.add_button = QPushButton("添加附件…")
        self.open_button = QPushButton("打开")
        self.remove_button = QPushButton("移除")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        bus.changed.connect(self._on_bus_changed)

    def _on_bus_changed(self, changed: Changed) -> None:
        """Undo and redo of attachment commands (and sync imports) change the list."""
        if self._meeting is not None and changed.entity in (Entity.MEETING, Entity.SYNC) and (
                not changed.ids or self._meeting.id in changed.ids):
            self.model.reload()

    def _fetch(self) -> list[MeetingAttachment]:
        return self._store.attachments(self._meeting.id) if self._meeting is not None else []

    def load(self, meeting: Meeting | None) -> None:
        self._meeting = meeting
        self.model.reload()
        self.remove_button.setVisible(meeting is not None and not meeting.is_final)

    def selected(self) -> MeetingAttachment | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_add_button_clicked(self) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(self, "选择要添加的附件", "", FILE_FILTER)
        if not names:
            return
        if meeting.is_final and QMessageBox.question(
                self, "添加附件", "记录已定稿，添加的附件以后不能移除，也不能撤销。确定添加吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        for name in names:
            if not self._add(meeting, Path(name)):
                break
        self.model.reload()

    def _add(self, meeting: Meeting, source: Path) -> bool:
        kind = guess_kind(source.name)
        if meeting.is_final:
            try:
                self._store.attach(meeting.id, source, kind)
            except DomainError as error:
                QMessageBox.warning(self, "未能添加附件", error.message)
                return False
            return True
        command = AddAttachmentCommand(self._store, self._bus, meeting.id, source, kind)
        error = push_command(self._undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "未能添加附件", error.message)
            return False
        return True

    def _on_open_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        show_copy(self, lambda: self._store.attachment_file(attachment.id), attachment)

    def _on_remove_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is None or self._meeting is None or self._meeting.is_final:
            return
        error = push_command(self._undo_stack, RemoveAttachmentCommand(self._store, self._bus, attachment))
        if error is not None:
            QMessageBox.warning(self, "不能移除", error.message)
        self.model.reload()


class StoredFile(Protocol):
    """A file kept in the blob store: a meeting's or step's attachment, or a list entry's evidence."""

    sha256: str
    file_name: str


def open_copy(stored: Path, attachment: StoredFile) -> Path:
    """A read-only copy under its own name (the store names files by hash), so the viewer knows the type."""
    folder = Path(tempfile.gettempdir()) / "xiangyue-attachments" / attachment.sha256[:16]
    target = folder / Path(attachment.file_name).name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target


def show_copy(parent: QWidget, stored: Callable[[], Path], attachment: StoredFile,
              title: str = "无法打开附件") -> None:
    """Open a read-only copy in the system viewer; a missing or damaged file is a Chinese message, not a crash."""
    try:
        copy = open_copy(stored(), attachment)
    except DomainError as error:
        QMessageBox.warning(parent, title, error.message)
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
