"""The sync screen's review panel: bundles held for a fingerprint check, and the quarantined rows (read-only)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from models.errors import DomainError
from models.ports import SyncService
from models.sync import HeldBundle
from ui.sync.review_models import ROW_ROLE, HeldTableModel, QuarantineTableModel


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


class ReviewPanel(QWidget):
    """Held bundles (accepted by typing the fingerprint read aloud) and the quarantine list."""

    accept_requested = Signal(object)  # the job to run in the background
    discarded = Signal(str)  # what was dropped, for the screen's summary

    def __init__(self, service: SyncService) -> None:
        super().__init__()
        self._service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.held_box = QGroupBox("等待核对指纹的同步包")
        held_layout = QVBoxLayout(self.held_box)
        self.held_model = HeldTableModel(service.pending)
        self.held_view = _table(self.held_model)
        held_layout.addWidget(self.held_view)
        self.accept_button = QPushButton("核对指纹并接受…")
        self.accept_button.setToolTip("请村里的文书念出其“同步”页上的密钥指纹，逐组输入；一致才会信任并导入。")
        self.discard_button = QPushButton("丢弃选中的…")
        self.discard_button.setToolTip("指纹对不上、不接受这把密钥时：删除它暂存的全部同步包，不写入任何记录。")
        held_layout.addWidget(_buttons(self.accept_button, self.discard_button))
        layout.addWidget(self.held_box)
        quarantine_box = QGroupBox("隔离记录（未写入，只读）")
        quarantine_layout = QVBoxLayout(quarantine_box)
        self.quarantine_model = QuarantineTableModel(service.quarantined)
        self.quarantine_view = _table(self.quarantine_model)
        quarantine_layout.addWidget(self.quarantine_view)
        layout.addWidget(quarantine_box)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.reload()

    def reload(self) -> None:
        self.held_model.reload()
        self.quarantine_model.reload()
        self.held_box.setVisible(self.held_model.rowCount() > 0)
        self.accept_button.setEnabled(self.held_model.rowCount() > 0)
        self.discard_button.setEnabled(self.held_model.rowCount() > 0)

    def _on_accept_button_clicked(self) -> None:
        typed = ask_fingerprint(self)
        if typed is None:
            return
        try:
            job = self._service.accept_job(typed)
        except DomainError as error:
            QMessageBox.warning(self, "未完成", error.message)
            return
        self.accept_requested.emit(job)


    def _selected_held(self) -> HeldBundle | None:
        rows = self.held_view.selectionModel().selectedRows()
        if rows:
            return rows[0].data(ROW_ROLE)
        return self.held_model.index(0, 0).data(ROW_ROLE) if self.held_model.rowCount() == 1 else None

    def _on_discard_button_clicked(self) -> None:
        held = self._selected_held()
        if held is None:
            QMessageBox.information(self, "丢弃暂存的同步包", "请先在上面的表里选中要丢弃的同步包。")
            return
        same_key = sum(1 for row in range(self.held_model.rowCount())
                       if self.held_model.index(row, 0).data(ROW_ROLE).fingerprint == held.fingerprint)
        answer = QMessageBox.question(
            self, "丢弃暂存的同步包",
            f"丢弃“{held.name}”（{held.sender}）暂存的 {same_key} 个同步包？\n密钥指纹：{held.fingerprint}\n"
            "这把密钥不会被信任，包里的变更不会写入；此操作不能撤销。\n若确是本乡镇的村，核对指纹后让对方重新导出即可，"
            "新的同步包会带上全部内容。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            dropped = self._service.discard(held.fingerprint)
        except DomainError as error:
            QMessageBox.warning(self, "未完成", error.message)
            return
        self.reload()
        self.discarded.emit(f"已丢弃“{held.name}”暂存的 {len(dropped)} 个同步包，未写入任何记录，密钥未被信任。")


def _buttons(*buttons: QPushButton) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        layout.addWidget(button)
    layout.addStretch(1)
    return holder


def ask_fingerprint(parent: QWidget) -> str | None:
    """The fingerprint as the reviewer types it while the village's clerk reads it aloud."""
    typed, ok = QInputDialog.getText(parent, "核对指纹",
                                     "请对方念出村里电脑“同步”页上的密钥指纹，逐组输入（8 组，每组 4 位）：",
                                     QLineEdit.EchoMode.Normal, "")
    return typed if ok and typed.strip() else None
