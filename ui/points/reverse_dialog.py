"""冲正 — the questions before a reversal, each with its reason (required): 冲正兑换 (what goes back: the points to the
household, the goods to stock) and 冲正记录 (a confirmed entry answered by an opposite one, R36); both rows stay on
the ledger and the reversal cannot itself be undone."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.points.goods import Redemption
from models.points.ledger import LedgerEntry


class _ReasonDialog(QDialog):
    """The question, the reason line and 冲正 (enabled once a reason is written)."""

    def __init__(self, title: str, text: str, example: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        question = QLabel(text)
        question.setWordWrap(True)
        form.addRow(question)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(example)
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

    def answer(self) -> str | None:
        """The reason given, or None when the clerk cancels."""
        try:
            return self.reason if self.exec() == QDialog.DialogCode.Accepted else None
        finally:
            self.deleteLater()


class ReverseRedemptionDialog(_ReasonDialog):
    def __init__(self, redemption: Redemption, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("冲正兑换"), self.tr(
            "冲正兑换凭证 {0}（户号 {1}，{2}×{3}）：{4} 分退回该户，商品退回库存。兑换和冲正两条记录都保留，冲正后不能撤销。"
        ).format(redemption.number, redemption.household_no, redemption.goods_name, redemption.quantity,
                 redemption.points), self.tr("如：拿错了商品，已退回"), parent)

    @classmethod
    def ask(cls, parent: QWidget | None, redemption: Redemption) -> str | None:
        """The reason given, or None when the clerk cancels."""
        return cls(redemption, parent).answer()


class ReverseEntryDialog(_ReasonDialog):
    """冲正记录: a confirmed entry is never edited; an opposite entry with the reason is recorded, and it counts once a
    second person confirms it, like any entry (R36)."""

    def __init__(self, entry: LedgerEntry, parent: QWidget | None = None) -> None:
        item = f"{entry.item_code} {entry.item_name}".strip() or entry.kind.label
        super().__init__(self.tr("冲正记录"), self.tr(
            "冲正 {0} 户号 {1} 的“{2}”{3:+d} 分：另记一条 {4:+d} 分的冲正记录，原记录不改，两条都保留；"
            "冲正记录也须另一位工作人员确认后才计入积分。冲正后不能撤销。").format(
            entry.on.isoformat(), entry.household_no, item, entry.points, -entry.points),
            self.tr("如：积分单户号填错，应为另一户"), parent)

    @classmethod
    def ask(cls, parent: QWidget | None, entry: LedgerEntry) -> str | None:
        """The reason given, or None when the clerk cancels."""
        return cls(entry, parent).answer()
