"""冲正 and 退回 — the questions before a reversal or a rejection, each with its reason (required): 冲正兑换 (what goes back: the points to the
household, the goods to stock) and 冲正记录 (a confirmed entry answered by an opposite one, R36); both rows stay on
the ledger and the reversal cannot itself be undone; 退回 (a pending entry refused, R36: it never counts, and stays
in the ledger marked as rejected with the reason, which the recorder reads in the entry's history)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.points.goods import Redemption
from models.points.ledger import LedgerEntry


class _ReasonDialog(QDialog):
    """The question, the reason line and the action's button (冲正, 退回), enabled once a reason is written (the
    store refuses an empty one too)."""

    def __init__(self, title: str, text: str, example: str, parent: QWidget | None, action: str = "冲正") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        question = QLabel(text)
        question.setWordWrap(True)
        form.addRow(question)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(example)
        form.addRow(self.tr("{0}理由：").format(action), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setEnabled(False)
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


class RejectEntryDialog(_ReasonDialog):
    def __init__(self, entries: list[LedgerEntry], parent: QWidget | None = None) -> None:
        first = entries[0]
        what = self.tr("户号 {0} {1} {2} {3:+d} 分").format(first.household_no, first.on.isoformat(),
                                                          first.item_name or first.kind.label, first.points)
        if len(entries) > 1:
            what += self.tr(" 等 {0} 条").format(len(entries))
        super().__init__(self.tr("退回记录"), self.tr(
            "退回 {0}：退回后不计入积分，记录保留并标明已退回、退回人和理由，不能再确认。如确有此事，请重新录入。"
        ).format(what), self.tr("如：签到表上没有这一户"), parent, action=self.tr("退回"))

    @classmethod
    def ask(cls, parent: QWidget | None, entries: list[LedgerEntry]) -> str | None:
        """The reason given, or None when the clerk cancels."""
        return cls(entries, parent).answer()
