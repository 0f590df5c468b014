"""One agenda item (议题) inline in the record editor, with its vote counts checked as they are typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from models.minutes.quorum import ItemResult, Tally, tally_problem
from models.minutes.votes import VoteChoice, parse_speeches, speeches_text, tally_from_votes
from models.minutes.meetings import AgendaItem, MatterKind, VoteMethod
from ui.minutes.form_bits import DATE_HINT, bad_day_message, typed_day
from ui.minutes.votes_model import ChoiceDelegate, VotesModel
from ui.widgets.choice_combo import ChoiceCombo

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class ItemPanel(QGroupBox):
    """议题 panel: title, proposer, nature, speeches, discussion, vote (counts or per person), resolution."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, item: AgendaItem) -> None:
        super().__init__(f"议题 {number}")
        self.item_id = item.id
        self._carried_from = item.carried_from
        self._saved_due: date | None = item.resolution_due  # the last readable deadline, kept through a typo
        self._voters: tuple[tuple[str, str | None], ...] = ()
        self._read_only = False
        self._build_ui()
        self.load(item)
        self._connect_signals()

    def _build_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.proposer_edit = QLineEdit()
        self.matter_combo: ChoiceCombo[MatterKind] = ChoiceCombo()
        for matter in MatterKind:
            self.matter_combo.add_choice(matter.label, matter)
        self.background_edit = _text_box(50)
        self.speeches_edit = _text_box(80)
        self.speeches_edit.setPlaceholderText("每人一行：发言人：发言要点，例如“张三：同意修路”")
        self.discussion_edit = _text_box(50)
        self.discussion_edit.setPlaceholderText("讨论情况小结（已逐人记录发言时可不填）")
        self.method_combo: ChoiceCombo[str] = ChoiceCombo()
        self.method_combo.add_choice("未表决", "")
        for method in VoteMethod:
            self.method_combo.add_choice(method.label, method.value)
        self.for_spin, self.against_spin, self.abstain_spin = (_count_box() for _ in range(3))
        self.scrutineer_edit, self.counter_edit = QLineEdit(), QLineEdit()
        self.named_check = QCheckBox("逐人记录表决意见")
        self.votes_model = VotesModel()
        self.votes_view = QTableView()
        self.votes_view.setModel(self.votes_model)
        self.votes_view.setItemDelegateForColumn(1, ChoiceDelegate(self.votes_view))
        self.votes_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.votes_view.setFixedHeight(140)
        self.votes_view.horizontalHeader().setStretchLastSection(True)
        self.votes_view.verticalHeader().setVisible(False)
        self.all_for_button = QPushButton("全部设为赞成")
        named = QWidget()
        named_layout = QVBoxLayout(named)
        named_layout.setContentsMargins(0, 0, 0, 0)
        named_layout.addWidget(self.votes_view)
        named_layout.addWidget(self.all_for_button)
        self.named_box = named
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.resolution_edit = _text_box(50)
        self.owner_edit = QLineEdit()
        self.due_edit = QLineEdit()
        self.due_edit.setPlaceholderText(DATE_HINT)
        self.remove_button = QPushButton("删除此议题")
        votes = QHBoxLayout()
        for label, spin in (("赞成：", self.for_spin), ("反对：", self.against_spin), ("弃权：", self.abstain_spin)):
            votes.addWidget(QLabel(label))
            votes.addWidget(spin)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow editor wraps the vote counts, not scrolls
        for label, widget in (("议题：", self.title_edit), ("提议人：", self.proposer_edit),
                              ("议题性质：", self.matter_combo), ("背景情况：", self.background_edit),
                              ("发言记录：", self.speeches_edit), ("讨论小结：", self.discussion_edit),
                              ("表决方式：", self.method_combo)):
            form.addRow(label, widget)
        form.addRow("表决票数：", votes)
        form.addRow("", self.named_check)
        form.addRow("逐人表决：", self.named_box)
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
        for box in (self.background_edit, self.speeches_edit, self.discussion_edit, self.resolution_edit):
            box.textChanged.connect(self.edited)
        for combo in (self.matter_combo, self.method_combo):
            combo.currentIndexChanged.connect(self.edited)
        self.method_combo.currentIndexChanged.connect(self._on_method_combo_changed)
        for spin in (self.for_spin, self.against_spin, self.abstain_spin):
            spin.valueChanged.connect(self.edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.named_check.toggled.connect(self._on_named_check_toggled)
        self.votes_model.votes_edited.connect(self.edited)
        self.all_for_button.clicked.connect(lambda: self.votes_model.set_all(VoteChoice.FOR))

    def load(self, item: AgendaItem) -> None:
        self.title_edit.setText(item.title)
        self.proposer_edit.setText(item.proposer)
        self.matter_combo.setCurrentIndex(self.matter_combo.index_of(item.matter))
        self.background_edit.setPlainText(item.background)
        self.speeches_edit.setPlainText(speeches_text(item.speeches))
        self.discussion_edit.setPlainText(item.discussion)
        self.votes_model.set_votes(item.votes)
        self.named_check.blockSignals(True)
        self.named_check.setChecked(bool(item.votes))
        self.named_check.blockSignals(False)
        self.method_combo.setCurrentIndex(self.method_combo.index_of(item.vote_method.value if item.vote_method else ""))
        tally = item.tally or Tally(0, 0, 0)
        self.for_spin.setValue(tally.for_)
        self.against_spin.setValue(tally.against)
        self.abstain_spin.setValue(tally.abstain)
        self.scrutineer_edit.setText(item.scrutineer)
        self.counter_edit.setText(item.counter)
        self.resolution_edit.setPlainText(item.resolution)
        self.owner_edit.setText(item.resolution_owner)
        self._saved_due = item.resolution_due
        self.due_edit.setText(item.resolution_due.isoformat() if item.resolution_due else "")
        self._on_method_combo_changed()

    def _on_method_combo_changed(self) -> None:
        method = self.method_combo.current_value()
        for widget in (self.for_spin, self.against_spin, self.abstain_spin, self.scrutineer_edit, self.counter_edit):
            widget.setEnabled(bool(method))
        by_name = bool(method) and method != VoteMethod.SECRET_BALLOT.value
        self.named_check.setEnabled(by_name and (self.votes_model.rowCount() > 0 or self._voters != ()))
        self.named_check.setToolTip("" if by_name else "无记名投票只记票数，不逐人记录")
        if not by_name and self.named_check.isChecked():
            self.named_check.setChecked(False)
        self._show_named()

    def _on_named_check_toggled(self, checked: bool) -> None:
        if checked:
            self.votes_model.follow_voters(self._voters)
        self._show_named()
        self.edited.emit()

    def _show_named(self) -> None:
        """Per-person votes: the table shows and the counts follow it (read-only)."""
        named = self.named_check.isChecked()
        self.layout().setRowVisible(self.named_box, named)  # the row's label "逐人表决：" hides with the table
        for spin in (self.for_spin, self.against_spin, self.abstain_spin):
            spin.setReadOnly(named)
            spin.setToolTip("由逐人表决计算" if named else "")

    def set_voters(self, names: tuple[tuple[str, str | None], ...]) -> None:
        """The people present who may vote, as (name, villager id) from the ticked roster; the table follows."""
        self._voters = names
        if self.named_check.isChecked():
            self.votes_model.follow_voters(names)
        method = self.method_combo.current_value()
        self.named_check.setEnabled(bool(method) and method != VoteMethod.SECRET_BALLOT.value
                                    and (bool(names) or self.named_check.isChecked()) and not self._read_only)

    def item(self) -> AgendaItem:
        method = self.method_combo.current_value()
        votes = self.votes_model.votes() if method and self.named_check.isChecked() else ()
        tally = Tally(self.for_spin.value(), self.against_spin.value(), self.abstain_spin.value()) if method else None
        return AgendaItem(
            self.title_edit.text().strip(), id=self.item_id, proposer=self.proposer_edit.text().strip(),
            speeches=parse_speeches(self.speeches_edit.toPlainText()), votes=votes,
            tally=tally_from_votes(votes) if votes else tally,
            background=self.background_edit.toPlainText().strip(),
            discussion=self.discussion_edit.toPlainText().strip(), matter=self.matter_combo.current_value(),
            vote_method=VoteMethod(method) if method else None,
            resolution=self.resolution_edit.toPlainText().strip(), resolution_owner=self.owner_edit.text().strip(),
            resolution_due=self._due(), scrutineer=self.scrutineer_edit.text().strip(),
            counter=self.counter_edit.text().strip(), carried_from=self._carried_from)

    def _due(self) -> date | None:
        """The typed deadline; while it cannot be read, the last one that could (a typo must not erase it)."""
        if not bad_day_message(self.due_edit.text(), "完成期限"):
            self._saved_due = typed_day(self.due_edit.text())
        return self._saved_due

    def show_result(self, result: ItemResult, present: int, problems: tuple[str, ...] = ()) -> None:
        """Check the counts as they are typed (for + against + abstain ≤ present) and show the outcome;
        `problems` are the per-person vote and speech checks the editor computed against attendance."""
        item = self.item()
        if item.votes:
            self._show_counts(item.tally or Tally(0, 0, 0))
        problem = tally_problem(item.tally, present) if item.tally else ""
        due_text = bad_day_message(self.due_edit.text(), "完成期限")
        shown = [text for text in (problem, *problems, due_text) if text]
        if shown:
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText("\n".join(shown))
            return
        self.result_label.setStyleSheet(OK_STYLE if result.passed else ERROR_STYLE)
        self.result_label.setText(result.reason)

    def _show_counts(self, tally: Tally) -> None:
        for spin, value in ((self.for_spin, tally.for_), (self.against_spin, tally.against),
                            (self.abstain_spin, tally.abstain)):
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.votes_model.read_only = read_only
        for widget in self.findChildren(QWidget):
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(read_only)
            elif isinstance(widget, (QComboBox, QSpinBox, QPushButton)):
                widget.setEnabled(not read_only)
        self.named_check.setEnabled(not read_only and self.named_check.isEnabled())
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
