"""Dialogs of the rules screen: files to import or export, the version comparison with its 修改对照表."""
from __future__ import annotations

import html
from pathlib import Path

from typing import Callable

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton, QTableView,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from models.core.numerals import article_label
from models.core.ports import Stores
from models.rules.rulebooks import CatalogueArticle, VersionInfo
from models.rules.document import RulebookKind
from models.core.changes import Entity
from models.core.errors import DomainError
from models.rules.diff import (ArticleChange, ChangeKind, SegmentKind, char_diff, comparison_table,
                               diff_versions)
from ui.core.bus import DataBus
from ui.rules.table_model import ComparisonTableModel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.screen_fit import resize_within_screen


class ImportFileDialog:
    """Ask for a rules file to import (.docx / .md / .txt)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "导入村规民约", "", "村规民约文件 (*.docx *.md *.txt)")
        return Path(name) if name else None


def compare_html(changes: tuple[ArticleChange, ...], old_number: int, new_number: int) -> str:
    """Both versions side by side, aligned by article; insertions underlined and bold, deletions struck through."""
    rows = [f"<tr><th width='44%'>第{old_number}版</th><th width='44%'>第{new_number}版</th><th>变动</th></tr>"]
    for change in changes:
        old_html, new_html = _sides(change)
        rows.append(f"<tr><td valign='top'>{old_html}</td><td valign='top'>{new_html}</td>"
                    f"<td valign='top'>{_kind_label(change)}</td></tr>")
    legend = "<p>说明：<u><b>下划线加粗</b></u>为增加的文字，<s>删除线</s>为删去的文字。</p>"
    return f"{legend}<table border='1' cellspacing='0' cellpadding='6' width='100%'>{''.join(rows)}</table>"


def _kind_label(change: ArticleChange) -> str:
    label = change.kind.label
    return label + "（并调整位置）" if change.kind is ChangeKind.CHANGED and change.moved else label


def _sides(change: ArticleChange) -> tuple[str, str]:
    old, new = change.old, change.new
    if old is None or new is None:
        present = old or new
        assert present is not None
        text = f"{article_label(present.number)}　{html.escape(present.full_text)}"
        return ("", f"<u><b>{text}</b></u>") if old is None else (f"<s>{text}</s>", "")
    if change.kind is not ChangeKind.CHANGED:
        return (f"{article_label(old.number)}　{html.escape(old.full_text)}",
                f"{article_label(new.number)}　{html.escape(new.full_text)}")
    before, after = [article_label(old.number) + "　"], [article_label(new.number) + "　"]
    for segment in char_diff(old.full_text, new.full_text):
        text = html.escape(segment.text)
        if segment.kind is SegmentKind.EQUAL:
            before.append(text)
            after.append(text)
        elif segment.kind is SegmentKind.DELETE:
            before.append(f"<s>{text}</s>")
        else:
            after.append(f"<u><b>{text}</b></u>")
    return "".join(before).replace("\n", "<br>"), "".join(after).replace("\n", "<br>")


ReasonEdited = Callable[[str, str, str, str], None]  # version id, article key, before, after


class CompareDialog(QDialog):
    """Compare two versions side by side, and the 修改对照表 with its editable reasons."""

    def __init__(self, stores: Stores, bus: DataBus, rulebook_id: str, versions: list[VersionInfo],
                 old: int, new: int, on_reason_edited: ReasonEdited, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._rulebook_id, self._on_reason_edited = stores, rulebook_id, on_reason_edited
        self.setWindowTitle("比较版本")
        resize_within_screen(self, 1100, 700)
        self._build_ui(versions, old, new)
        self.old_combo.currentIndexChanged.connect(self.refresh)
        self.new_combo.currentIndexChanged.connect(self.refresh)
        self.reason_button.clicked.connect(self._on_reason_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        bus.changed.connect(lambda changed: self.refresh() if changed.concerns(Entity.RULEBOOK) else None)
        self.refresh()

    def _build_ui(self, versions: list[VersionInfo], old: int, new: int) -> None:
        self.old_combo: ChoiceCombo[int] = ChoiceCombo()
        self.new_combo: ChoiceCombo[int] = ChoiceCombo()
        for combo, chosen in ((self.old_combo, old), (self.new_combo, new)):
            for info in versions:
                combo.add_choice(f"第{info.number}版（{info.status.label}）", info.number)
            combo.setCurrentIndex(max(0, combo.index_of(chosen)))
        form = QFormLayout()
        form.addRow("原版本：", self.old_combo)
        form.addRow("修订版本：", self.new_combo)
        self.summary_label = QLabel()
        self.compare_browser = QTextBrowser()
        self.table_model = ComparisonTableModel()
        self.table_view = QTableView()
        self.table_view.setModel(self.table_model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setWordWrap(True)
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compare_browser, "并排比较")
        self.tabs.addTab(self.table_view, "修改对照表")
        self.reason_button, self.export_button = QPushButton("填写修改理由…"), QPushButton("导出修改对照表…")
        buttons = QDialogButtonBox()
        buttons.addButton(self.reason_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.summary_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        old_no, new_no = self.old_combo.current_value(), self.new_combo.current_value()
        old = self._stores.rules.load_version(self._rulebook_id, old_no)
        new = self._stores.rules.load_version(self._rulebook_id, new_no)
        diff = diff_versions(old, new)
        counts = "，".join(f"{kind.label} {len(diff.of_kind(kind))} 条" for kind in ChangeKind if diff.of_kind(kind))
        self.summary_label.setText(counts or "两个版本都没有条文。")
        self.compare_browser.setHtml(compare_html(diff.changes, old_no, new_no))
        self.table_model.set_rows(comparison_table(diff, self._stores.change_reasons.change_reasons(new.id)))
        self.table_view.resizeRowsToContents()
        self._new_version_id = new.id

    def _on_reason_button_clicked(self) -> None:
        index = self.table_view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, "修改理由", "请先在“修改对照表”中选中一行。")
            return
        row = self.table_model.row_at(index.row())
        recorded = self._stores.change_reasons.change_reasons(self._new_version_id).get(row.key, "")
        text, ok = QInputDialog.getText(self, "修改理由", "修改理由：", text=recorded or row.reason)
        if ok and text.strip() and text.strip() != recorded:
            self._on_reason_edited(self._new_version_id, row.key, recorded, text.strip())

    def _on_export_button_clicked(self) -> None:
        path = SavePathDialog.ask(self, "导出修改对照表", "Word 文件 (*.docx);;Markdown 文件 (*.md)")
        if path is None:
            return
        try:
            self._stores.rule_files.export_comparison(self._rulebook_id, self.old_combo.current_value(),
                                                      self.new_combo.current_value(), path)
        except DomainError as error:
            QMessageBox.warning(self, "导出", error.message)
            return
        QMessageBox.information(self, "导出", f"已导出：{path}")


class SavePathDialog:
    """Ask where to save an exported file."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(parent, title, "", filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".md" if "md" in chosen else ".docx")


class NewRulebookDialog(QDialog):
    """Ask for a new rulebook's title and kind, and whether to start from the article catalogue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建规约")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("例如：青石村村规民约")
        self.kind_combo: ChoiceCombo[RulebookKind] = ChoiceCombo()
        for kind in RulebookKind:
            self.kind_combo.add_choice(kind.label, kind)
        self.catalogue_check = QCheckBox("用条款库生成初稿（之后可逐条修改）")
        self.catalogue_check.setChecked(True)
        buttons = QDialogButtonBox()
        buttons.addButton("新建", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("名称：", self.title_edit)
        form.addRow("种类：", self.kind_combo)
        form.addRow(self.catalogue_check)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, RulebookKind, bool] | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.title_edit.text().strip():
            return None
        return (dialog.title_edit.text().strip(), dialog.kind_combo.current_value(),
                dialog.catalogue_check.isChecked())


class CatalogueDialog(QDialog):
    """Pick an article from the catalogue (条款库), grouped by content area."""

    def __init__(self, entries: list[CatalogueArticle], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("从条款库插入")
        self.resize(700, 500)
        self._entries = entries
        self.entries_list = QListWidget()
        self.entries_list.setWordWrap(True)
        for entry in entries:
            own = "（本村）" if not entry.builtin else ""
            self.entries_list.addItem(f"【{entry.area}】{entry.title}{own}\n{entry.text}")
        buttons = QDialogButtonBox()
        buttons.addButton("插入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("条款库（按内容方面分组）："))
        layout.addWidget(self.entries_list, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, entries: list[CatalogueArticle]) -> CatalogueArticle | None:
        dialog = cls(entries, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        row = dialog.entries_list.currentRow()
        return entries[row] if 0 <= row < len(entries) else None


class CatalogueEntryDialog:
    """Ask for the area and a short title when the clerk saves an article to the catalogue."""

    @classmethod
    def ask(cls, parent: QWidget | None, areas: list[str]) -> tuple[str, str] | None:
        area, ok = QInputDialog.getItem(parent, "存入条款库", "所属方面：", areas, 0, True)
        if not ok or not area.strip():
            return None
        title, ok = QInputDialog.getText(parent, "存入条款库", "条款名称（如“鼓楼议事”）：")
        return (area.strip(), title.strip()) if ok else None
