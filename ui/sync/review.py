"""The sync screen's review panel: bundles held for a fingerprint check, and the quarantined rows (release, discard)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from models.core.audit import table_label
from models.core.changes import Changed
from models.core.errors import DomainError
from models.sync.bundles import HeldBundle, QuarantinedRow, node_label
from models.sync.ports import SyncService
from ui.sync.review_models import ROW_ROLE, HeldTableModel, QuarantineTableModel
from ui.widgets.empty_hint import add_empty_hint


def table_view(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setResizeContentsPrecision(50)  # 50 rows measured, not Qt's 1,000 of a long list
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


class ReviewPanel(QWidget):
    """Held bundles (accepted by typing the fingerprint read aloud) and the quarantine list."""

    accept_requested = Signal(object)  # the job to run in the background
    discarded = Signal(str, object)  # what was dropped (or released), for the screen's summary, and its Changed

    def __init__(self, service: SyncService) -> None:
        super().__init__()
        self._service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.held_box = QGroupBox("等待核对指纹的同步包")
        held_layout = QVBoxLayout(self.held_box)
        self.held_model = HeldTableModel(service.pending)
        self.held_view = table_view(self.held_model)
        add_empty_hint(self.held_view, "暂无等待核对指纹的同步包")
        held_layout.addWidget(self.held_view)
        self.accept_button = QPushButton("核对指纹并接受…")
        self.accept_button.setToolTip("请村里的文书念出其“同步”页上的密钥指纹，逐组输入；一致才会信任并导入。")
        self.discard_button = QPushButton("丢弃选中的…")
        self.discard_button.setToolTip("指纹对不上、不接受这把密钥时：删除它暂存的全部同步包，不写入任何记录。")
        held_layout.addWidget(_buttons(self.accept_button, self.discard_button))
        layout.addWidget(self.held_box)
        layout.addWidget(self._quarantine_box(service))
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.release_row_button.clicked.connect(self._on_release_row_button_clicked)
        self.discard_row_button.clicked.connect(self._on_discard_row_button_clicked)
        self.reload()

    def _quarantine_box(self, service: SyncService) -> QGroupBox:
        box = QGroupBox("隔离记录（未写入）")
        box_layout = QVBoxLayout(box)
        self.quarantine_model = QuarantineTableModel(service.quarantined)
        self.quarantine_view = table_view(self.quarantine_model)
        add_empty_hint(self.quarantine_view, "暂无隔离记录")
        box_layout.addWidget(self.quarantine_view)
        self.release_row_button = QPushButton("放行选中的…")
        self.release_row_button.setToolTip("按导入时的规则重新检查；隔离的原因已不存在（如本机已升级、认识了这张表）才写入。")
        self.discard_row_button = QPushButton("丢弃选中的…")
        self.discard_row_button.setToolTip("不写入这条记录；它留作凭据，不再列出。")
        box_layout.addWidget(_buttons(self.release_row_button, self.discard_row_button))
        return box

    def reload(self) -> None:
        self.held_model.reload()
        self.quarantine_model.reload()
        self.held_box.setVisible(self.held_model.rowCount() > 0)
        self.accept_button.setEnabled(self.held_model.rowCount() > 0)
        self.discard_button.setEnabled(self.held_model.rowCount() > 0)
        self.release_row_button.setEnabled(self.quarantine_model.rowCount() > 0)
        self.discard_row_button.setEnabled(self.quarantine_model.rowCount() > 0)

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
        self.discarded.emit(f"已丢弃“{held.name}”暂存的 {len(dropped.ids)} 个同步包，未写入任何记录，密钥未被信任。",
                            dropped)


    def _selected_quarantined(self) -> QuarantinedRow | None:
        rows = self.quarantine_view.selectionModel().selectedRows()
        if rows:
            return rows[0].data(ROW_ROLE)
        if self.quarantine_model.rowCount() == 1:
            return self.quarantine_model.index(0, 0).data(ROW_ROLE)
        QMessageBox.information(self, "隔离记录", "请先在隔离记录表里选中一条。")
        return None

    def _on_release_row_button_clicked(self) -> None:
        entry = self._selected_quarantined()
        if entry is None or not _confirm(self, "放行隔离记录", f"放行{_describe(entry)}？\n"
                                         "会按导入时的规则重新检查，原因已不存在才写入本机；写入后不能撤销。"):
            return
        self._resolve(lambda: self._service.release(entry.id), f"已放行并写入{_describe(entry)}。")

    def _on_discard_row_button_clicked(self) -> None:
        entry = self._selected_quarantined()
        if entry is None or not _confirm(self, "丢弃隔离记录", f"丢弃{_describe(entry)}？\n"
                                         "这条记录不会写入，留作凭据但不再列出；此操作不能撤销。"):
            return
        self._resolve(lambda: self._service.discard_quarantined(entry.id), f"已丢弃{_describe(entry)}，未写入。")

    def _resolve(self, act: Callable[[], Changed], summary: str) -> None:
        try:
            changed = act()
        except DomainError as error:
            QMessageBox.warning(self, "未完成", error.message)
            return
        self.reload()
        self.discarded.emit(summary, changed)


def _describe(entry: QuarantinedRow) -> str:
    return (f"隔离记录 {entry.id}（{table_label(entry.table)} {entry.row_id}，来自 "
            f"{node_label(entry.signer, entry.signer_name)}，原因：{entry.reason}）")


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


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
