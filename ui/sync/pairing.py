"""The sync screen's pairing part: this installation's identity (fingerprint, QR code) and its trusted peers —
a peer's key trusted from its file or from a photo of its QR code, our own key written out."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.sync.bundles import Peer
from models.sync.ports import SyncService
from ui.core.bus import DataBus
from ui.sync.dialogs import choose_key_file, choose_key_target, choose_qr_image, qr_pixmap
from ui.widgets.qr_scan import decode_qr_image
from ui.sync.table_model import PEER_ROLE, PeerTableModel
from ui.widgets.empty_hint import add_empty_hint

T = TypeVar("T")


class PairingPanel(QWidget):
    """本机 and 已配对的同步对方. Trusting a key is irreversible: confirmed by the fingerprint, not undoable."""

    said = Signal(str)  # what to tell the clerk (the screen's summary line)

    def __init__(self, service: SyncService, bus: DataBus, undo_stack: QUndoStack,
                 beside_peers: QWidget | None = None) -> None:
        super().__init__()
        self._service, self._bus, self._undo_stack = service, bus, undo_stack
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._identity_box())
        middle = QHBoxLayout()  # the screen's transfer box beside the peers, so the screen fits 768 pixels high
        middle.addWidget(self._peers_box(), 1)
        if beside_peers is not None:
            middle.addWidget(beside_peers)
        layout.addLayout(middle)
        self.trust_button.clicked.connect(self._on_trust_button_clicked)
        self.scan_button.clicked.connect(self._on_scan_button_clicked)
        self.pubkey_button.clicked.connect(self._on_pubkey_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)

    def _identity_box(self) -> QGroupBox:
        me = self._service.identity()
        box = QGroupBox("本机")
        row = QHBoxLayout(box)  # the QR code beside the form, not under it: the screen fits a 768-pixel-high display
        form = QFormLayout()
        row.addLayout(form, 1)
        form.addRow("名称：", QLabel(me.name))
        form.addRow("节点编号：", QLabel(me.node))
        self.fingerprint_label = QLabel(me.fingerprint)
        font = QFont(self.fingerprint_label.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setWordWrap(True)  # two lines of groups beside the QR code rather than 585 px wide
        form.addRow("密钥指纹：", self.fingerprint_label)
        self.qr_label = QLabel()
        self.qr_label.setPixmap(qr_pixmap(self._service.public_key_text()))
        self.qr_label.setToolTip("本机公钥的二维码：对方扫描后，仍须逐组核对左边的指纹。")
        self.qr_label.setMinimumSize(self.qr_label.pixmap().size())  # never squeezed or clipped: it must scan
        form.addRow("公钥二维码：", QLabel("见右边；对方识别后仍须逐组核对指纹。"))
        row.addWidget(self.qr_label)
        return box

    def _peers_box(self) -> QGroupBox:
        peers = QGroupBox("已配对的同步对方")
        peers_layout = QVBoxLayout(peers)
        self.peers_model = PeerTableModel(self._service)
        self.peers_view = QTableView()
        self.peers_view.setModel(self.peers_model)
        self.peers_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.peers_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        add_empty_hint(self.peers_view, "暂无配对的同步对方。请导入对方公钥，或识别对方的公钥二维码。")
        peers_layout.addWidget(self.peers_view)
        self.trust_button = QPushButton("导入对方公钥…")
        self.scan_button = QPushButton("识别二维码图片…")
        self.scan_button.setToolTip("选择对方“同步”页公钥二维码的照片或截图；识别后仍须逐组核对指纹。")
        self.pubkey_button = QPushButton("导出本机公钥…")
        self.revoke_button = QPushButton("吊销所选对方的密钥…")
        # two rows of two: four buttons in one row would widen the screen past a 1024-pixel display
        peers_layout.addWidget(button_row(self.trust_button, self.scan_button))
        peers_layout.addWidget(button_row(self.pubkey_button, self.revoke_button))
        return peers

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return self.trust_button, self.scan_button, self.pubkey_button, self.revoke_button

    def selected_peer(self) -> str | None:
        rows = self.peers_view.selectionModel().selectedRows()
        return rows[0].data(PEER_ROLE).node if rows else None

    def _on_trust_button_clicked(self) -> None:
        path = choose_key_file(self)
        if path is not None:
            self._trust(lambda: self._service.trust_key_file(path))

    def _on_scan_button_clicked(self) -> None:
        path = choose_qr_image(self)
        if path is not None:
            self._trust(lambda: self._service.trust_key_text(decode_qr_image(path), path.name))

    def _trust(self, act: Callable[[], Changed]) -> None:
        changed = self._run(act)
        if changed is not None:
            peer = self._service.peer(changed.id)
            self.said.emit(f"已信任“{peer.name}”。请与对方屏幕上的指纹逐组核对：{peer.fingerprint}")
            self._bus.changed.emit(changed)

    def _on_pubkey_button_clicked(self) -> None:
        path = choose_key_target(self)
        if path is None:
            return
        me = self._run(lambda: self._service.write_public_key(path))
        if me is not None:
            self.said.emit(f"已导出本机公钥到 {path}。请对方导入后核对指纹：{me.fingerprint}")

    def _on_revoke_button_clicked(self) -> None:
        """Confirmed twice (a reason typed, then yes on a warning): a revoked key can never be trusted again."""
        rows = self.peers_view.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "吊销密钥", "请先在列表中选中要吊销密钥的同步对方。")
            return
        peer: Peer = rows[0].data(PEER_ROLE)
        reason, ok = QInputDialog.getText(self, "吊销密钥", f"吊销“{peer.name}”密钥的理由（如：电脑丢失、被盗）：")
        if not ok or not reason.strip():
            return
        answer = QMessageBox.question(
            self, "吊销密钥", f"确定吊销“{peer.name}”的密钥（指纹 {peer.fingerprint}）？\n此后拒收由它签名的同步包，"
            "这把密钥不能再被信任；重新配对需要对方生成新密钥。", defaultButton=QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = self._run(lambda: self._service.revoke(peer.fingerprint, reason))
        if done is not None:
            self.said.emit(f"已吊销“{done.name}”的密钥。下一个发给对方的同步包只带吊销通知。")
            self._bus.changed.emit(Changed.one(Entity.SYNC_STATE, peer.node))

    def _run(self, act: Callable[[], T]) -> T | None:
        """An irreversible act: refused with a warning, or done (and nothing before it left to undo)."""
        try:
            result = act()
        except DomainError as error:
            QMessageBox.warning(self, "未完成", error.message)
            return None
        self._undo_stack.clear()
        return result


def button_row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
