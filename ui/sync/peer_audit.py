"""对方的操作记录: a read-only view of the audit entries peers sent in their bundles, filtered by peer."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from models.sync.ports import SyncService
from ui.sync.review import table_view
from ui.sync.review_models import PeerAuditTableModel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.empty_hint import add_empty_hint


class PeerAuditPanel(QWidget):
    """What was done on the other side (who, when, what), as received; nothing here can be edited."""

    def __init__(self, service: SyncService) -> None:
        super().__init__()
        self._service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel("对方随同步包送来的操作记录（导入时已核对哈希链，只读）。时间按对方电脑的时钟。")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.peer_combo: ChoiceCombo[str | None] = ChoiceCombo()
        form.addRow("对方：", self.peer_combo)
        layout.addLayout(form)
        self.model = PeerAuditTableModel(service.peer_audit)
        self.view = table_view(self.model)
        add_empty_hint(self.view, "暂无对方的操作记录（收到对方的同步包后才有）")
        layout.addWidget(self.view, 1)
        self._fill_peers()
        self.peer_combo.currentIndexChanged.connect(self._on_peer_combo_current_index_changed)

    def _fill_peers(self) -> None:
        current = self.peer_combo.current_value()
        self.peer_combo.blockSignals(True)
        self.peer_combo.clear_choices()
        self.peer_combo.add_choice("全部", None)
        for peer in self._service.peers():
            self.peer_combo.add_choice(f"{peer.name}（{peer.node}）", peer.node)
        self.peer_combo.setCurrentIndex(max(0, self.peer_combo.index_of(current)))
        self.peer_combo.blockSignals(False)

    def reload(self) -> None:
        """After an import (new entries) or a pairing (a new peer to choose)."""
        self._fill_peers()
        self.model.set_origin(self.peer_combo.current_value())

    def _on_peer_combo_current_index_changed(self, index: int) -> None:
        self.model.set_origin(self.peer_combo.current_value())
