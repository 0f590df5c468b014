"""One agenda item (议题) inline in the record editor, with its vote counts checked as they are typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget,
)

from models.meeting_rules import ItemResult, Tally, tally_problem
from models.meetings import AgendaItem, MatterKind, VoteMethod

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class ItemPanel(QGroupBox):
    """议题 panel: title, proposer, nature, discussion, vote, resolution, owner and deadline."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, item: AgendaItem) -> None:
        super().__init__(f"议题 {number}")
        self.item_id = item.id
        self._carried_from = item.carried_from
        self._build_ui()
        self.load(item)
        self._connect_signals()

    def _build_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.proposer_edit = QLineEdit()
        self.matter_combo = QComboBox()
        for matter in MatterKind:
            self.matter_combo.addItem(matter.label, matter.value)
        self.background_edit = _text_box(50)
        self.discussion_edit = _text_box(80)
        self.discussion_edit.setPlaceholderText("发言人：发言要点（每人一行）")
        self.method_combo = QComboBox()
        self.method_combo.addItem("未表决", "")
        for method in VoteMethod:
            self.method_combo.addItem(method.label, method.value)
        self.for_spin, self.against_spin, self.abstain_spin = (_count_box() for _ in range(3))
        self.scrutineer_edit, self.counter_edit = QLineEdit(), QLineEdit()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.resolution_edit = _text_box(50)
        self.owner_edit = QLineEdit()
        self.due_edit = QLineEdit()
        self.due_edit.setPlaceholderText("YYYY-MM-DD")
        self.remove_button = QPushButton("删除此议题")
        votes = QHBoxLayout()
        for label, spin in (("赞成：", self.for_spin), ("反对：", self.against_spin), ("弃权：", self.abstain_spin)):
            votes.addWidget(QLabel(label))
            votes.addWidget(spin)
        form = QFormLayout(self)
        for label, widget in (("议题：", self.title_edit), ("提议人：", self.proposer_edit),
                              ("议题性质：", self.matter_combo), ("背景情况：", self.background_edit),
                              ("讨论发言摘要：", self.discussion_edit), ("表决方式：", self.method_combo)):
            form.addRow(label, widget)
        form.addRow("表决票数：", votes)
        form.addRow("监票人：", self.scrutineer_edit)
        form.addRow("计票人：", self.counter_edit)
        form.addRow("表决结果：", self.result_label)
        form.addRow("决议内容：", self.resolution_edit)
        form.addRow("责任人：", self.owner_edit)
        form.addRow("完成期限：", self.due_edit)
        form.addRow("", self.remove_button)

    def _connect_signals(self) -> None:
        for line in (self.title_edit, self.proposer_edit, self.scrutineer_edit, self.counter_edit, self.owner_edit,
                     self.due_edit):
            line.textChanged.connect(self.edited)
        for box in (self.background_edit, self.discussion_edit, self.resolution_edit):
            box.textChanged.connect(self.edited)
        for combo in (self.matter_combo, self.method_combo):
            combo.currentIndexChanged.connect(self.edited)
        self.method_combo.currentIndexChanged.connect(self._on_method_combo_changed)
        for spin in (self.for_spin, self.against_spin, self.abstain_spin):
            spin.valueChanged.connect(self.edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def load(self, item: AgendaItem) -> None:
        self.title_edit.setText(item.title)
        self.proposer_edit.setText(item.proposer)
        self.matter_combo.setCurrentIndex(self.matter_combo.findData(item.matter.value))
        self.background_edit.setPlainText(item.background)
        self.discussion_edit.setPlainText(item.discussion)
        self.method_combo.setCurrentIndex(self.method_combo.findData(item.vote_method.value if item.vote_method else ""))
        tally = item.tally or Tally(0, 0, 0)
        self.for_spin.setValue(tally.for_)
        self.against_spin.setValue(tally.against)
        self.abstain_spin.setValue(tally.abstain)
        self.scrutineer_edit.setText(item.scrutineer)
        self.counter_edit.setText(item.counter)
        self.resolution_edit.setPlainText(item.resolution)
        self.owner_edit.setText(item.resolution_owner)
        self.due_edit.setText(item.resolution_due.isoformat() if item.resolution_due else "")
        self._on_method_combo_changed()

    def _on_method_combo_changed(self) -> None:
        voting = bool(self.method_combo.currentData())
        for widget in (self.for_spin, self.against_spin, self.abstain_spin, self.scrutineer_edit, self.counter_edit):
            widget.setEnabled(voting)

    def item(self) -> AgendaItem:
        method = self.method_combo.currentData()
        tally = Tally(self.for_spin.value(), self.against_spin.value(), self.abstain_spin.value()) if method else None
        return AgendaItem(
            self.title_edit.text().strip(), id=self.item_id, proposer=self.proposer_edit.text().strip(),
            background=self.background_edit.toPlainText().strip(),
            discussion=self.discussion_edit.toPlainText().strip(), matter=MatterKind(self.matter_combo.currentData()),
            vote_method=VoteMethod(method) if method else None, tally=tally,
            resolution=self.resolution_edit.toPlainText().strip(), resolution_owner=self.owner_edit.text().strip(),
            resolution_due=self._due(), scrutineer=self.scrutineer_edit.text().strip(),
            counter=self.counter_edit.text().strip(), carried_from=self._carried_from)

    def _due(self) -> date | None:
        try:
            return date.fromisoformat(self.due_edit.text().strip()) if self.due_edit.text().strip() else None
        except ValueError:
            return None

    def show_result(self, result: ItemResult, present: int) -> None:
        """Check the counts as they are typed (for + against + abstain ≤ present) and show the outcome."""
        item = self.item()
        problem = tally_problem(item.tally, present) if item.tally else ""
        bad_due = bool(self.due_edit.text().strip()) and self._due() is None
        if problem or bad_due:
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText(problem or "完成期限格式应为 YYYY-MM-DD，例如 2026-06-30。")
            return
        self.result_label.setStyleSheet(OK_STYLE if result.passed else ERROR_STYLE)
        self.result_label.setText(result.reason)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.findChildren(QWidget):
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(read_only)
            elif isinstance(widget, (QComboBox, QSpinBox, QPushButton)):
                widget.setEnabled(not read_only)
        if not read_only:
            self._on_method_combo_changed()


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)  # Tab moves on, so the whole record can be filled by keyboard
    return box


def _count_box() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 100000)
    return spin
