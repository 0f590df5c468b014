"""The list of meetings: a read-only table model over MeetingStore.list_meetings(), fetched a page at a time."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.minutes.meetings import MeetingSummary
from models.minutes.ports import MeetingStore
from ui.widgets.paged_rows import PAGE, PagedRowsModel
from ui.widgets.rows_model import ROW_ROLE

MEETING_ROLE = ROW_ROLE  # returns the MeetingSummary itself
FIRST_PAGE = 50  # rows a filter or a reload reads first: more than the view shows, a keystroke reads no more
QUORUM_COLUMN, QUORUM_MISSED_COLOUR = 5, QColor("#b00020")


class MeetingTableModel(PagedRowsModel):
    """One row per meeting, newest first; filters are passed to the store (text uses the search index); rows
    arrive PAGE at a time as the view scrolls (`PagedRowsModel`), a reload (a keystroke) reads FIRST_PAGE."""

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
        super().__init__(self.COLUMNS, self._read, PAGE, roles={Qt.ItemDataRole.ForegroundRole: _quorum_colour},
                         first_page=FIRST_PAGE, tips=False, load=False)
        self._store = store
        self.year: int | None = None
        self.type_code: str | None = None
        self.text = ""

    def _read(self, offset: int, limit: int) -> list[MeetingSummary]:
        return self._store.list_meetings(self.year, self.type_code, self.text, offset, limit)

    def meeting_at(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def row_of(self, meeting_id: str) -> int:
        """Its row, fetching further pages until it is loaded (-1: not under the current filter)."""
        return self.row_where(lambda meeting: meeting.id == meeting_id)


def _quorum_colour(meeting: MeetingSummary, column: int) -> QColor | None:
    return QUORUM_MISSED_COLOUR if column == QUORUM_COLUMN and not meeting.quorum_met else None
