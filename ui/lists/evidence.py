"""证据附件 of the selected list entry: list, add (file dialog), open a read-only copy, remove while in 提名."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout)

from models.changes import Changed, Entity
from models.errors import DomainError
from models.list_evidence import EVIDENCE_FILTER, Evidence
from models.lists import EntryState, ListEntry
from models.ports import ListStore
from ui.bus import DataBus
from ui.lists.commands import AddEvidenceCommand, RemoveEvidenceCommand
from ui.minutes.attachments_panel import show_copy
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.empty_hint import add_empty_hint
from ui.widgets.store_command import push_command

COLUMNS = (("文件名", lambda e: e.file_name), ("大小", lambda e: e.size_text), ("添加人", lambda e: e.added_by),
           ("添加日期", lambda e: e.added_at[:10]), ("说明", lambda e: e.note))
FILE_NAME_WIDTH = 110  # px; the name is elided in the middle (its type stays visible), the whole name in its tip


class EvidencePanel(QGroupBox):
    """Photos and scans behind an entry, for the committees only: they never go on a board, notice or certificate.
    In 提名 adding and removing are undoable; later, evidence can still be added but then stays."""

    def __init__(self, store: ListStore, bus: DataBus, undo_stack: QUndoStack, can_edit: bool) -> None:
        super().__init__("证据附件（仅供评议审核留档，不上榜、不打印）：")
        self._store, self._bus, self._undo_stack, self._can_edit = store, bus, undo_stack, can_edit
        self._entry: ListEntry | None = None
        self.model = RowsTableModel(COLUMNS, self._fetch)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        add_empty_hint(self.view, "暂无证据附件")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # a long photo name hid 大小…说明
        header.resizeSection(0, FILE_NAME_WIDTH)
        header.setStretchLastSection(True)
        self.view.setWordWrap(False)  # else the elision falls at the end and hides the type
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "河道垃…河边.png" keeps its type
        self.add_button, self.open_button, self.remove_button = (QPushButton("添加证据…"), QPushButton("打开"),
                                                                 QPushButton("移除"))
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
        self.load(None)

    def _fetch(self) -> list[Evidence]:
        return self._store.evidence(self._entry.id) if self._entry is not None else []

    def load(self, entry: ListEntry | None) -> None:
        self._entry = entry
        self.model.reload()
        self.add_button.setEnabled(self._can_edit and entry is not None and not entry.state.is_final)
        self.remove_button.setEnabled(self._can_edit and entry is not None and entry.state is EntryState.NOMINATED)
        self.open_button.setEnabled(self.model.rowCount() > 0)

    def selected(self) -> Evidence | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_add_button_clicked(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "选择证据照片或扫描件", "", EVIDENCE_FILTER)
        if names and self._entry is not None:
            self.add_files(self._entry, [Path(name) for name in names])

    def add_files(self, entry: ListEntry, sources: list[Path]) -> None:
        """In 提名 each file is one undo step; after it, the files stay (asked once, not undoable)."""
        undoable = entry.state is EntryState.NOMINATED
        if not undoable and QMessageBox.question(
                self, "添加证据", f"条目已在“{entry.state.label}”，添加的证据以后不能移除，也不能撤销。确定添加吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        for source in sources:
            if not self._add(entry, source, undoable):
                break
        self.model.reload()
        self.open_button.setEnabled(self.model.rowCount() > 0)

    def _add(self, entry: ListEntry, source: Path, undoable: bool) -> bool:
        if undoable:
            command = AddEvidenceCommand(self._store, self._bus, entry.id, source)
            error = push_command(self._undo_stack, command)
        else:
            try:
                self._store.attach_evidence(entry.id, source)
                error = None
            except DomainError as refused:
                error = refused
            if error is None:
                self._undo_stack.clear()
                self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({entry.id})))
        if error is not None:
            QMessageBox.warning(self, "未能添加证据", error.message)
        return error is None

    def _on_open_button_clicked(self) -> None:
        evidence = self.selected()
        if evidence is None:
            return
        show_copy(self, lambda: self._store.evidence_file(evidence.id), evidence, "无法打开证据")

    def _on_remove_button_clicked(self) -> None:
        evidence, entry = self.selected(), self._entry
        if evidence is None or entry is None or entry.state is not EntryState.NOMINATED:
            return
        error = push_command(self._undo_stack, RemoveEvidenceCommand(self._store, self._bus, entry.id, evidence.id,
                                                                     evidence.file_name))
        if error is not None:
            QMessageBox.warning(self, "不能移除", error.message)
        self.model.reload()

