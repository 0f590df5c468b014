"""Read-only table models of the township desk (villages, requests, findings, 修改对照表) and the opinion draft."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt

from models.core.numerals import article_label
from models.township.reviews import ArticleNote
from ui.widgets.rows_model import Index, RowsTableModel


class VillageTableModel(RowsTableModel):
    """辖区村."""

    COLUMNS = (
        ("村", lambda v: v.name),
        ("最近同步", lambda v: (v.last_bundle_at or "从未")[:10]),
        ("村规民约", lambda v: f"{v.rulebook_title} 第{v.version_number}版" if v.version_number else "（无修订）"),
        ("进度", lambda v: f"第{v.step_number}步 {v.step_label}" if v.step_number else v.step_label),
        ("待审", lambda v: str(v.waiting)),
        ("近期会议", lambda v: "、".join(v.recent_meetings) or "无"),
        ("已发布榜单", lambda v: v.lists_published or "无"),
    )


class RequestTableModel(RowsTableModel):
    """待审事项."""

    COLUMNS = (
        ("事项", lambda r: r.kind.label),
        ("村", lambda r: r.village_name),
        ("规约", lambda r: f"{r.rulebook_title} 第{r.version_number}版"),
        ("报送/公示日期", lambda r: str(r.since or "")),
        ("期限", lambda r: str(r.due_on or "")),
        ("结果", lambda r: r.decided or "待审"),
    )


class FindingTableModel(RowsTableModel):
    """合法性审查提示."""

    COLUMNS = (
        ("条", lambda f: article_label(f.article_number) if f.article_number else "全文"),
        ("程度", lambda f: f.severity.label),
        ("内容", lambda f: f.text),
        ("理由", lambda f: f.reason),
        ("依据", lambda f: f.basis),
    )


class ComparisonTableModel(RowsTableModel):
    """修改对照表."""

    COLUMNS = (
        ("修改", lambda c: c.kind.label),
        ("原条文", lambda c: c.original),
        ("修改后条文", lambda c: c.revised),
        ("修改理由", lambda c: c.reason),
    )


class NotesTableModel(RowsTableModel):
    """逐条审查意见 (draft until the decision is made): the opinion column is editable, so this one model adds
    flags/setData (through the `on_edit` undo command) to the read-only table."""

    COLUMNS = (("条", lambda n: n.label), ("审查意见", lambda n: n.note))
    NOTE_COLUMN = 1

    def __init__(self, on_edit: Callable[[int, str], None]) -> None:
        super().__init__()
        self._on_edit = on_edit

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NOTE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.NOTE_COLUMN:
            record = self.row_at(index.row())
            return record.note if record else None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.NOTE_COLUMN:
            return False
        self._on_edit(index.row(), str(value))  # through an undo command, which calls set_note
        return True

    def notes(self) -> tuple[ArticleNote, ...]:
        return tuple(self._rows)

    def set_note(self, row: int, text: str) -> None:
        record = self._rows[row]
        self._rows[row] = ArticleNote(record.key, record.label, text)
        self.dataChanged.emit(self.index(row, self.NOTE_COLUMN), self.index(row, self.NOTE_COLUMN))
