"""Dialogs of the lists screen: nomination, a step's note (with override), objection, answer, naming consent, and
the date and signer (落款) of a print."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QWidget)

from models.core.errors import DomainError
from models.lists.entries import ArticleRef, ListKind
from models.registry.households import SearchHit
from ui.widgets.choice_combo import ChoiceCombo

PersonSearch = Callable[[str], Sequence[SearchHit]]


@dataclass(frozen=True)
class NominationInput:
    """What the nomination dialog returns."""

    household_no: str
    list_kind: ListKind
    period: str
    article: str
    facts: str
    proposer: str
    honour: str
    consequence: str = ""
    occurred_on: date | None = None
    villager_id: str = ""  # one villager of the household, or "" for the household (its head)


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class NominationDialog(QDialog):
    """提名 — a household, the list, the period, the article of the rules in force and neutral facts."""

    def __init__(self, period: str, proposer: str, articles: list[ArticleRef], parent: QWidget | None = None,
                 search: PersonSearch | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("提名上榜")
        self._search = search
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.household_edit, self.period_edit = QLineEdit(), QLineEdit(period)
        self.kind_combo: ChoiceCombo[ListKind] = ChoiceCombo()
        self.article_combo: ChoiceCombo[str] = ChoiceCombo()
        for kind in ListKind:
            self.kind_combo.add_choice(kind.label, kind)
        self.article_combo.add_choice("（不引用条款）", "")
        for article in articles:
            self.article_combo.add_choice(f"{article.number} {article.short_text}", article.number)
        self.facts_edit, self.proposer_edit, self.honour_edit = QPlainTextEdit(), QLineEdit(proposer), QLineEdit()
        self.facts_edit.setPlaceholderText("写清时间、地点和行为，例如“3月2日在村道旁堆放建筑垃圾，经提醒未清理”")
        self.occurred_check, self.occurred_edit = QCheckBox("填写"), QDateEdit(QDate.currentDate())
        self.occurred_edit.setCalendarPopup(True)
        self.occurred_edit.setDisplayFormat("yyyy年M月d日")
        self.occurred_edit.setEnabled(False)
        self.occurred_check.toggled.connect(self.occurred_edit.setEnabled)
        occurred = QHBoxLayout()
        occurred.addWidget(self.occurred_check)
        occurred.addWidget(self.occurred_edit, 1)
        self.consequence_edit = QLineEdit()
        self.consequence_edit.setPlaceholderText("如“本年度不参加评优评先”“扣减积分 5 分”")
        person = self._build_person_row()
        for label, widget in (("户号：", self.household_edit), ("个人（可选）：", person), ("榜单：", self.kind_combo),
                              ("期次：", self.period_edit), ("依据条款：", self.article_combo),
                              ("事实：", self.facts_edit), ("发生日期：", occurred),
                              ("荣誉项目（红榜）：", self.honour_edit), ("上榜后果：", self.consequence_edit),
                              ("提名人：", self.proposer_edit)):
            form.addRow(label, widget)
        form.addRow(_hint("只写行为事实，不用贬损性词语；不写身份证号、电话、住址、健康或家庭情况。"
                          "黄榜、黑榜必须引用现行村规民约的条款。上榜后果只能是评优评先、积分或村里自设的奖励，"
                          "不得涉及低保、养老金、征地补偿、入学等法定权益。"))
        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        _buttons(self, form)
        # Given by the caller: writes the nomination while the dialog is open; a refusal (returned) is shown here
        # and the dialog stays open with what was typed.
        self.save: Callable[[NominationInput], DomainError | None] | None = None

    def accept(self) -> None:
        if self.save is not None:
            refusal = self.save(self.value())
            if refusal is not None:
                self.error_label.setText(refusal.message)
                return
        super().accept()

    def _build_person_row(self) -> QWidget:
        """Search the registry (name, pinyin initials, household number) and pick one villager, or the household."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person_search_edit = QLineEdit()
        self.person_combo: ChoiceCombo[SearchHit | None] = ChoiceCombo()
        self.person_search_edit.setPlaceholderText("输入姓名、拼音首字母或户号查找")
        self.person_combo.setMinimumWidth(200)
        self.person_combo.add_choice("（全户，以户主为对象）", None)
        layout.addWidget(self.person_search_edit, 1)
        layout.addWidget(self.person_combo, 1)
        row.setVisible(self._search is not None)
        self.person_search_edit.textChanged.connect(self._on_person_search_edit_text_changed)
        self.person_combo.currentIndexChanged.connect(self._on_person_combo_current_index_changed)
        return row

    def _on_person_search_edit_text_changed(self, text: str) -> None:
        hits = [hit for hit in (self._search(text) if self._search and text.strip() else ()) if hit.villager_id]
        self.person_combo.blockSignals(True)
        self.person_combo.clear_choices()
        self.person_combo.add_choice("（全户，以户主为对象）", None)
        for hit in hits[:50]:
            self.person_combo.add_choice(f"{hit.name}（第{hit.household_no}户）", hit)
        self.person_combo.blockSignals(False)
        if hits:
            self.person_combo.setCurrentIndex(1)
            self._on_person_combo_current_index_changed(1)

    def _on_person_combo_current_index_changed(self, _index: int) -> None:
        hit = self.person_combo.current_value()
        if isinstance(hit, SearchHit):
            self.household_edit.setText(hit.household_no)

    def value(self) -> NominationInput:
        hit = self.person_combo.current_value()
        villager = hit.villager_id if isinstance(hit, SearchHit) and hit.villager_id else ""
        return NominationInput(self.household_edit.text().strip(), self.kind_combo.current_value(),
                               self.period_edit.text().strip(), self.article_combo.current_value() or "",
                               self.facts_edit.toPlainText().strip(), self.proposer_edit.text().strip(),
                               self.honour_edit.text().strip(), self.consequence_edit.text().strip(),
                               self._occurred_on(), villager)

    def _occurred_on(self) -> date | None:
        if not self.occurred_check.isChecked():
            return None
        day = self.occurred_edit.date()
        return date(day.year(), day.month(), day.day())

    @classmethod
    def ask(cls, parent: QWidget | None, period: str, proposer: str, articles: list[ArticleRef],
            search: PersonSearch | None = None,
            save: Callable[[NominationInput], DomainError | None] | None = None) -> NominationInput | None:
        """What was nominated (written by `save` before the dialog closed), or None when cancelled."""
        dialog = cls(period, proposer, articles, parent, search)
        dialog.save = save
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class StepDialog(QDialog):
    """推进一步 — a note for the record and, for an approver, an override reason (特批)."""

    def __init__(self, title: str, warning: str, allow_override: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.note_edit, self.override_edit = QLineEdit(), QLineEdit()
        form.addRow("说明：", self.note_edit)
        if allow_override:
            form.addRow("特批理由（确需越过提示时填写）：", self.override_edit)
        form.addRow(_hint(warning))
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, warning: str,
            allow_override: bool = False) -> tuple[str, str] | None:
        dialog = cls(title, warning, allow_override, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note_edit.text().strip(), dialog.override_edit.text().strip()


class ObjectionDialog(QDialog):
    """登记异议 — who objects and what they say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记异议")
        form = QFormLayout(self)
        self.raised_by_edit, self.content_edit = QLineEdit(), QPlainTextEdit()
        form.addRow("异议人：", self.raised_by_edit)
        form.addRow("异议内容：", self.content_edit)
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, str] | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.raised_by_edit.text().strip(), dialog.content_edit.toPlainText().strip()


class AnswerDialog(QDialog):
    """答复异议 — the answer and whether the objection is upheld (then the entry comes down)."""

    def __init__(self, content: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("答复异议")
        form = QFormLayout(self)
        form.addRow(_hint(f"异议内容：{content}"))
        self.answer_edit, self.upheld_check = QPlainTextEdit(), QCheckBox("异议成立（条目随即撤榜）")
        form.addRow("答复：", self.answer_edit)
        form.addRow("", self.upheld_check)
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, content: str) -> tuple[str, bool] | None:
        dialog = cls(content, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer_edit.toPlainText().strip(), dialog.upheld_check.isChecked()


class ConsentDialog(QDialog):
    """公开姓名的依据 — separate written consent or a statutory basis (R31): of the household, or of one villager."""

    def __init__(self, household_no: str, villager: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录公开姓名的依据")
        form = QFormLayout(self)
        self.household_edit, self.note_edit = QLineEdit(household_no), QLineEdit()
        self.kind_combo: ChoiceCombo[str] = ChoiceCombo()
        self.villager_edit = QLineEdit(villager)
        self.villager_edit.setPlaceholderText("空着为全户；只为一位村民记录时填姓名或村民编号")
        self.all_members_check = QCheckBox("全户依据涵盖全体成员（每位成年成员均已同意）")
        self.kind_combo.add_choice("单独同意（书面）", "consent")
        self.kind_combo.add_choice("法定依据", "statutory")
        self.note_edit.setPlaceholderText("如“户主杨老三 2025年3月1日书面同意，原件存村委会”")
        form.addRow("户号：", self.household_edit)
        form.addRow("村民（可选）：", self.villager_edit)
        form.addRow("", self.all_members_check)
        form.addRow("依据：", self.kind_combo)
        form.addRow("说明：", self.note_edit)
        form.addRow(_hint("没有记录依据的户，榜上只显示小组和户号；黑榜默认不具名。提名户内某一位村民的条目，"
                          "须有这位村民本人的依据，或涵盖全体成员的全户依据。"))
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, household_no: str,
            villager: str = "") -> tuple[str, str, str, str, bool] | None:
        """(户号, consent|statutory, 说明, 村民 or "", 涵盖全体成员) or None when cancelled."""
        dialog = cls(household_no, villager, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.household_edit.text().strip(), dialog.kind_combo.current_value() or "", dialog.note_edit.text().strip(),
                dialog.villager_edit.text().strip(), dialog.all_members_check.isChecked())


@dataclass(frozen=True)
class PrintOptions:
    """What the print dialog returns: the date the product is dated and signed, and the 落款."""

    on: date
    signer: str


class PrintOptionsDialog(QDialog):
    """打印 — the date printed on the product and the signer (落款), as `print board|list-* --date --signer` take."""

    def __init__(self, title: str, date_label: str, today: date, signer: str, hint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._default_signer = signer
        form = QFormLayout(self)
        self.date_edit, self.signer_edit = QDateEdit(QDate(today.year, today.month, today.day)), QLineEdit(signer)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.signer_edit.setPlaceholderText(signer)
        form.addRow(date_label, self.date_edit)
        form.addRow("落款：", self.signer_edit)
        form.addRow(_hint(hint + "落款空着时用“" + signer + "”。"))
        _buttons(self, form)

    def value(self) -> PrintOptions:
        day = self.date_edit.date()
        return PrintOptions(date(day.year(), day.month(), day.day()), self.signer_edit.text().strip()
                            or self._default_signer)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, date_label: str, today: date, signer: str,
            hint: str) -> PrintOptions | None:
        dialog = cls(title, date_label, today, signer, hint, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
