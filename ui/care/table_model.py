"""The care screen's two tables: households (level, contacts, visits due) and grids (level, count, warning)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from models.care.care import CareRow
from models.care.services import CareList, GridRow
from models.registry.households import CareLevel
from ui.widgets.tables import table_view as shared_table_view
from ui.widgets.rows_model import Column, Index, RowsTableModel

PAGE = 200  # households read at a time

LEVEL_COLOURS = {CareLevel.GREEN: "#2e7d32", CareLevel.YELLOW: "#b28704", CareLevel.RED: "#c62828"}


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


HOUSEHOLD_COLUMNS: tuple[Column, ...] = (
    ("户号", lambda r: r.household_no), ("户主", lambda r: r.head_name), ("网格", lambda r: r.grid_name),
    ("关怀等级", lambda r: r.level.label), ("联户人", lambda r: r.contact), ("上次走访", lambda r: _day(r.last_visit)),
    ("应走访", lambda r: _day(r.visit_due)), ("", lambda r: "已逾期" if r.overdue else ""))
GRID_COLUMNS: tuple[Column, ...] = (
    ("网格", lambda r: r.grid.name), ("层级", lambda r: r.level.label), ("上级", lambda r: r.parent),
    ("户数", lambda r: r.households), ("网格员", lambda r: r.member), ("提醒", lambda r: r.warning or ""))


def _level_colour(row: CareRow, column: int) -> Any:
    if column == 3:
        return QColor(LEVEL_COLOURS[row.level])
    return QColor("#c62828") if column == 7 and row.overdue else None


class CareListModel(RowsTableModel):
    """户与关怀 — a `CareList` read PAGE rows at a time as the view scrolls (canFetchMore/fetchMore): a county
    roll-up lists 37,500 households, and the screen reads the ones it shows."""

    def __init__(self) -> None:
        super().__init__(HOUSEHOLD_COLUMNS, roles={Qt.ItemDataRole.ForegroundRole: _level_colour})
        self._list: CareList | None = None
        self._fetching = False

    def read(self, listing: CareList, keep_loaded: bool = False) -> None:
        """List `listing`: its first page, or (`keep_loaded`) as many rows as are loaded now, so a household the
        clerk scrolled to stays listed after a reload."""
        rows = listing.page(0, max(PAGE, len(self._rows) if keep_loaded else 0))
        self.beginResetModel()
        self._list, self._rows = listing, rows
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many rows the list has, loaded or not."""
        return len(self._list) if self._list is not None else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._list is None or self._fetching or len(self._rows) >= self.total:
            return  # a view asking again while the rows go in (Qt's model tester does) waits for this page
        self._fetching = True
        try:
            page = self._list.page(len(self._rows), PAGE)
            if page:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
                self._rows += page
                self.endInsertRows()
            else:  # the store lists fewer than it counted (changed meanwhile): stop asking
                self._list = None
        finally:
            self._fetching = False

    def row_of(self, household_id: str) -> int:
        """Its row, reading further pages until it is found (-1: not listed)."""
        while True:
            found = next((row for row, r in enumerate(self._rows) if r.household_id == household_id), -1)
            if found >= 0 or not self.canFetchMore() or not household_id:
                return found
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                return -1


def household_model() -> CareListModel:
    return CareListModel()


def grid_model() -> RowsTableModel:
    def warn(row: GridRow, column: int) -> Any:
        return QColor("#b28704") if column == 5 and row.warning else None
    return RowsTableModel(GRID_COLUMNS, roles={Qt.ItemDataRole.ForegroundRole: warn})


def table_view(model: RowsTableModel) -> QTableView:
    """The shared list view, without row numbers (a household is named by its 户号)."""
    view = shared_table_view(model)
    view.verticalHeader().setVisible(False)
    return view
