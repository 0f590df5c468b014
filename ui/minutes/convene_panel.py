"""提议召集 (R10): proposals to convene, shown as 应当召集 tasks until a meeting of that body answers them."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from models.core.changes import Changed
from models.minutes.convene import ConveneBody, ConveneProposal, make_proposal, proposal_base
from models.core.errors import DomainError
from models.minutes.ports import ConveneStore, MeetingStore
from models.registry.ports import RegistryFacts
from ui.core.bus import DataBus
from ui.minutes.dialogs import _buttons, to_date, to_qdate
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command

OVERDUE_BRUSH = QBrush(QColor("#b00020"))


class ProposalsModel(RowsTableModel):
    """One row per proposal, newest first; the reason as tip, red past the 召集期限."""

    COLUMNS: tuple[tuple[str, Callable[[ConveneProposal], Any]], ...] = (
        ("收到日期", lambda p: p.received.isoformat()),
        ("提议召集", lambda p: p.body.label),
        ("事项", lambda p: p.subject),
        ("联名", lambda p: f"{p.signatures}/{p.base}（需 {p.needed}）"),
        ("召集期限", lambda p: p.due.isoformat() if p.due else "未定"),
        ("状态", lambda p: p.status_label),
    )

    def __init__(self, store: ConveneStore) -> None:
        self.today = date.today()
        super().__init__(fetch=store.proposals, roles={
            Qt.ItemDataRole.ToolTipRole: lambda p, _c: p.reason,
            Qt.ItemDataRole.ForegroundRole: lambda p, _c: OVERDUE_BRUSH if p.overdue(self.today) else None})

    def proposal_at(self, row: int) -> ConveneProposal:
        return self.row_at(row)


class ProposalDialog(QDialog):
    """登记提议: the base is taken from the registry on the day received (editable when the registry is empty)."""

    def __init__(self, parent: QWidget | None, registry: RegistryFacts | None, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记提议召集会议")
        self._registry = registry
        self.body_combo: ChoiceCombo[ConveneBody] = ChoiceCombo()
        for body in ConveneBody:
            self.body_combo.add_choice(body.label, body)
        self.date_edit = _date_edit(today)
        self.subject_edit, self.lead_edit = QLineEdit(), QLineEdit()
        self.signatures_spin, self.base_spin = _count(), _count()
        self.due_check = QCheckBox("定召集期限：")
        self.due_edit = _date_edit(today)
        self.reason_label, self.error_label = QLabel(), QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        for label, widget in (("提议召集：", self.body_combo), ("收到日期：", self.date_edit),
                              ("所议事项：", self.subject_edit), ("领衔提议人：", self.lead_edit),
                              ("联名人数：", self.signatures_spin), ("基数：", self.base_spin)):
            form.addRow(label, widget)
        form.addRow(self.due_check, self.due_edit)
        form.addRow(self.reason_label)
        form.addRow(self.error_label)
        form.addRow(_buttons(self, "登记"))
        self.body_combo.currentIndexChanged.connect(self._fill_base)
        self.date_edit.dateChanged.connect(self._fill_base)
        for spin in (self.signatures_spin, self.base_spin):
            spin.valueChanged.connect(self._show_reason)
        self._fill_base()

    def _fill_base(self) -> None:
        if self._registry is not None:
            self.base_spin.setValue(proposal_base(self._registry, self.body_combo.current_value(),
                                                  to_date(self.date_edit.date())))
        self._show_reason()

    def proposal(self) -> ConveneProposal:
        return make_proposal(self.body_combo.current_value(), to_date(self.date_edit.date()),
                             self.subject_edit.text(), self.signatures_spin.value(), self.base_spin.value(),
                             self.lead_edit.text(), to_date(self.due_edit.date()) if self.due_check.isChecked()
                             else None)

    def _show_reason(self) -> None:
        body = self.body_combo.current_value()
        self.reason_label.setText(ConveneProposal(body, date.today(), "", self.signatures_spin.value(),
                                                  self.base_spin.value()).reason if self.base_spin.value() else "")

    def accept(self) -> None:
        try:
            self.result_proposal = self.proposal()
        except DomainError as error:
            self.error_label.setText(error.message)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, registry: RegistryFacts | None, today: date) -> ConveneProposal | None:
        dialog = cls(parent, registry, today)
        return dialog.result_proposal if dialog.exec() == QDialog.DialogCode.Accepted else None


class AnswerCommand(StoreCommand[Changed]):
    """关联会议: this meeting answered the proposal; undo unlinks it."""

    def __init__(self, store: ConveneStore, bus: DataBus, proposal: ConveneProposal, meeting_id: str) -> None:
        super().__init__(f"关联提议“{proposal.subject}”的会议", bus, None,
                         lambda: store.answer_proposal(proposal.id, meeting_id),
                         lambda _none: store.answer_proposal(proposal.id, proposal.meeting_id))


class ConvenePanel(QWidget):
    """Proposals and their status; registering is a legal record (confirmed, kept), linking is undoable."""

    def __init__(self, store: ConveneStore, meetings: MeetingStore, registry: RegistryFacts | None, bus: DataBus,
                 undo_stack: QUndoStack) -> None:
        super().__init__()
        self._store, self._meetings, self._registry = store, meetings, registry
        self._bus, self._undo_stack = bus, undo_stack
        self.model = ProposalsModel(store)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.new_button, self.answer_button = QPushButton("登记提议…"), QPushButton("关联已召开的会议…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.answer_button.clicked.connect(self._on_answer_button_clicked)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        tasks = self._store.proposals(open_only=True)
        late = [p for p in tasks if p.overdue(date.today())]
        self.summary_label.setText(
            (f"应当召集的会议：{len(tasks)} 项" + (f"，其中 {len(late)} 项已过召集期限" if late else "")
             + "。" + "；".join(f"{p.body.label}：{p.subject}" for p in tasks)) if tasks else "应当召集的会议：无")

    def _on_new_button_clicked(self) -> None:
        proposal = ProposalDialog.ask(self, self._registry, date.today())
        if proposal is None:
            return
        answer = QMessageBox.question(self, "登记提议", f"{proposal.reason}。\n登记后作为村务档案保存，不能撤销。确定登记吗？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changed = self._store.record_proposal(proposal)
        except DomainError as error:
            QMessageBox.warning(self, "未能登记", error.message)
            return
        self._bus.changed.emit(changed)

    def _on_answer_button_clicked(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, "关联会议", "请先在表中选中一项提议。")
            return
        proposal = self.model.proposal_at(index.row())
        choices = [s for s in self._meetings.list_meetings(type_code=proposal.body.value) if s.on >= proposal.received]
        if not choices:
            QMessageBox.information(self, "关联会议", f"收到提议以后还没有{proposal.body.label}的记录。请先新建会议记录。")
            return
        labels = [f"{s.number}　{s.on.isoformat()}　{s.place}" for s in choices]
        picked, ok = QInputDialog.getItem(self, "关联会议", f"回应“{proposal.subject}”的{proposal.body.label}：",
                                          labels, 0, False)
        if ok:
            self.answer(proposal, choices[labels.index(picked)].id)

    def answer(self, proposal: ConveneProposal, meeting_id: str) -> None:
        command = AnswerCommand(self._store, self._bus, proposal, meeting_id)
        error = push_command(self._undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "未能关联", error.message)


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _count() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 1000000)
    return spin
