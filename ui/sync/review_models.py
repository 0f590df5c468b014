"""Read-only table models of the sync screen's review panel: held bundles, quarantined rows, peers' audit entries."""
from __future__ import annotations

from typing import Any, Callable

from models.core.audit import action_label, table_label
from models.core.audit_labels import readable_summary
from models.sync.bundles import PeerAuditEntry, node_label
from ui.widgets.paged_rows import PAGE, PagedRowsModel
from ui.widgets.rows_model import ROW_ROLE, Column, RowsTableModel

__all__ = ["PAGE", "ROW_ROLE", "HeldTableModel", "QuarantineTableModel", "PeerAuditTableModel"]


def _when(text: str) -> str:
    return text[:16].replace("T", " ")


class _ReadOnlyModel(RowsTableModel):
    """A RowsTableModel whose columns are declared on the class."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, load: Callable[[], list[Any]]) -> None:
        super().__init__(self.COLUMNS, load)


class HeldTableModel(_ReadOnlyModel):
    """暂存的同步包: whose key, its fingerprint, how much it carries."""

    COLUMNS = (
        ("发送方", lambda h: h.name or h.sender),
        ("密钥指纹", lambda h: h.fingerprint),
        ("变更", lambda h: f"{h.changes} 条"),
        ("文件", lambda h: h.file_name),
        ("收到", lambda h: _when(h.received_at)),
    )


class QuarantineTableModel(_ReadOnlyModel):
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


class PeerAuditTableModel(PagedRowsModel):
    """对方的操作记录: audit entries received from peers, newest first, optionally of one peer, a page at a time as
    the view scrolls: a township receives years of entries from 30 villages, the screen reads the ones it shows."""

    COLUMNS = (
        ("时间", lambda e: _when(e.at)),
        ("对方", lambda e: node_label(e.origin, e.origin_name)),
        ("操作人", lambda e: e.actor_name),
        ("操作", lambda e: action_label(e.action)),
        ("对象", lambda e: table_label(e.table)),
        ("内容", lambda e: readable_summary(e.summary)),
    )

    def __init__(self, load: Callable[[str | None, int, int], list[PeerAuditEntry]]) -> None:
        self._origin: str | None = None
        super().__init__(self.COLUMNS, lambda offset, limit: load(self._origin, limit, offset))

    def set_origin(self, origin: str | None) -> None:
        """Show one peer's entries (None: every peer's), from the newest page again."""
        self._origin = origin
        self.reload()
