"""The rules screen's right-hand column: the legality findings (辅助审查) and the villagers' opinions of an article."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QTableView, QWidget

from models.core.ports import Stores
from models.rules.legality import Finding
from models.rules.legality_table import Severity
from models.workflow.records import Opinion
from ui.rules.table_model import OPINION_COLUMNS, FindingListModel
from ui.widgets.column import titled_column
from ui.widgets.rows_model import RowsTableModel


class FindingsColumn:
    """合法性审查意见 of the text or the selected article, and the 征求民意 / 异议 about it (answered on 九步工作法).

    `widget` is the column to place; the screen reaches the lists as its own attributes of the same names."""

    def __init__(self, stores: Stores) -> None:
        self._stores = stores  # the workflow store (opinions) is built only when an article is shown
        self.opinions: list[Opinion] = []
        self.findings_model = FindingListModel()
        self.findings_view = QListView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setWordWrap(True)
        self.check_summary_label = QLabel()
        self.check_summary_label.setWordWrap(True)
        self.widget: QWidget = titled_column("合法性审查意见（辅助）：", self.findings_view, QHBoxLayout())
        self.widget.layout().addWidget(self.check_summary_label)
        self.opinions_model = RowsTableModel(OPINION_COLUMNS, lambda: self.opinions)
        self.opinions_view = QTableView()
        self.opinions_view.setModel(self.opinions_model)
        self.opinions_view.verticalHeader().hide()
        self.opinions_view.setWordWrap(True)
        self.opinions_view.horizontalHeader().setStretchLastSection(True)
        self.opinions_label = QLabel("村民意见：")
        self.widget.layout().addWidget(self.opinions_label)
        self.widget.layout().addWidget(self.opinions_view, 1)

    def summarise(self, findings: list[Finding]) -> None:
        """The counts of the whole text's findings, by severity."""
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        self.check_summary_label.setText("全文：" + "，".join(f"{s.label} {n} 条" for s, n in counts.items()))

    def show_opinions(self, rulebook_id: str | None, article_key: str | None) -> None:
        """征求民意 and 异议 about the selected article, with their replies."""
        self.opinions = []
        workflow = self._stores.workflow if article_key and rulebook_id else None
        if workflow is not None and rulebook_id and workflow.revisions.revision_id(rulebook_id):
            self.opinions = [o for o in workflow.opinions.opinions(rulebook_id) if o.article_key == article_key]
        self.opinions_model.reload()
        self.opinions_view.resizeRowsToContents()
        unanswered = sum(1 for o in self.opinions if not o.answered)
        self.opinions_label.setText(f"村民意见：{len(self.opinions)} 条" + (f"，{unanswered} 条未答复" if unanswered else "")
                                    if article_key else "村民意见：请在左边选中一条")
