"""Read-only table models of the sync screen's review panel: held bundles, quarantined rows, peers' audit entries."""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.audit import action_label, table_label
from models.sync import HeldBundle, PeerAuditEntry, QuarantinedRow, node_label

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def _when(text: str) -> str:
    return text[:16].replace("T", " ")


class _ReadOnlyModel(QAbstractTableModel, Generic[T]):
    COLUMNS: tuple[tuple[str, Callable[[Any], str]], ...] = ()

    def __init__(self, load: Callable[[], list[T]]) -> None:
        super().__init__()
        self._load = load
        self._rows: list[T] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._load()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.COLUMNS[index.column()][1](row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][0]
        return None


class HeldTableModel(_ReadOnlyModel[HeldBundle]):
    """暂存的同步包: whose key, its fingerprint, how much it carries."""

    COLUMNS = (
        ("发送方", lambda h: h.name or h.sender),
        ("密钥指纹", lambda h: h.fingerprint),
        ("变更", lambda h: f"{h.changes} 条"),
        ("文件", lambda h: h.file_name),
        ("收到", lambda h: _when(h.received_at)),
    )


class QuarantineTableModel(_ReadOnlyModel[QuarantinedRow]):
    """隔离记录: rows kept aside, never applied, with the reason."""

    COLUMNS = (
        ("编号", lambda q: str(q.id)),
        ("收到", lambda q: _when(q.received_at)),
        ("表", lambda q: table_label(q.table)),
        ("记录编号", lambda q: q.row_id),
        ("所有者", lambda q: node_label(q.owner, q.owner_name)),
        ("发送方", lambda q: node_label(q.signer, q.signer_name)),
        ("原因", lambda q: q.reason),
    )


class PeerAuditTableModel(_ReadOnlyModel[PeerAuditEntry]):
    """对方的操作记录: audit entries received from peers, newest first, optionally of one peer."""

    COLUMNS = (
        ("时间", lambda e: _when(e.at)),
        ("对方", lambda e: node_label(e.origin, e.origin_name)),
        ("操作人", lambda e: e.actor_name),
        ("操作", lambda e: action_label(e.action)),
        ("对象", lambda e: table_label(e.table)),
        ("内容", lambda e: e.summary),
    )

    def __init__(self, load: Callable[[str | None], list[PeerAuditEntry]]) -> None:
        self._origin: str | None = None
        super().__init__(lambda: load(self._origin))

    def set_origin(self, origin: str | None) -> None:
        """Show one peer's entries (None: every peer's)."""
        self._origin = origin
        self.reload()
