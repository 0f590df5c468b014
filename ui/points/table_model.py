"""The points screen's tables: ledger entries and tally rows (read-only, over RowsTableModel)."""
from __future__ import annotations

from ui.widgets.rows_model import Column, RowsTableModel

ENTRY_COLUMNS: tuple[Column, ...] = (
    ("日期", lambda e: e.on.isoformat()),
    ("户号", lambda e: e.household_no),
    ("项目", lambda e: f"{e.item_code} {e.item_name}".strip() if e.item_code else e.item_name or e.kind.label),
    ("积分", lambda e: f"{e.points:+d}"),
    ("录入人", lambda e: e.recorded_by_name),
    ("状态", lambda e: f"已确认（{e.confirmed_by_name}）" if e.confirmed else
     f"已退回（{e.rejected_by_name}：{e.reject_reason}）" if e.rejected else "待确认"),
    ("冲正", lambda e: e.reason if e.reverses else ""),
)
TALLY_COLUMNS: tuple[Column, ...] = (
    ("", lambda r: r.key),
    ("加分", lambda r: f"+{r.plus}"),
    ("扣分", lambda r: str(r.minus)),
    ("合计", lambda r: str(r.total)),
)


class EntriesModel(RowsTableModel):
    COLUMNS = ENTRY_COLUMNS


class TallyModel(RowsTableModel):
    COLUMNS = TALLY_COLUMNS
