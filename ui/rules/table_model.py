"""Qt models of the rules screen: the outline (drag to move), the findings list and the 修改对照表."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from models.rules.legality import Finding
from models.rules.legality_table import Severity
from models.core.numerals import article_label
from models.rules.document import RuleVersion, numbered_articles
from models.rules.text import chapter_headings
from ui.widgets.rows_model import RowsTableModel, bold_font

OPINION_COLUMNS = (("意见", lambda o: f"{o.title}·{o.channel.label}"), ("内容", lambda o: o.text),
                   ("答复", lambda o: f"{o.reply.disposition.label}：{o.reply.reason}".rstrip("：") if o.reply else "未答复"))

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_MIME = "application/x-xiangyue-article"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class OutlineEntry:
    """One outline row: a chapter heading or an article."""

    kind: str  # "chapter" or "article"
    key: str
    chapter_index: int
    label: str
    number: int = 0


class OutlineListModel(QAbstractListModel):
    """Chapters and articles of one version in order; dropping an article asks for a move (the screen does it).
    Hand-written, not a RowsTableModel: it is a drag-and-drop source and target (flags, mime data, drop rows)."""

    move_requested = Signal(str, int, int)  # article key, chapter index, index within chapter

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[OutlineEntry] = []
        self._editable = False

    def set_version(self, version: RuleVersion | None, editable: bool) -> None:
        self.beginResetModel()
        self._rows = _entries(version) if version else []
        self._editable = editable
        self.endResetModel()

    def entry(self, row: int) -> OutlineEntry:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == Qt.ItemDataRole.FontRole and entry.kind == "chapter":
            return bold_font()
        if role == ENTRY_ROLE:
            return entry
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self._editable:
            return base
        if index.isValid() and self._rows[index.row()].kind == "article":
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        keys = [self._rows[i.row()].key for i in indexes if i.isValid() and self._rows[i.row()].kind == "article"]
        data.setData(ARTICLE_MIME, (keys[0] if keys else "").encode())
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        key = bytes(data.data(ARTICLE_MIME).data()).decode()
        if not key or not self._editable:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        target = self.drop_target(row)
        if target is not None:
            self.move_requested.emit(key, *target)
        return False  # the move is a command that reloads the model; the view must not remove rows itself

    def drop_target(self, row: int) -> tuple[int, int] | None:
        """(chapter index, index within chapter) for a drop before outline row `row`."""
        before = [e for e in self._rows[:row]]
        chapter = next((e for e in reversed(before) if e.kind == "chapter"), None)
        if chapter is None:
            return (0, 0) if self._rows else None
        index = sum(1 for e in before if e.kind == "article" and e.chapter_index == chapter.chapter_index)
        return chapter.chapter_index, index


def _entries(version: RuleVersion) -> list[OutlineEntry]:
    headings = chapter_headings(version)
    numbered = iter(numbered_articles(version))
    rows: list[OutlineEntry] = []
    for ci, chapter in enumerate(version.chapters):
        rows.append(OutlineEntry("chapter", chapter.key, ci, headings[chapter.key] or "（未分章）"))
        for _ in chapter.articles:
            article = next(numbered)
            preview = article.text if len(article.text) <= 22 else article.text[:22] + "…"
            rows.append(OutlineEntry("article", article.key, ci, f"{article_label(article.number)}　{preview}",
                                     article.number))
    return rows


def _finding_text(finding: Finding) -> str:
    where = article_label(finding.article_number) if finding.article_number else "全文"
    return f"【{finding.severity.label}】{where} {finding.category.label}：“{finding.text}”\n{finding.reason}"


def _blocking_font(finding: Finding, _column: int) -> QFont | None:
    return bold_font() if finding.severity is Severity.BLOCKING else None  # in the text too: never by font alone


class FindingListModel(RowsTableModel):
    """Legality findings shown beside the editor (for the selected article, or the whole text); fed by `set_rows`."""

    COLUMNS = (("合法性提示", _finding_text),)

    def __init__(self) -> None:
        super().__init__(roles={Qt.ItemDataRole.ToolTipRole: lambda f, _c: f"依据：{f.basis}",
                                Qt.ItemDataRole.FontRole: _blocking_font})

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        return super().index(row, column, parent)  # one column, read as a list: index(row) as before


class ComparisonTableModel(RowsTableModel):
    """修改对照表 — original | revised | reason, one row per added, removed, moved or changed article."""

    COLUMNS = (("原条文", lambda r: r.original), ("修改后条文", lambda r: r.revised), ("修改理由", lambda r: r.reason))
