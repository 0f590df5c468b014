"""RowsTableModel: a read-only table over rows (fetched from a store query or fed), columns as (header, getter)."""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself; survives sort proxies
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], Any]]
RoleGetter = Callable[[Any, int], Any]  # (row, column) -> the role's value, None for the view's default
Roles = Mapping[int, RoleGetter]


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class RowsTableModel(QAbstractTableModel):
    """Reads rows (frozen dataclasses) from `fetch`, or is fed them by `set_rows`; never writes. Edits go through
    commands. `roles` adds or overrides roles (a colour, a font, a tip) per row and column; `tips=False` leaves the
    cells without the default tip (the whole cell text)."""

    COLUMNS: tuple[Column, ...] = ()  # used when no `columns` are passed

    def __init__(self, columns: Sequence[Column] | None = None, fetch: Callable[[], Sequence[Any]] | None = None,
                 roles: Roles | None = None, tips: bool = True) -> None:
        super().__init__()
        self._columns = tuple(self.COLUMNS if columns is None else columns)
        self._fetch, self._roles = fetch, dict(roles or {})
        self._text_roles = (Qt.ItemDataRole.DisplayRole,) + ((Qt.ItemDataRole.ToolTipRole,) if tips else ())
        self._rows: list[Any] = []
        if fetch is not None:  # a fed model (or one that pages itself) starts empty
            self.reload()

    def reload(self) -> None:
        if self._fetch is not None:
            self.set_rows(self._fetch())

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        """The row object, or None past the end (e.g. row 0 of an empty table)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in self._roles:
            return self._roles[role](row, index.column())
        if role in self._text_roles:  # the tip shows an elided cell whole
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None
