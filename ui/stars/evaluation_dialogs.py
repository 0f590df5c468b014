"""申报, 小组评议, 公示 and 公示异议: the steps before a star counts (R53), each a small form."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit,
                               QSpinBox, QWidget)

from models.core.notices import DEFAULT_PERIOD_DAYS, MIN_PERIOD_DAYS
from models.stars.evaluation import Route, StarObjection, Verdict
from ui.widgets.choice_combo import ChoiceCombo


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _text(height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    return edit


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)

    def finish(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)


@dataclass(frozen=True)
class Proposal:
    household: str
    star: str
    route: Route
    proposer: str
    on: date


class ProposeDialog(_Form):
    """申报 — the household applies, or someone nominates it (the nominator is named)."""

    def __init__(self, stars: Sequence[str], today: date, household: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("申请或推荐"), parent)
        self.household_edit, self.proposer_edit = QLineEdit(household), QLineEdit()
        self.star_combo: ChoiceCombo[str] = ChoiceCombo()
        self.star_combo.add_choices((star, star) for star in stars)
        self.route_combo: ChoiceCombo[Route] = ChoiceCombo()
        self.route_combo.add_choices((route.label, route) for route in Route)
        self.date_edit = _date_edit(today)
        for label, widget in ((self.tr("户号："), self.household_edit), (self.tr("星："), self.star_combo),
                              (self.tr("方式："), self.route_combo), (self.tr("推荐人："), self.proposer_edit),
                              (self.tr("申报日期："), self.date_edit)):
            self.form.addRow(label, widget)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, stars: Sequence[str], today: date, household: str = "") -> Proposal | None:
        dialog = cls(stars, today, household, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Proposal(dialog.household_edit.text().strip(), dialog.star_combo.current_value() or "",
                        dialog.route_combo.current_value() or Route.APPLIED, dialog.proposer_edit.text().strip(),
                        _day(dialog.date_edit))


class ReviewDialog(_Form):
    """小组评议 — passed or not (a rejection says why), on which day, chaired by whom."""

    def __init__(self, what: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("村民小组评议"), parent)
        self.verdict_combo: ChoiceCombo[Verdict] = ChoiceCombo()
        self.verdict_combo.add_choices((v.label, v) for v in (Verdict.PASSED, Verdict.REJECTED))
        self.note_edit, self.by_edit, self.date_edit = _text(), QLineEdit(), _date_edit(today)
        self.form.addRow(self.tr("申报："), QLineEdit(what, readOnly=True))
        for label, widget in ((self.tr("评议结果："), self.verdict_combo), (self.tr("评议意见："), self.note_edit),
                              (self.tr("主持人："), self.by_edit), (self.tr("评议日期："), self.date_edit)):
            self.form.addRow(label, widget)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, today: date) -> tuple[Verdict, str, str, date] | None:
        dialog = cls(what, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.verdict_combo.current_value() or Verdict.PASSED, dialog.note_edit.toPlainText().strip(),
                dialog.by_edit.text().strip(), _day(dialog.date_edit))


class PublicityDialog(_Form):
    """公示 — from which day, for how many days (7 by default, never fewer than 5)."""

    def __init__(self, year: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("公示 {0} 年度评定的星").format(year), parent)
        self.start_edit = _date_edit(today)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_PERIOD_DAYS, 30)
        self.days_spin.setValue(DEFAULT_PERIOD_DAYS)
        self.form.addRow(self.tr("公示开始："), self.start_edit)
        self.form.addRow(self.tr("公示天数："), self.days_spin)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, year: int, today: date) -> tuple[date, int] | None:
        dialog = cls(year, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return _day(dialog.start_edit), dialog.days_spin.value()


class StarObjectionDialog(_Form):
    """公示异议 — who raised it, on which day, what it says."""

    def __init__(self, what: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记公示异议"), parent)
        self.by_edit, self.content_edit, self.date_edit = QLineEdit(), _text(), _date_edit(today)
        self.form.addRow(self.tr("公示的星："), QLineEdit(what, readOnly=True))
        for label, widget in ((self.tr("提出人："), self.by_edit), (self.tr("异议内容："), self.content_edit),
                              (self.tr("收到日期："), self.date_edit)):
            self.form.addRow(label, widget)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, today: date) -> tuple[str, str, date] | None:
        dialog = cls(what, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.by_edit.text().strip(), dialog.content_edit.toPlainText().strip(), _day(dialog.date_edit)


class StarAnswerDialog(_Form):
    """答复异议 — which objection, the finding, upheld (the star is withdrawn) or not."""

    def __init__(self, objections: Sequence[StarObjection], today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("答复公示异议"), parent)
        self.objection_combo: ChoiceCombo[str] = ChoiceCombo()
        self.objection_combo.add_choices((f"{o.received_on} {o.raised_by}：{o.content}", o.id) for o in objections)
        self.upheld_combo: ChoiceCombo[bool] = ChoiceCombo()
        self.upheld_combo.add_choices(((self.tr("异议不成立"), False), (self.tr("异议成立（撤销这颗星）"), True)))
        self.answer_edit, self.date_edit = _text(), _date_edit(today)
        for label, widget in ((self.tr("异议："), self.objection_combo), (self.tr("结论："), self.upheld_combo),
                              (self.tr("答复："), self.answer_edit), (self.tr("答复日期："), self.date_edit)):
            self.form.addRow(label, widget)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, objections: Sequence[StarObjection],
            today: date) -> tuple[str, bool, str, date] | None:
        dialog = cls(objections, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.objection_combo.current_value() or "", bool(dialog.upheld_combo.current_value()),
                dialog.answer_edit.toPlainText().strip(), _day(dialog.date_edit))
