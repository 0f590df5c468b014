"""The sync screen's review panel: bundles held for a fingerprint check, and the quarantined rows (read-only)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QGroupBox, QHeaderView, QInputDialog, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from models.errors import DomainError
from models.ports import SyncService
from ui.sync.review_models import HeldTableModel, QuarantineTableModel


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
        held_layout.addWidget(self.accept_button)
        layout.addWidget(self.held_box)
        quarantine_box = QGroupBox("隔离记录（未写入，只读）")
        quarantine_layout = QVBoxLayout(quarantine_box)
        self.quarantine_model = QuarantineTableModel(service.quarantined)
        self.quarantine_view = _table(self.quarantine_model)
        quarantine_layout.addWidget(self.quarantine_view)
        layout.addWidget(quarantine_box)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reload()

    def reload(self) -> None:
        self.held_model.reload()
        self.quarantine_model.reload()
        self.held_box.setVisible(self.held_model.rowCount() > 0)
        self.accept_button.setEnabled(self.held_model.rowCount() > 0)

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


def ask_fingerprint(parent: QWidget) -> str | None:
    """The fingerprint as the reviewer types it while the village's clerk reads it aloud."""
    typed, ok = QInputDialog.getText(parent, "核对指纹",
                                     "请对方念出村里电脑“同步”页上的密钥指纹，逐组输入（8 组，每组 4 位）：",
                                     QLineEdit.EchoMode.Normal, "")
    return typed if ok and typed.strip() else None
