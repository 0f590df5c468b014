"""PeerTableModel: the trusted peers with their fingerprints and last bundle."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.ports import SyncService
from models.sync import Peer

PEER_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class PeerTableModel(QAbstractTableModel):
    """Reads `SyncService.peers()`; never writes."""

    COLUMNS: tuple[tuple[str, Callable[[Peer], str]], ...] = (
        ("名称", lambda p: p.name),
        ("类型", lambda p: "乡镇" if p.kind == "township" else "村"),
        ("指纹", lambda p: p.fingerprint),
        ("最近收到", lambda p: (p.last_bundle_at or "从未")[:16].replace("T", " ")),
        ("对方已确认到", lambda p: f"第 {p.acked_seq} 号"),
    )

    def __init__(self, service: SyncService) -> None:
        super().__init__()
        self._service = service
        self._rows: list[Peer] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._service.peers()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        peer = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[index.column()][1](peer)
        if role == PEER_ROLE:
            return peer
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][0]
        return None
