"""冲正兑换 — the question before a redemption is reversed: what goes back (the points to the household, the goods
to stock), that both rows stay on the ledger and the reversal cannot itself be undone, and the reason (required)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.points.goods import Redemption


class ReverseRedemptionDialog(QDialog):
    def __init__(self, redemption: Redemption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("冲正兑换"))
        form = QFormLayout(self)
        question = QLabel(self.tr("冲正兑换凭证 {0}（户号 {1}，{2}×{3}）：{4} 分退回该户，商品退回库存。"
                                  "兑换和冲正两条记录都保留，冲正后不能撤销。").format(
            redemption.number, redemption.household_no, redemption.goods_name, redemption.quantity,
            redemption.points))
        question.setWordWrap(True)
        form.addRow(question)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("如：拿错了商品，已退回"))
        form.addRow(self.tr("冲正理由："), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("冲正"))
        self.ok_button.setEnabled(False)  # no reversal without a reason (the store refuses one too)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        form.addRow(self.buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, redemption: Redemption) -> str | None:
        """The reason given, or None when the clerk cancels."""
        dialog = cls(redemption, parent)
        try:
            return dialog.reason if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
