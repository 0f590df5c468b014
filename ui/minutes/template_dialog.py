"""记录本格式 (R18): choose the printed record book's fields, their order and headings, and the signature lines."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from models.core.errors import DomainError
from models.minutes.template import FIELD_CATALOGUE, RecordTemplate, default_template, make_template
from ui.minutes.dialogs import _buttons
from ui.widgets.rows_model import Index, RowsTableModel

Row = tuple[str, str, bool]  # catalogue key, printed heading, used


def _label(key: str) -> str:
    return FIELD_CATALOGUE[key][0] + ("（必备）" if FIELD_CATALOGUE[key][1] else "")


def _edit_value(row: Row, column: int) -> str | None:
    return (_label(row[0]), row[1], None)[column]


def _used_state(row: Row, column: int) -> Qt.CheckState | None:
    if column != 2:
        return None
    return Qt.CheckState.Checked if row[2] else Qt.CheckState.Unchecked


class TemplateModel(RowsTableModel):
    """Every catalogue field: used ones first in template order; heading editable; R12 fields always used.
    Adds to the read-only table the in-place heading edit, the 使用 check box (flags, setData) and moving rows."""

    COLUMNS = (("栏目", lambda r: _label(r[0])), ("打印标题", lambda r: r[1]), ("使用", lambda r: None))

    def __init__(self, template: RecordTemplate) -> None:
        super().__init__(roles={Qt.ItemDataRole.EditRole: _edit_value, Qt.ItemDataRole.CheckStateRole: _used_state},
                         tips=False)
        self.load(template)

    def load(self, template: RecordTemplate) -> None:
        used = [(f.key, f.heading, True) for f in template.fields]
        keys = {f.key for f in template.fields}
        self.set_rows(used + [(k, FIELD_CATALOGUE[k][0], False) for k in FIELD_CATALOGUE if k not in keys])

    def fields(self) -> list[tuple[str, str]]:
        return [(key, heading) for key, heading, used in self._rows if used]

    def move(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row."""
        target = row + step
        if not 0 <= row < len(self._rows) or not 0 <= target < len(self._rows):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if step > 0 else 0))
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        self.endMoveRows()
        return target

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == 2 and not FIELD_CATALOGUE[self._rows[index.row()][0]][1]:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        key, heading, used = self._rows[index.row()]
        if index.column() == 1 and role == Qt.ItemDataRole.EditRole:
            self._rows[index.row()] = (key, str(value).strip(), used)
        elif index.column() == 2 and role == Qt.ItemDataRole.CheckStateRole and not FIELD_CATALOGUE[key][1]:
            self._rows[index.row()] = (key, heading, Qt.CheckState(value) == Qt.CheckState.Checked)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class TemplateDialog(QDialog):
    """Edit the template; 恢复默认 reloads R12's record book. Validation happens before the dialog closes."""

    def __init__(self, parent: QWidget | None, template: RecordTemplate) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录本格式")
        self.resize(520, 560)
        self.model = TemplateModel(template)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.signatures_edit = QLineEdit("　".join(template.signatures))
        self.up_button, self.down_button = QPushButton("上移"), QPushButton("下移")
        self.default_button = QPushButton("恢复默认")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.default_button):
            moves.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("打印的会议记录按下表的顺序和标题列出各栏；标“必备”的是 R12 规定的栏目，不能取消。"))
        layout.addWidget(self.view)
        layout.addLayout(moves)
        layout.addWidget(QLabel("签字栏（用空格分开）："))
        layout.addWidget(self.signatures_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, "保存"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.default_button.clicked.connect(self._on_default_button_clicked)

    def _move(self, step: int) -> None:
        row = self.model.move(self.view.currentIndex().row(), step)
        self.view.selectRow(row)

    def _on_default_button_clicked(self) -> None:
        default = default_template()
        self.model.load(default)
        self.signatures_edit.setText("　".join(default.signatures))

    def accept(self) -> None:
        signatures = self.signatures_edit.text().replace("　", " ").split()
        try:
            self.template = make_template(self.model.fields(), signatures)
        except DomainError as error:
            self.error_label.setText(error.message)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, template: RecordTemplate) -> RecordTemplate | None:
        dialog = cls(parent, template)
        return dialog.template if dialog.exec() == QDialog.DialogCode.Accepted else None
