"""Qt table models of the registry screen: households (with counts) and the members of one household."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from models.registry.households import CareLevel, HouseholdSummary, Villager, VillagerStatus
from ui.widgets.rows_model import Index, RowsTableModel

PAGE = 200  # households read at a time
FetchPage = Callable[[int, int], list[HouseholdSummary]]  # (offset, limit) -> the households listed there

CARE_COLOURS = {CareLevel.GREEN: QColor("#d9f2d9"), CareLevel.YELLOW: QColor("#fff2b3"),
                CareLevel.RED: QColor("#f8c9c4")}
GONE_COLOUR = QColor("#888888")


class HouseholdTableModel(RowsTableModel):
    """户列表 — one line per household: number, group, grid, head, members, away, care level, phone.

    Rows arrive PAGE at a time from `fetch_page` as the view scrolls (canFetchMore/fetchMore): a county roll-up
    lists 37,500 households, and the screen reads the 200 it shows."""

    COLUMNS = (
        ("户号", lambda s: s.household.household_no),
        ("组别", lambda s: s.group_name),
        ("网格", lambda s: s.grid_name),
        ("户主", lambda s: s.head_name),
        ("在册人数", lambda s: s.members),
        ("外出", lambda s: s.away or ""),
        ("关怀等级", lambda s: s.household.care_level.label),
        ("联系电话", lambda s: s.household.phone),
    )
    CARE_COLUMN = 6

    def __init__(self, fetch_page: FetchPage | None = None) -> None:
        super().__init__(roles={Qt.ItemDataRole.BackgroundRole: _care_colour}, tips=False)
        self._fetch_page = fetch_page
        self._more = self._fetching = False

    def read(self, fetch_page: FetchPage, keep_loaded: bool = False) -> None:
        """List what `fetch_page` reads: its first page, or (`keep_loaded`) as many rows as are loaded now, so a
        household the clerk scrolled to stays listed after a reload."""
        count = max(PAGE, len(self._rows) if keep_loaded else 0)
        self._fetch_page = fetch_page
        rows = fetch_page(0, count)
        self.beginResetModel()
        self._rows, self._more = rows, len(rows) == count
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """Whether every listed household is loaded (so `rowCount` is how many there are)."""
        return not self._more

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._fetch_page is None or self._fetching:
            return  # a view asking again while the rows go in (Qt's model tester does) waits for this page
        page = self._fetch_page(len(self._rows), PAGE)
        self._more, self._fetching = len(page) == PAGE, True
        try:
            if page:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
                self._rows += page
                self.endInsertRows()
        finally:
            self._fetching = False

    def row_of(self, household_id: str) -> int:
        """Its row among the loaded households (-1: not loaded, or not listed)."""
        return next((row for row, s in enumerate(self._rows) if s.household.id == household_id), -1)


def _care_colour(summary: HouseholdSummary, column: int) -> Any:
    return CARE_COLOURS[summary.household.care_level] if column == HouseholdTableModel.CARE_COLUMN else None


def _age(villager: Villager) -> str:
    age = villager.age_on(date.today())
    return "" if age is None else f"{age} 岁"


class MemberTableModel(RowsTableModel):
    """户成员 — the people of one household, including those marked deceased or moved out (greyed)."""

    COLUMNS = (
        ("姓名", lambda v: v.name),
        ("与户主关系", lambda v: v.relation),
        ("性别", lambda v: v.gender.label if v.gender else ""),
        ("年龄", _age),
        ("身份证号", lambda v: v.id_number),
        ("民族", lambda v: v.ethnicity),
        ("联系电话", lambda v: v.phone),
        ("政治面貌", lambda v: v.political_status),
        ("外出", lambda v: v.away_place if v.away else ""),
        ("状态", lambda v: v.status.label + (f"（{v.status_date}）" if v.status_date else "")),
    )

    def __init__(self) -> None:
        super().__init__(roles={Qt.ItemDataRole.ForegroundRole: _gone_colour}, tips=False)

    def row_of(self, villager_id: str) -> int:
        return next((row for row, v in enumerate(self._rows) if v.id == villager_id), -1)


def _gone_colour(villager: Villager, _column: int) -> Any:
    return None if villager.status is VillagerStatus.ACTIVE else GONE_COLOUR
