"""PeerTableModel: the trusted peers with their fingerprints and last bundle."""
from __future__ import annotations

from models.sync.ports import SyncService
from ui.widgets.rows_model import ROW_ROLE, RowsTableModel

PEER_ROLE = ROW_ROLE

PEER_COLUMNS = (
    ("名称", lambda p: p.name),
    ("类型", lambda p: "乡镇" if p.kind == "township" else "村"),
    ("指纹", lambda p: p.fingerprint),
    ("最近收到", lambda p: (p.last_bundle_at or "从未")[:16].replace("T", " ")),
    ("对方已确认到", lambda p: f"第 {p.acked_seq} 号"),
)


class PeerTableModel(RowsTableModel):
    """Reads `SyncService.peers()`; never writes."""

    def __init__(self, service: SyncService) -> None:
        super().__init__(PEER_COLUMNS, service.peers)
