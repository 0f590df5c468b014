"""退回 — the question before a pending entry is refused (R36): that it will never count and stays in the ledger
marked as rejected, and the reason (required), which the recorder reads in the entry's history."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.points.ledger import LedgerEntry


class RejectEntryDialog(QDialog):
    def __init__(self, entries: list[LedgerEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("退回记录"))
        form = QFormLayout(self)
        first = entries[0]
        what = self.tr("户号 {0} {1} {2} {3:+d} 分").format(first.household_no, first.on.isoformat(),
                                                          first.item_name or first.kind.label, first.points)
        if len(entries) > 1:
            what += self.tr(" 等 {0} 条").format(len(entries))
        question = QLabel(self.tr("退回 {0}：退回后不计入积分，记录保留并标明已退回、退回人和理由，不能再确认。"
                                  "如确有此事，请重新录入。").format(what))
        question.setWordWrap(True)
        form.addRow(question)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("如：签到表上没有这一户"))
        form.addRow(self.tr("退回理由："), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("退回"))
        self.ok_button.setEnabled(False)  # no rejection without a reason (the store refuses one too)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        form.addRow(self.buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, entries: list[LedgerEntry]) -> str | None:
        """The reason given, or None when the clerk cancels."""
        dialog = cls(entries, parent)
        try:
            return dialog.reason if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
