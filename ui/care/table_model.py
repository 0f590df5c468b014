"""The care screen's two tables: households (level, contacts, visits due) and grids (level, count, warning)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from models.care.care import CareRow
from models.care.services import GridRow
from models.registry.households import CareLevel
from ui.widgets.tables import table_view as shared_table_view
from ui.widgets.rows_model import Column, RowsTableModel

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


def household_model() -> RowsTableModel:
    return RowsTableModel(HOUSEHOLD_COLUMNS, roles={Qt.ItemDataRole.ForegroundRole: _level_colour})


def grid_model() -> RowsTableModel:
    def warn(row: GridRow, column: int) -> Any:
        return QColor("#b28704") if column == 5 and row.warning else None
    return RowsTableModel(GRID_COLUMNS, roles={Qt.ItemDataRole.ForegroundRole: warn})


def table_view(model: RowsTableModel) -> QTableView:
    """The shared list view, without row numbers (a household is named by its 户号)."""
    view = shared_table_view(model)
    view.verticalHeader().setVisible(False)
    return view
