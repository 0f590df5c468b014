"""The opinion register (意见登记) as a table: one row per opinion or objection, read-only."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.workflow.records import Opinion

OPINION_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _reply(o: Opinion) -> str:
    if o.reply is None:
        return "未答复"
    return o.reply.disposition.label + (f"：{o.reply.reason}" if o.reply.reason else "")


class OpinionTableModel(QAbstractTableModel):
    COLUMNS: tuple[tuple[str, Callable[[Opinion], str]], ...] = (
        ("编号", lambda o: o.title),
        ("渠道", lambda o: o.channel.label),
        ("日期", lambda o: o.on.isoformat()),
        ("条款", lambda o: o.article_label or "全文"),
        ("意见内容", lambda o: o.text),
        ("表单号", lambda o: o.form_serial),
        ("答复", _reply),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Opinion] = []

    def set_rows(self, rows: list[Opinion]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        opinion = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[index.column()][1](opinion)
        if role == OPINION_ROLE:
            return opinion
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][0]
        return None
