"""Qt table models of the registry screen: households (with counts) and the members of one household."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from models.registry.households import CareLevel, HouseholdSummary, Villager, VillagerStatus

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass itself; survives sort proxies
CARE_COLOURS = {CareLevel.GREEN: QColor("#d9f2d9"), CareLevel.YELLOW: QColor("#fff2b3"),
                CareLevel.RED: QColor("#f8c9c4")}
Index = QModelIndex | QPersistentModelIndex


class _RowsModel(QAbstractTableModel):
    """Read-only rows of frozen dataclasses shown through a (header, getter) table."""

    COLUMNS: tuple[tuple[str, Callable[[Any], Any]], ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.COLUMNS[index.column()][1](item)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return item
        return self._extra(item, index.column(), role)

    def _extra(self, item: Any, column: int, role: int) -> Any:
        return None


class HouseholdTableModel(_RowsModel):
    """户列表 — one line per household: number, group, grid, head, members, away, care level, phone."""

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

    def _extra(self, item: HouseholdSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == self.CARE_COLUMN:
            return CARE_COLOURS[item.household.care_level]
        return None

    def row_of(self, household_id: str) -> int:
        for row, summary in enumerate(self._rows):
            if summary.household.id == household_id:
                return row
        return -1


def _age(villager: Villager) -> str:
    age = villager.age_on(date.today())
    return "" if age is None else f"{age} 岁"


class MemberTableModel(_RowsModel):
    """户成员 — the people of one household, including those marked deceased or moved out."""

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

    def _extra(self, item: Villager, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and item.status is not VillagerStatus.ACTIVE:
            return QColor("#888888")
        return None

    def row_of(self, villager_id: str) -> int:
        for row, villager in enumerate(self._rows):
            if villager.id == villager_id:
                return row
        return -1
