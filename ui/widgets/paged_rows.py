"""PagedRowsModel: a read-only table over a store query read a page at a time as the view scrolls."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QModelIndex

from ui.widgets.rows_model import Column, Index, Roles, RowsTableModel

PAGE = 200  # rows read at a time: more than a screen shows, few enough to read in a few milliseconds

FetchPage = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> that many rows of a total order, or fewer


class PagedRowsModel(RowsTableModel):
    """Rows arrive `page` at a time from `fetch_page` (canFetchMore/fetchMore): a township's or county's list runs
    to thousands of rows and the screen reads the ones it shows. `fetch_page` must keep one total order, so pages
    read one after another neither repeat nor skip a row."""

    def __init__(self, columns: Sequence[Column], fetch_page: FetchPage, page: int = PAGE,
                 roles: Roles | None = None, first_page: int | None = None, tips: bool = True,
                 load: bool = True) -> None:
        """`first_page`: the rows a reload reads (fewer than `page` where a keystroke reloads: a filter); `load`:
        read now (False where the caller sets its filters first and reloads then)."""
        super().__init__(columns, roles=roles, tips=tips)
        self._fetch_page, self._more = fetch_page, False
        self.page, self.first_page = page, first_page  # rows read at a time, and by a reload (None: `page`)
        if load:
            self.reload()

    def reload(self) -> None:
        """The first page again."""
        first = min(self.first_page or self.page, self.page)
        rows = list(self._fetch_page(0, first))
        self._more = len(rows) == first
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """The next page, when the view scrolls near the end."""
        if parent.isValid() or not self._more:
            return
        self._more = False  # a view asking again while the rows go in (Qt's model tester does) waits for this page
        page = list(self._fetch_page(len(self._rows), self.page))
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows += page
            self.endInsertRows()
        self._more = len(page) == self.page

    def row_where(self, test: Callable[[Any], bool]) -> int:
        """The first row passing `test`, reading further pages until it is loaded (-1: not listed)."""
        while True:
            found = next((row for row, value in enumerate(self._rows) if test(value)), -1)
            if found >= 0 or not self._more:
                return found
            self.fetchMore()
