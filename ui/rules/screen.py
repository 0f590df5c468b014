"""The village rules screen: outline (drag to move) | article editor | legality findings; versions and compare."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView, QPlainTextEdit, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.rules.legality import Finding, check_version
from models.rules.legality_table import Severity
from models.core.numerals import article_label
from models.core.ports import Stores
from models.rules.ports import RulebookStore
from models.rules.rulebooks import RulebookSummary
from models.workflow.records import Opinion
from models.rules.document import RulebookKind, RuleVersion, numbered_articles
from ui.core.bus import DataBus
from ui.rules.commands import SetChangeReasonCommand
from ui.rules.dialogs import CompareDialog
from ui.rules.files import export_version, import_rules, new_rulebook, save_to_catalogue
from ui.rules.outline_edits import OutlineEdits
from ui.rules.table_model import OPINION_COLUMNS, FindingListModel, OutlineListModel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.column import titled_column
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.store_command import push_command
from ui.widgets.unsaved import LeaveGuard


class RulesScreen(OutlineEdits):
    """村规民约 — edit a draft article by article (the edits: ui/rules/outline_edits.py); adopted versions are shown
    read-only."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: RulebookStore = stores.rules
        self._stores = stores  # the workflow store (opinions) is built only when an article is shown
        self._bus = bus
        self.undo_stack = QUndoStack(self)
        self._rulebooks: list[RulebookSummary] = []
        self._version: RuleVersion | None = None
        self._selected_key: str | None = None
        self._selected_chapter_key: str | None = None  # when a chapter heading is selected
        self._findings: list[Finding] = []
        self._opinions: list[Opinion] = []
        self.compare_dialog: CompareDialog | None = None
        self._leave_guard = LeaveGuard(self, self)  # typing in an article is never dropped without asking
        self._build_ui()
        self._connect_signals()
        self.reload()

    # ----- building -----
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_bar())
        self.read_only_label = QLabel()
        self.read_only_label.setWordWrap(True)
        layout.addWidget(self.read_only_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_outline())
        splitter.addWidget(self._build_editor())
        splitter.addWidget(self._build_findings())
        splitter.setSizes([300, 420, 300])
        layout.addWidget(splitter, 1)

    def _build_top_bar(self) -> QVBoxLayout:
        self.rulebook_combo: ChoiceCombo[str] = ChoiceCombo()
        self.version_combo: ChoiceCombo[int] = ChoiceCombo()
        self.rulebook_combo.setMinimumWidth(240)
        self.new_rulebook_button = QPushButton("新建规约…")
        self.import_button = QPushButton("导入文件…")
        self.export_button = QPushButton("导出…")
        self.new_version_button = QPushButton("新建修订版本")
        self.compare_button = QPushButton("比较版本…")
        self.undo_button, self.redo_button = QPushButton("撤销"), QPushButton("重做")
        # Two rows, so the screen fits beside the sidebar on a 1280-pixel office screen.
        choosers, buttons = QHBoxLayout(), QHBoxLayout()
        for widget in (QLabel("规约："), self.rulebook_combo, QLabel("版本："), self.version_combo):
            choosers.addWidget(widget)
        choosers.addStretch(1)
        for button in (self.new_rulebook_button, self.import_button, self.export_button, self.new_version_button,
                       self.compare_button, self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        bar = QVBoxLayout()
        bar.addLayout(choosers)
        bar.addLayout(buttons)
        return bar

    def _build_outline(self) -> QWidget:
        self.outline_model = OutlineListModel()
        self.outline_view = QListView()
        self.outline_view.setModel(self.outline_model)
        self.outline_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline_view.setDropIndicatorShown(True)
        self.insert_button, self.delete_button = QPushButton("插入新条"), QPushButton("删除本条")
        self.split_button, self.merge_button = QPushButton("在光标处拆分"), QPushButton("与下一条合并")
        self.catalogue_button, self.save_to_catalogue_button = QPushButton("从条款库插入…"), QPushButton("存入条款库…")
        self.add_chapter_button, self.rename_chapter_button = QPushButton("新增一章…"), QPushButton("重命名本章…")
        self.delete_chapter_button = QPushButton("删除空章")
        buttons = QHBoxLayout()
        for button in (self.insert_button, self.delete_button, self.split_button, self.merge_button):
            buttons.addWidget(button)
        column = titled_column("条文目录（拖动可调整顺序）：", self.outline_view, buttons)
        more = QHBoxLayout()
        more.addWidget(self.catalogue_button)
        more.addWidget(self.save_to_catalogue_button)
        column.layout().addLayout(more)
        chapters = QHBoxLayout()
        for button in (self.add_chapter_button, self.rename_chapter_button, self.delete_chapter_button):
            chapters.addWidget(button)
        column.layout().addLayout(chapters)
        return column

    def _build_editor(self) -> QWidget:
        self.number_label = QLabel()
        self.article_edit = QPlainTextEdit()
        self.article_edit.setPlaceholderText("在左侧选择一条。第一行是条文，之后每行是一款或一项。")
        self.save_button = QPushButton("保存本条")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = titled_column("条文：", self.article_edit, buttons)
        column.layout().insertWidget(1, self.number_label)
        return column

    def _build_findings(self) -> QWidget:
        self.findings_model = FindingListModel()
        self.findings_view = QListView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setWordWrap(True)
        self.check_summary_label = QLabel()
        self.check_summary_label.setWordWrap(True)
        column = titled_column("合法性审查意见（辅助）：", self.findings_view, QHBoxLayout())
        column.layout().addWidget(self.check_summary_label)
        self.opinions_model = RowsTableModel(OPINION_COLUMNS, lambda: self._opinions)
        self.opinions_view = QTableView()
        self.opinions_view.setModel(self.opinions_model)
        self.opinions_view.verticalHeader().hide()
        self.opinions_view.setWordWrap(True)
        self.opinions_view.horizontalHeader().setStretchLastSection(True)
        self.opinions_label = QLabel("村民意见：")
        column.layout().addWidget(self.opinions_label)
        column.layout().addWidget(self.opinions_view, 1)
        return column

    def _show_opinions(self, article_key: str | None) -> None:
        """征求民意 and 异议 about the selected article, with their replies (answered on 九步工作法)."""
        rulebook_id = self.rulebook_combo.current_value()
        self._opinions = []
        if article_key and rulebook_id and self._stores.workflow.revisions.revision_id(rulebook_id):
            self._opinions = [o for o in self._stores.workflow.opinions.opinions(rulebook_id)
                              if o.article_key == article_key]
        self.opinions_model.reload()
        self.opinions_view.resizeRowsToContents()
        unanswered = sum(1 for o in self._opinions if not o.answered)
        self.opinions_label.setText(f"村民意见：{len(self._opinions)} 条" + (f"，{unanswered} 条未答复" if unanswered else "")
                                    if article_key else "村民意见：请在左边选中一条")

    def _connect_signals(self) -> None:
        self.rulebook_combo.currentIndexChanged.connect(self._on_rulebook_combo_changed)
        self.version_combo.currentIndexChanged.connect(self._on_version_combo_changed)
        self.outline_view.selectionModel().selectionChanged.connect(self._on_outline_selection_changed)
        self.outline_model.move_requested.connect(self._on_outline_move_requested)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.insert_button.clicked.connect(self._on_insert_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.split_button.clicked.connect(self._on_split_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.new_rulebook_button.clicked.connect(self._on_new_rulebook_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.catalogue_button.clicked.connect(self._on_catalogue_button_clicked)
        self.add_chapter_button.clicked.connect(self._on_add_chapter_button_clicked)
        self.rename_chapter_button.clicked.connect(self._on_rename_chapter_button_clicked)
        self.delete_chapter_button.clicked.connect(self._on_delete_chapter_button_clicked)
        self.save_to_catalogue_button.clicked.connect(self._on_save_to_catalogue_button_clicked)
        self.new_version_button.clicked.connect(self._on_new_version_button_clicked)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self._bus.changed.connect(self._on_bus_changed)

    # ----- loading -----
    @property
    def version(self) -> RuleVersion | None:
        return self._version

    def reload(self, rulebook_id: str | None = None, number: int | None = None) -> None:
        """Reload rulebooks and show `rulebook_id` version `number` (default: what is shown now, else latest)."""
        rulebook_id = rulebook_id or (self._version.rulebook_id if self._version else None)
        number = number or (self._version.number if self._version else None)
        self._rulebooks = self._store.list_rulebooks()
        self.rulebook_combo.blockSignals(True)
        self.rulebook_combo.clear_choices()
        for summary in self._rulebooks:
            self.rulebook_combo.add_choice(f"{summary.title}（{summary.kind.label}）", summary.id)
        self.rulebook_combo.setCurrentIndex(max(0, self.rulebook_combo.index_of(rulebook_id)))
        self.rulebook_combo.blockSignals(False)
        self._fill_versions(number)

    def _fill_versions(self, number: int | None) -> None:
        summary = self._current_summary()
        self.version_combo.blockSignals(True)
        self.version_combo.clear_choices()
        for info in summary.versions if summary else ():
            date = f"，{info.effective_date}起" if info.effective_date else ""
            self.version_combo.add_choice(f"第{info.number}版（{info.status.label}{date}）", info.number)
        index = self.version_combo.index_of(number) if number else -1
        self.version_combo.setCurrentIndex(index if index >= 0 else self.version_combo.count() - 1)
        self.version_combo.blockSignals(False)
        self._load_version()

    def _current_summary(self) -> RulebookSummary | None:
        rulebook_id = self.rulebook_combo.current_value()
        return next((r for r in self._rulebooks if r.id == rulebook_id), None)

    def _load_version(self) -> None:
        summary, number = self._current_summary(), self.version_combo.current_value()
        self._version = self._store.load_version(summary.id, number) if summary and number else None
        editable = self._editable()
        self.outline_model.set_version(self._version, editable)
        self._findings = check_version(self._version, summary.kind is RulebookKind.RULES) \
            if self._version and summary else []
        self._update_read_only(editable)
        self.article_edit.document().setModified(False)  # a reload replaces the editor: selecting below never asks
        row = self.outline_model.row_of(self._selected_key or self._selected_chapter_key or "")
        if row < 0 and self.outline_model.rowCount() > 1:
            row = 1  # the first article
        if row >= 0:
            self.outline_view.setCurrentIndex(self.outline_model.index(row))
        self._show_selected()

    def _update_read_only(self, editable: bool) -> None:
        for widget in (self.save_button, self.insert_button, self.delete_button, self.split_button,
                       self.merge_button, self.catalogue_button, self.add_chapter_button, self.rename_chapter_button,
                       self.delete_chapter_button):
            widget.setEnabled(editable)
        self.article_edit.setReadOnly(not editable)
        self.compare_button.setEnabled(bool(self._current_summary() and len(self._current_summary().versions) > 1))
        self.new_version_button.setEnabled(self._version is not None)
        self.export_button.setEnabled(self._version is not None)
        self.save_to_catalogue_button.setEnabled(self._version is not None)
        status = self._version.status if self._version else None
        self.read_only_label.setVisible(status is not None and not editable)
        if self._version is not None and not self._version.owned:
            self.read_only_label.setText("此版本来自另一台电脑（别的村或乡镇），只能查看。")
        elif status is not None and not editable:
            self.read_only_label.setText(f"此版本{status.label}，只能查看。要修改，请点“新建修订版本”。")
        counts = {s: sum(1 for f in self._findings if f.severity is s) for s in Severity}
        self.check_summary_label.setText("全文：" + "，".join(f"{s.label} {n} 条" for s, n in counts.items()))

    def _show_selected(self) -> None:
        index = self.outline_view.currentIndex()
        entry = self.outline_model.entry(index.row()) if index.isValid() else None
        self._selected_chapter_key = entry.key if entry is not None and entry.kind == "chapter" else None
        if entry is None or entry.kind != "article" or self._version is None:
            self._selected_key = None
            self.number_label.setText("")
            self.article_edit.setPlainText("")
            self.findings_model.set_rows(self._findings)
            self._show_opinions(None)
            return
        self._selected_key = entry.key
        article = next(a for a in numbered_articles(self._version) if a.key == entry.key)
        self.number_label.setText(f"{article_label(article.number)}（{article.chapter or '未分章'}）")
        self.article_edit.setPlainText(article.full_text)
        self.findings_model.set_rows([f for f in self._findings if f.article_key == entry.key])
        self._show_opinions(entry.key)

    def unsaved_edits(self) -> str | None:  # DirtyForm (ui/widgets/unsaved.py): the article typed but not saved
        if not (self._editable() and self._selected_key and self.article_edit.document().isModified()):
            return None
        return self.number_label.text().split("（")[0] or "本条"

    discard_edits = _show_selected  # shows the stored text again

    # ----- slots -----
    def _on_rulebook_combo_changed(self) -> None:
        if self._leave_guard.allows_combo(self.rulebook_combo, self._version.rulebook_id if self._version else None):
            self._selected_key = None
            self._fill_versions(None)

    def _on_version_combo_changed(self) -> None:
        if self._leave_guard.allows_combo(self.version_combo, self._version.number if self._version else None):
            self._load_version()

    def _on_outline_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        index = self.outline_view.currentIndex()
        target = self.outline_model.entry(index.row()).key if index.isValid() else ""

        def select(key: str) -> None:
            self.outline_view.setCurrentIndex(self.outline_model.index(self.outline_model.row_of(key)))

        if self._leave_guard.allows(lambda: select(self._selected_key or ""), lambda: select(target)):
            self._show_selected()

    def _on_bus_changed(self, changed: Changed) -> None:
        if changed.concerns(Entity.RULEBOOK):
            self.reload()

    def save_edits(self) -> bool:
        return self._on_save_button_clicked()

    def _on_import_button_clicked(self) -> None:
        result = import_rules(self, self._store, self._current_summary())
        if result is not None:
            self._selected_key = None
            self.reload(result.rulebook_id, result.version)

    def _on_new_version_button_clicked(self) -> None:
        if self._version is None:
            return
        version = self._store.new_version(self._version.rulebook_id, self._version.number)
        self.reload(version.rulebook_id, version.number)
        # 九步工作法 offers the draft versions (步骤4 定为初稿): it must list this one without being reopened.
        self._bus.changed.emit(Changed(Entity.RULEBOOK, frozenset({version.rulebook_id})))

    def _on_compare_button_clicked(self) -> None:
        summary = self._current_summary()
        if summary is None or self._version is None or len(summary.versions) < 2:
            return
        numbers = [v.number for v in summary.versions]
        new = self._version.number
        old = summary.in_force_version if summary.in_force_version not in (None, new) else \
            numbers[max(0, numbers.index(new) - 1)]
        self.compare_dialog = CompareDialog(self._store, self._bus, summary.id, list(summary.versions), old, new,
                                            self._on_reason_edited, self)
        self.compare_dialog.show()

    def _on_reason_edited(self, version_id: str, key: str, before: str, after: str) -> None:
        assert self._version is not None
        error = push_command(self.undo_stack, SetChangeReasonCommand(
            self._store, self._bus, self._version.rulebook_id, version_id, key, before, after))
        if error is not None:
            self._warn(error.message)

    def _on_new_rulebook_button_clicked(self) -> None:
        rulebook_id = new_rulebook(self, self._store)
        if rulebook_id is not None:
            self._selected_key = None
            self.reload(rulebook_id)

    def _on_export_button_clicked(self) -> None:
        if self._version is not None:
            export_version(self, self._store, self._version)

    def _on_save_to_catalogue_button_clicked(self) -> None:
        save_to_catalogue(self, self._store, self.article_edit.toPlainText().strip())
