"""The list of meetings: a read-only table model over MeetingStore.list_meetings()."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.meetings import MeetingSummary
from models.ports import MeetingStore

MEETING_ROLE = Qt.ItemDataRole.UserRole + 1  # returns the MeetingSummary itself

Index = QModelIndex | QPersistentModelIndex


class MeetingTableModel(QAbstractTableModel):
    """One row per meeting, newest first; filters are passed to the store (text uses the search index)."""

    COLUMNS: tuple[tuple[str, Callable[[MeetingSummary], Any]], ...] = (
        ("编号", lambda m: m.number),
        ("日期", lambda m: m.on.isoformat()),
        ("会议类型", lambda m: m.type_label),
        ("地点", lambda m: m.place),
        ("到会", lambda m: f"{m.present}/{m.expected}"),
        ("法定人数", lambda m: "达到" if m.quorum_met else "未达到"),
        ("议题数", lambda m: m.item_count),
        ("状态", lambda m: m.status.label),
    )

    def __init__(self, store: MeetingStore) -> None:
        super().__init__()
        self._store = store
        self._rows: list[MeetingSummary] = []
        self.year: int | None = None
        self.type_code: str | None = None
        self.text = ""

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._store.list_meetings(self.year, self.type_code, self.text)
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def row_of(self, meeting_id: str) -> int:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        meeting = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.COLUMNS[index.column()][1](meeting))
        if role == MEETING_ROLE:
            return meeting
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and not meeting.quorum_met:
            from PySide6.QtGui import QColor
            return QColor("#b00020")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None
