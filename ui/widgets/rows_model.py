"""RowsTableModel: a read-only table over a store query, columns as (header, getter) pairs."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself; survives sort proxies
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], Any]]


class RowsTableModel(QAbstractTableModel):
    """Reads rows (frozen dataclasses) from `fetch`; never writes. Edits go through commands."""

    def __init__(self, columns: Sequence[Column], fetch: Callable[[], Sequence[Any]]) -> None:
        super().__init__()
        self._columns, self._fetch = tuple(columns), fetch
        self._rows: list[Any] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self._fetch())
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip shows an elided cell whole
            value = self._columns[index.column()][1](self._rows[index.row()])
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None
