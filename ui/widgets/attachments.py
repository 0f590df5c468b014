"""附件 panel of any owner (a meeting record, a step of a revision, a list entry): list, add (file dialog), open a
read-only copy, remove while the owner is still open. The owner's `OwnerStatus` says what is allowed."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout)

from models.core.attachment_files import POLICIES
from models.core.attachments import AttachPhase, Attachment, AttachmentOwner, OwnerKind, OwnerStatus
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import AttachmentStore
from ui.core.bus import DataBus
from ui.widgets.attachment_commands import AddAttachmentCommand, RemoveAttachmentCommand, show_copy
from ui.widgets.store_command import push_command
from ui.widgets.empty_hint import add_empty_hint
from ui.widgets.rows_model import Column, RowsTableModel

FILE_NAME_WIDTH = 110  # px; the name is elided in the middle (its type stays visible), the whole name in its tip
KIND: Column = ("类别", lambda a: a.kind.label)
FILE_NAME: Column = ("文件名", lambda a: a.file_name)
SIZE: Column = ("大小", lambda a: a.size_text)
ADDED_BY: Column = ("添加人", lambda a: a.added_by)
ADDED_AT: Column = ("添加时间", lambda a: a.added_at[:16].replace("T", " "))
ADDED_ON: Column = ("添加日期", lambda a: a.added_at[:10])
NOTE: Column = ("说明", lambda a: a.note)
DIALOG_TITLES = {OwnerKind.MEETING: "选择要添加的附件", OwnerKind.WORKFLOW_STEP: "选择扫描件或照片",
                 OwnerKind.LIST_ENTRY: "选择证据照片或扫描件", OwnerKind.MATTER: "选择现场照片或书面材料", OwnerKind.DISCLOSURE: "选择公开栏照片"}


class AttachmentsPanel(QGroupBox):
    """While the owner is open each add and removal is one undo step; once its papers are kept, an add is asked
    once and stays (the screen's undo stack is cleared, STYLE §4.3); before it opens, nothing can be added."""

    def __init__(self, store: AttachmentStore, bus: DataBus, undo_stack: QUndoStack, kind: OwnerKind, title: str,
                 columns: Sequence[Column], empty_text: str = "暂无附件", can_edit: bool = True,
                 link: Callable[[], str] = lambda: "", height: int = 0) -> None:
        super().__init__(title)
        self._store, self._bus, self._undo_stack, self._can_edit, self._link = store, bus, undo_stack, can_edit, link
        self._kind, self._noun = kind, kind.noun
        self._owner: AttachmentOwner | None = None
        self._notice = Changed(Entity.ATTACHMENT)
        self._status: OwnerStatus | None = None
        self.model = RowsTableModel(columns, self._fetch)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.add_button, self.open_button, self.remove_button = (QPushButton(f"添加{self._noun}…"),
                                                                 QPushButton("打开"), QPushButton("移除"))
        self._build_ui([name for name, _ in columns].index(FILE_NAME[0]), empty_text)
        if height:  # a few rows inside a long editor column; a panel of its own takes what room it gets
            self.view.setFixedHeight(height)
        self._connect_signals()
        self.load(None)

    def _build_ui(self, file_column: int, empty_text: str) -> None:
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        add_empty_hint(self.view, empty_text)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(file_column, QHeaderView.ResizeMode.Interactive)  # a long name hid the rest
        header.resizeSection(file_column, FILE_NAME_WIDTH)
        header.setStretchLastSection(True)
        self.view.setWordWrap(False)  # else the elision falls at the end and hides the type
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "河道垃…河边.png" keeps its type
        self.buttons_layout = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            self.buttons_layout.addWidget(button)
        self.buttons_layout.addStretch(1)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addWidget(self.view)
        self.body_layout.addLayout(self.buttons_layout)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.model.modelReset.connect(self._on_model_reset)
        self._bus.changed.connect(self._on_bus_changed)

    def _fetch(self) -> list[Attachment]:
        return self._store.attachments(self._owner) if self._owner is not None else []

    def load(self, owner: AttachmentOwner | None, notice: Changed | None = None) -> None:
        """Show `owner`'s attachments; `notice` is the owner's change that makes the panel reload (the store's
        writes name it too, joined with the attachment's own)."""
        self._owner, self._notice = owner, notice or Changed(owner.kind.entity if owner else Entity.ATTACHMENT)
        self._status = self._store.status(owner) if owner is not None else None
        phase = self._status.phase if self._status else AttachPhase.CLOSED
        self.add_button.setEnabled(self._can_edit and phase is not AttachPhase.CLOSED)
        self.remove_button.setEnabled(self._can_edit and phase is AttachPhase.OPEN)
        self.remove_button.setVisible(phase is not AttachPhase.KEPT)
        self.model.reload()

    def _on_model_reset(self) -> None:
        self.open_button.setEnabled(self.model.rowCount() > 0)

    def _on_bus_changed(self, changed: Changed) -> None:
        """Undo and redo of the panel's commands (and sync imports) change the list: a change of the owner's
        kind naming no ids, or the owner's."""
        if self._owner is None or not changed.concerns(self._notice.entity, Entity.ATTACHMENT):
            return
        named = changed.ids_of(self._notice.entity)
        if not named or not self._notice.ids or named & self._notice.ids:
            self.model.reload()

    def selected(self) -> Attachment | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_add_button_clicked(self) -> None:
        if self._owner is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(self, DIALOG_TITLES[self._kind], "",
                                                      POLICIES[self._kind].file_filter)
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, sources: list[Path]) -> None:
        """Attach the files to the owner (with the screen's link, e.g. the opinion a scanned form answers)."""
        status = self._status
        if self._owner is None or status is None:
            return
        if status.phase is AttachPhase.KEPT and QMessageBox.question(
                self, f"添加{self._noun}", status.confirm_question) != QMessageBox.StandardButton.Yes:
            return
        for source in sources:
            if not self._add(self._owner, source, status.phase is AttachPhase.OPEN):
                break
        self.model.reload()

    def _add(self, owner: AttachmentOwner, source: Path, undoable: bool) -> bool:
        error: DomainError | None = None
        if undoable:
            command = AddAttachmentCommand(self._store, self._bus, owner, source, self._link())
            error = push_command(self._undo_stack, command)
        else:
            try:
                added = self._store.attach(owner, source, opinion_id=self._link())
            except DomainError as refused:
                error = refused
            else:
                self._undo_stack.clear()
                self._bus.changed.emit(added)
        if error is not None:
            QMessageBox.warning(self, f"未能添加{self._noun}", error.message)
        return error is None

    def _on_open_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is not None:
            show_copy(self, lambda: self._store.file(attachment.id), attachment)

    def _on_remove_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is None or self._status is None or self._status.phase is not AttachPhase.OPEN:
            return
        command = RemoveAttachmentCommand(self._store, self._bus, attachment)
        refused = push_command(self._undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, "不能移除", refused.message)
        self.model.reload()
