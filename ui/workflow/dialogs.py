"""Dialogs of the workflow screen: reply to an opinion, reopen a step with a reason."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.workflow.steps import WorkflowStep
from models.workflow.records import Disposition, Opinion
from ui.widgets.choice_combo import ChoiceCombo


class ReplyDialog(QDialog):
    """答复意见 — disposition and reason."""

    def __init__(self, opinion: Opinion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"答复{opinion.title}")
        layout = QVBoxLayout(self)
        text = QLabel(f"意见内容：{opinion.text}")
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.disposition_combo: ChoiceCombo[Disposition] = ChoiceCombo()
        for disposition in Disposition:
            self.disposition_combo.add_choice(disposition.label, disposition)
        self.reason_edit = QLineEdit()
        form.addRow("答复结论：", self.disposition_combo)
        form.addRow("理由：", self.reason_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, opinion: Opinion) -> tuple[Disposition, str] | None:
        dialog = cls(opinion, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.disposition_combo.current_value(), dialog.reason_edit.text()


class ReopenDialog(QDialog):
    """退回步骤 — which finished step, and why (recorded)."""

    def __init__(self, steps: list[WorkflowStep], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("退回步骤")
        form = QFormLayout(self)
        self.step_combo: ChoiceCombo[WorkflowStep] = ChoiceCombo()
        for step in steps:
            self.step_combo.add_choice(f"{step.number} {step.label}", step)
        self.reason_edit = QLineEdit()
        form.addRow("退回到：", self.step_combo)
        self.reason_edit.setPlaceholderText("例如“乡镇审查意见要求修改第九条”")
        form.addRow("退回原因：", self.reason_edit)
        form.addRow(QLabel("之后已进行的步骤将标为“需重做”，记录保留备查。此操作不能撤销。"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        # The reason is recorded and required (models.workflow.steps.reopen_by_order): ask for it here, where the
        # clerk is typing, instead of closing the dialog and refusing afterwards.
        if not self.reason_edit.text().strip():
            self.error_label.setText("请写明退回的原因。")
            self.reason_edit.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, steps: list[WorkflowStep]) -> tuple[WorkflowStep, str] | None:
        dialog = cls(steps, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.step_combo.current_value(), dialog.reason_edit.text()
