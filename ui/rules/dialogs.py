"""Dialogs of the rules screen: choosing a file to import, and the side-by-side version comparison."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QTextBrowser, QVBoxLayout, QWidget)

from models.numerals import article_label
from models.ports import RulebookStore
from models.rulebooks import VersionInfo
from models.rules_diff import ArticleChange, ChangeKind, SegmentKind, char_diff, diff_versions


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


class CompareDialog(QDialog):
    """Compare two versions of a rulebook side by side."""

    def __init__(self, store: RulebookStore, rulebook_id: str, versions: list[VersionInfo], old: int, new: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._rulebook_id = store, rulebook_id
        self.setWindowTitle("比较版本")
        self.resize(1100, 700)
        self._build_ui(versions, old, new)
        self.old_combo.currentIndexChanged.connect(self._on_combo_changed)
        self.new_combo.currentIndexChanged.connect(self._on_combo_changed)
        self._on_combo_changed()

    def _build_ui(self, versions: list[VersionInfo], old: int, new: int) -> None:
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        for combo, chosen in ((self.old_combo, old), (self.new_combo, new)):
            for info in versions:
                combo.addItem(f"第{info.number}版（{info.status.label}）", info.number)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        form = QFormLayout()
        form.addRow("原版本：", self.old_combo)
        form.addRow("修订版本：", self.new_combo)
        self.summary_label = QLabel()
        self.compare_browser = QTextBrowser()
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.summary_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.compare_browser, 1)
        layout.addWidget(buttons)

    def _on_combo_changed(self) -> None:
        old_no, new_no = self.old_combo.currentData(), self.new_combo.currentData()
        old = self._store.load_version(self._rulebook_id, old_no)
        new = self._store.load_version(self._rulebook_id, new_no)
        diff = diff_versions(old, new)
        counts = "，".join(f"{kind.label} {len(diff.of_kind(kind))} 条" for kind in ChangeKind if diff.of_kind(kind))
        self.summary_label.setText(counts or "两个版本都没有条文。")
        self.compare_browser.setHtml(compare_html(diff.changes, old_no, new_no))
