"""SyncScreen: this installation's fingerprint, trusted peers, export to a USB stick and import."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel, QMessageBox, QProgressBar, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.sync.bundles import ExportResult, ImportResult, Peer, area_summary
from models.sync.ports import SyncService
from ui.core.background import run_in_background
from ui.core.bus import DataBus
from ui.sync.dialogs import Drive, choose_bundle, choose_folder, removable_drives
from ui.sync.pairing import PairingPanel, button_row
from ui.sync.peer_audit import PeerAuditPanel
from ui.sync.review import ReviewPanel
from ui.widgets.choice_combo import ChoiceCombo

POLL_MS = 1500


class SyncScreen(QWidget):
    """同步 — pairing and USB bundles. Export and import are irreversible: confirmed, not undoable."""

    def __init__(self, service: SyncService, bus: DataBus,
                 list_drives: Callable[[], list[Drive]] = removable_drives) -> None:
        super().__init__()
        self._service, self._bus, self._list_drives = service, bus, list_drives
        self._busy = False
        self.undo_stack = QUndoStack(self)
        self._build_ui()
        self._connect_signals()
        self._refresh_drives()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        # the transfer box beside the peers, not under them: the screen fits a 768-pixel-high display
        self.pairing = PairingPanel(self._service, self._bus, self.undo_stack, beside_peers=self._transfer_box())
        layout.addWidget(self.pairing)
        # the pairing panel's widgets, by the names the screen always had
        self.fingerprint_label, self.qr_label = self.pairing.fingerprint_label, self.pairing.qr_label
        self.peers_model, self.peers_view = self.pairing.peers_model, self.pairing.peers_view
        self.trust_button, self.scan_button = self.pairing.trust_button, self.pairing.scan_button
        self.pubkey_button = self.pairing.pubkey_button
        self.revoke_button = self.pairing.revoke_button
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy: a bundle's progress is not known in advance
        self.busy_bar.setVisible(False)
        layout.addWidget(self.busy_bar)
        self.summary_label = QLabel("")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.review_panel = ReviewPanel(self._service)
        self.peer_audit_panel = PeerAuditPanel(self._service)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.review_panel, "待处理")
        self.tabs.addTab(self.peer_audit_panel, "对方的操作记录")
        layout.addWidget(self.tabs, 1)

    def _transfer_box(self) -> QGroupBox:
        box = QGroupBox("同步包")
        form = QFormLayout(box)
        self.drive_combo: ChoiceCombo[Path] = ChoiceCombo()
        self.export_button = QPushButton("导出到U盘")
        self.folder_button = QPushButton("导出到文件夹…")
        self.folder_button.setToolTip("U盘不在列表中（如移动硬盘）或要放到共享文件夹时，选择一个文件夹导出。")
        form.addRow("U盘：", button_row(self.drive_combo, self.export_button, self.folder_button))
        self.import_button = QPushButton("导入同步包…")
        form.addRow("导入：", self.import_button)
        self.drive_timer = QTimer(self)
        self.drive_timer.setInterval(POLL_MS)  # polled while open; a file watcher would block safe removal
        return box

    def _connect_signals(self) -> None:
        self.drive_timer.timeout.connect(self._refresh_drives)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.pairing.said.connect(self.summary_label.setText)
        self._bus.changed.connect(self._on_bus_changed)
        self.review_panel.accept_requested.connect(self._on_accept_requested)
        self.review_panel.discarded.connect(self._on_held_discarded)

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh_drives()
        self.drive_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.drive_timer.stop()
        super().hideEvent(event)

    def _refresh_drives(self, force: bool = False) -> None:
        if self._busy and not force:
            return
        drives = self._list_drives()
        self.export_button.setEnabled(bool(drives))
        current = self.drive_combo.current_value()
        if [d.root for d in drives] == self.drive_combo.values():
            return
        self.drive_combo.clear_choices()
        for drive in drives:
            self.drive_combo.add_choice(drive.title, drive.root)
        if current in [d.root for d in drives]:
            self.drive_combo.setCurrentIndex([d.root for d in drives].index(current))
        if not drives:
            self.drive_combo.setPlaceholderText("未发现可写的U盘，请插入U盘")

    def _on_export_button_clicked(self) -> None:
        root = self.drive_combo.current_value()
        if root is not None:
            self._export_to(root)

    def _on_folder_button_clicked(self) -> None:
        folder = choose_folder(self)
        if folder is not None:
            self._export_to(folder)

    def _export_to(self, root: Path) -> None:
        answer = QMessageBox.question(self, "导出同步包", f"把对方尚未确认的全部变更导出到“{root}”？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run_in_background(lambda: self._service.export_job(root, self.pairing.selected_peer()),
                                self._show_export, f"正在导出到“{root}”……写完并读回校验之前请勿拔出U盘。")

    def _on_import_button_clicked(self) -> None:
        path = choose_bundle(self)
        if path is None:
            return
        answer = QMessageBox.question(self, "导入同步包", f"导入“{path.name}”？导入前会自动备份数据库。")
        if answer == QMessageBox.StandardButton.Yes:
            self._run_in_background(lambda: self._service.import_job(path), self._show_import,
                                    f"正在校验并导入“{path.name}”……")

    @property
    def busy(self) -> bool:
        return self._busy

    def _run_in_background(self, make_job: Callable[[], Callable[[], Any]], show: Callable[[Any], None],
                           note: str) -> None:
        """Export and import run on a worker thread over their own connection; the screen stays responsive."""
        try:
            job = make_job()
        except DomainError as error:
            QMessageBox.warning(self, "未完成", error.message)
            return
        self._set_busy(True, note)
        run_in_background(job, lambda result: self._finished(show, result), self._failed, self)

    def _set_busy(self, busy: bool, note: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for button in (self.export_button, self.folder_button, self.import_button, *self.pairing.buttons,
                       self.review_panel.accept_button, self.review_panel.discard_button,
                       self.review_panel.release_row_button, self.review_panel.discard_row_button):
            button.setEnabled(not busy)
        if busy:
            self.summary_label.setText(note)
        else:
            self._refresh_drives(force=True)
            self.review_panel.reload()

    def _finished(self, show: Callable[[Any], None], result: Any) -> None:
        self._set_busy(False)
        self.undo_stack.clear()
        show(result)
        self.peers_model.reload()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.summary_label.setText("")
        message = error.message if isinstance(error, DomainError) else f"出现意外错误：{error}。数据库没有改动，请重试。"
        QMessageBox.warning(self, "未完成", message)

    def _show_export(self, result: ExportResult) -> None:
        areas = area_summary(result.per_table) or "没有新变更（只带回执）"
        split = (f"\n同步包较大，已分成 {len(result.parts)} 个分卷，每个都已读回校验；导入时请把它们放在同一个文件夹。"
                 if result.parts else "")
        self.summary_label.setText(f"已写入并读回校验：{Path(result.file).name}\n变更 {result.changes} 条（{areas}），"
                                   f"附件 {result.attachments} 个，{result.bytes / 1024:.1f} KB。{split}\n可以安全拔出U盘。")
        self._bus.changed.emit(result.changed)  # the bundle sent is on record (and in the audit log)

    def _on_accept_requested(self, job: Callable[[], Any]) -> None:
        self._run_in_background(lambda: job, self._show_accepted, "指纹一致后正在信任密钥并导入暂存的同步包……")

    def _show_accepted(self, accepted: tuple[Peer, list[ImportResult]]) -> None:
        peer, results = accepted
        lines = [f"已导入：写入 {r.applied} 条，跳过 {r.skipped} 条，隔离 {r.quarantined} 条。" for r in results]
        self.summary_label.setText("\n".join([f"指纹核对一致，已信任“{peer.name}”。"] + lines))
        changed = Changed.one(Entity.SYNC_STATE, peer.node)
        for result in results:
            changed = changed | result.changed
        self._bus.changed.emit(changed)

    def _on_held_discarded(self, summary: str, changed: Changed) -> None:
        self.undo_stack.clear()
        self.summary_label.setText(summary)
        self._bus.changed.emit(changed)

    def _show_import(self, result: ImportResult) -> None:
        if result.fingerprint:
            self.summary_label.setText(
                f"这个同步包由尚未登记的“{result.sender}”签名，已暂存，没有写入任何记录。\n密钥指纹：{result.fingerprint}\n"
                "请村里的文书念出其“同步”页上的指纹，点“核对指纹并接受…”逐组输入；如不一致，点“丢弃选中的…”。")
            self.review_panel.reload()
            return
        notes = "".join(f"\n注意：{flag.label}。" for flag in result.flags)
        areas = f"（{area_summary(result.per_table)}）" if result.per_table else ""
        self.summary_label.setText(f"已导入 {result.sender} 的同步包：写入 {result.applied} 条{areas}，跳过 {result.skipped} 条，"
                                   f"隔离 {result.quarantined} 条，附件 {result.attachments} 个。{notes}")
        self._bus.changed.emit(result.changed)  # the sync records and every kind of record the bundle touched

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.SYNC_STATE):
            self.peers_model.reload()
            self.review_panel.reload()
            self.peer_audit_panel.reload()
