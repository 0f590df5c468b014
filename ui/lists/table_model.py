"""Read-only table models of the lists screen (board lines, entries, history, objections, volunteers) and their view."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from models.lists.boards import BoardLine, Participation, VolunteerRank
from models.lists.entries import EntryState, ListEntry, ListKind, Objection, Transition
from ui.widgets.rows_model import ROW_ROLE, RowsTableModel

KIND_COLOURS = {ListKind.RED: "#f6d5d5", ListKind.YELLOW: "#fbefc4", ListKind.BLACK: "#d9d9d9"}
ENTRY_ROLE = ROW_ROLE  # the ListEntry itself; survives sort proxies


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


class BoardLineTableModel(RowsTableModel):
    """One column of the board (红榜, 黄榜 or 黑榜) as it would be printed."""

    COLUMNS = (("上榜对象", lambda line: line.who), ("事由", lambda line: line.what),
               ("依据", lambda line: line.citation))

    def __init__(self, fetch: Callable[[], Sequence[BoardLine]] | None = None) -> None:
        super().__init__(self.COLUMNS, fetch)


class EntryTableModel(RowsTableModel):
    """榜单条目 — entries of a period (or the review queue), tinted by list."""

    COLUMNS = (("户号", lambda e: e.household_no), ("小组", lambda e: e.group_name),
               ("榜单", lambda e: e.list_kind.label), ("状态", lambda e: e.state.label),
               ("条款", lambda e: e.article.number if e.article else (e.honour or "（未引用）")),
               ("事实", lambda e: e.facts), ("提名人", lambda e: e.proposer_name),
               ("公示截止", lambda e: _date(e.publicity_end)))

    def __init__(self, fetch: Callable[[], Sequence[ListEntry]]) -> None:
        super().__init__(self.COLUMNS, fetch)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            entry: ListEntry = self.row_at(index.row())
            return None if entry.state.is_final else QColor(KIND_COLOURS[entry.list_kind])
        return super().data(index, role)

    def position_of(self, entry_id: str) -> int:
        return next((i for i in range(self.rowCount()) if self.row_at(i).id == entry_id), -1)


class TransitionTableModel(RowsTableModel):
    """流转记录 — an entry's history, oldest first."""

    COLUMNS = (("日期", lambda t: _date(t.on)), ("从", lambda t: t.from_state.label if t.from_state else "—"),
               ("到", lambda t: t.to_state.label), ("经办人", lambda t: t.actor_name), ("说明", lambda t: t.note))

    def __init__(self, fetch: Callable[[], Sequence[Transition]]) -> None:
        super().__init__(self.COLUMNS, fetch)


class ObjectionTableModel(RowsTableModel):
    """异议 — objections to an entry with their answers."""

    COLUMNS = (("收到日期", lambda o: _date(o.received_on)), ("异议人", lambda o: o.raised_by),
               ("内容", lambda o: o.content), ("答复", lambda o: o.answer or "未答复"),
               ("结论", lambda o: "" if o.upheld is None else ("异议成立" if o.upheld else "异议不成立")))

    def __init__(self, fetch: Callable[[], Sequence[Objection]]) -> None:
        super().__init__(self.COLUMNS, fetch)


def is_waiting(entry: ListEntry) -> bool:
    return not entry.state.is_final and entry.state is not EntryState.PUBLISHED


class ParticipationTableModel(RowsTableModel):
    """志愿服务记录 — participations of a period, newest first."""

    COLUMNS = (("日期", lambda p: _date(p.on)), ("户号", lambda p: p.household_no), ("活动", lambda p: p.activity),
               ("时长（小时）", lambda p: f"{p.hours:g}"))

    def __init__(self, fetch: Callable[[], Sequence[Participation]]) -> None:
        super().__init__(self.COLUMNS, fetch)


class VolunteerRankTableModel(RowsTableModel):
    """志愿服务排名 — households by participations in the period (ties by hours), for 推荐上红榜."""

    COLUMNS = (("名次", lambda r: r.rank), ("户号", lambda r: r.household_no), ("小组", lambda r: r.group_name),
               ("户主", lambda r: r.head_name), ("次数", lambda r: r.times), ("时长（小时）", lambda r: f"{r.hours:g}"))

    def __init__(self, fetch: Callable[[], Sequence[VolunteerRank]]) -> None:
        super().__init__(self.COLUMNS, fetch)
