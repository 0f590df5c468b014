"""The list of meetings: a read-only table model over MeetingStore.list_meetings(), fetched a page at a time."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from models.minutes.meetings import MeetingSummary
from models.minutes.ports import MeetingStore
from ui.widgets.rows_model import ROW_ROLE, Index, RowsTableModel

MEETING_ROLE = ROW_ROLE  # returns the MeetingSummary itself
PAGE = 200  # rows fetched at a time as the view scrolls
FIRST_PAGE = 50  # rows a filter or a reload reads first: more than the view shows, a keystroke reads no more
QUORUM_COLUMN, QUORUM_MISSED_COLOUR = 5, QColor("#b00020")


class MeetingTableModel(RowsTableModel):
    """One row per meeting, newest first; filters are passed to the store (text uses the search index); rows
    arrive PAGE at a time as the view scrolls (canFetchMore/fetchMore): the paging is written here, the rest is
    the read-only table's."""

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
        super().__init__(roles={Qt.ItemDataRole.ForegroundRole: _quorum_colour}, tips=False)
        self._store = store
        self._more = False
        self.year: int | None = None
        self.type_code: str | None = None
        self.text = ""

    def reload(self) -> None:
        first = min(FIRST_PAGE, PAGE)
        self.beginResetModel()
        self._rows = self._page(0, first)
        self._more = len(self._rows) == first
        self.endResetModel()

    def _page(self, offset: int, limit: int | None = None) -> list[MeetingSummary]:
        return self._store.list_meetings(self.year, self.type_code, self.text, offset, limit or PAGE)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """The next page, when the view scrolls near the end (township scale: thousands of meetings)."""
        if parent.isValid() or not self._more:
            return
        page = self._page(len(self._rows))
        self._more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows += page
            self.endInsertRows()

    def meeting_at(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def row_of(self, meeting_id: str) -> int:
        """Its row, fetching further pages until it is loaded (-1: not under the current filter)."""
        while True:
            found = next((i for i, m in enumerate(self._rows) if m.id == meeting_id), -1)
            if found >= 0 or not self._more:
                return found
            self.fetchMore()


def _quorum_colour(meeting: MeetingSummary, column: int) -> QColor | None:
    return QUORUM_MISSED_COLOUR if column == QUORUM_COLUMN and not meeting.quorum_met else None
