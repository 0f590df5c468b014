"""导入预览: the lines of a rules file with the role the reader gave each, for the clerk to correct before saving.

Shown when the reader is not sure (a line it could not place, a numbering it changed, or no article at all): the
clerk selects one or more lines and clicks the role they are (标题, 前言, 章, 节, 条, 款项, 落款, 不收入); the
summary below is the rules assembled from the roles as they now stand."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from models.rules.reading import PlacedLine, Role
from models.rules.text import assemble


class RolePreviewDialog(QDialog):
    """Each source line with its role; one click on a role button sets it for the selected lines."""

    def __init__(self, parent: QWidget | None, lines: list[PlacedLine]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("核对导入内容"))
        self.resize(760, 520)
        self._lines = list(lines)
        self.table = QTableWidget(len(lines), 3)
        self.table.setHorizontalHeaderLabels([self.tr("行"), self.tr("内容"), self.tr("作为")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.role_buttons: dict[Role, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("把选中的行设为：")))
        for role in Role:
            button = QPushButton(role.label)
            button.clicked.connect(lambda _=False, r=role: self.set_role(r))
            self.role_buttons[role] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("按此导入"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("程序按条号和版式判断了每一行的作用。请核对“作为”一栏，不对的选中后点下面的按钮改正。")))
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(box)
        self._fill()

    @classmethod
    def ask(cls, parent: QWidget | None, lines: list[PlacedLine]) -> list[PlacedLine] | None:
        dialog = cls(parent, lines)
        try:
            return dialog.lines() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def lines(self) -> list[PlacedLine]:
        return list(self._lines)

    def set_role(self, role: Role) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for row in rows:
            line = self._lines[row]
            self._lines[row] = replace(line, role=role, body=line.body or line.text)
        self._fill()

    def _fill(self) -> None:
        for row, line in enumerate(self._lines):
            for column, text in enumerate((str(line.line), line.text, line.role.label)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        parsed = assemble(self._lines)
        chapters = sum(1 for c in parsed.chapters if c.title)
        text = self.tr("将导入 {0} 条、{1} 章；前言 {2} 段，落款 {3} 行。").format(
            parsed.article_count, chapters, len(parsed.preamble), len(parsed.closing))
        notes = [f"{p.text[:20]}：{p.reason}" for p in parsed.problems]
        self.summary.setText(text + ("\n" + self.tr("请核对：") + "；".join(notes) if notes else ""))
