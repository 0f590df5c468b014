"""The care screen's four small forms, each acting on the household selected above: 登记走访, 关怀等级, 联户人 and
网格归属. They only read what was typed; the screen turns it into a store write."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QWidget)

from models.care.care import ContactLine, ReasonClass
from models.registry.grids import GridLevel
from models.registry.households import CareLevel
from ui.widgets.choice_combo import ChoiceCombo


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class VisitForm(QWidget):
    """登记走访 — who, when, what was found; optionally a villagers' matter (when the matters area is installed)."""

    def __init__(self, today: date, takes_matters: bool, absent_note: str) -> None:
        super().__init__()
        self.visitor_edit, self.date_edit = QLineEdit(), date_edit(today)
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setFixedHeight(54)
        self.findings_edit.setPlaceholderText(self.tr("看到了什么，群众反映了什么"))
        self.matter_check = QCheckBox(self.tr("发现的问题转为群众事项"))
        self.matter_check.setEnabled(takes_matters)
        if not takes_matters:
            self.matter_check.setToolTip(absent_note)
        self.save_button = QPushButton(self.tr("保存走访记录"))
        form = QFormLayout(self)
        form.addRow(self.tr("走访人："), self.visitor_edit)
        form.addRow(self.tr("走访日期："), self.date_edit)
        form.addRow(self.tr("走访情况："), self.findings_edit)
        form.addRow(self.matter_check, self.save_button)


class LevelForm(QWidget):
    """关怀等级 — level, reason class (sensitive: never printed for the public), review date, who decided."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.level_combo: ChoiceCombo[CareLevel] = ChoiceCombo()
        self.level_combo.add_choices((f"{level.label}（{level.value}）", level) for level in CareLevel)
        self.reason_combo: ChoiceCombo[ReasonClass] = ChoiceCombo()
        self.reason_combo.add_choices((reason.value, reason) for reason in ReasonClass)
        self.review_edit = date_edit(today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29)
                                     else today.replace(year=today.year + 1, day=28))
        self.decided_edit = QLineEdit()
        self.decided_edit.setPlaceholderText(self.tr("例如：村两委会议"))
        self.save_button = QPushButton(self.tr("保存评定"))
        form = QFormLayout(self)
        form.addRow(self.tr("等级："), self.level_combo)
        form.addRow(self.tr("原因类别（不公开）："), self.reason_combo)
        form.addRow(self.tr("复核日期："), self.review_edit)
        form.addRow(self.tr("评定人："), self.decided_edit)
        form.addRow("", self.save_button)


class ContactForm(QWidget):
    """联户人 — the line and the villager (name or id; an ambiguous name is refused with the candidates)."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.line_combo: ChoiceCombo[ContactLine] = ChoiceCombo()
        self.line_combo.add_choices((line.label, line) for line in ContactLine)
        self.villager_edit = QLineEdit()
        self.villager_edit.setPlaceholderText(self.tr("姓名或村民编号"))
        self.start_edit = date_edit(today)
        self.save_button = QPushButton(self.tr("保存联户人"))
        form = QFormLayout(self)
        form.addRow(self.tr("联系线："), self.line_combo)
        form.addRow(self.tr("联户人："), self.villager_edit)
        form.addRow(self.tr("起始日期："), self.start_edit)
        form.addRow("", self.save_button)


class GridForm(QWidget):
    """网格归属 — the leaf grid and the day the household belongs to it from."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.grid_combo: ChoiceCombo[str] = ChoiceCombo()
        self.start_edit = date_edit(today)
        self.save_button = QPushButton(self.tr("归入网格"))
        form = QFormLayout(self)
        form.addRow(self.tr("网格："), self.grid_combo)
        form.addRow(self.tr("起始日期："), self.start_edit)
        form.addRow("", self.save_button)


class GridSettingsForm(QWidget):
    """网格设置 — the selected grid's level, its parent grid and its 网格员 (name or id), in one row."""

    def __init__(self) -> None:
        super().__init__()
        self.level_combo: ChoiceCombo[GridLevel] = ChoiceCombo()
        self.level_combo.add_choices((f"{level.label}网格", level) for level in GridLevel)
        self.parent_combo: ChoiceCombo[str | None] = ChoiceCombo()
        self.member_edit = QLineEdit()
        self.member_edit.setPlaceholderText(self.tr("网格员姓名或村民编号"))
        self.save_button = QPushButton(self.tr("保存网格设置"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.tr("层级："), self.level_combo), (self.tr("上级："), self.parent_combo),
                              (self.tr("网格员："), self.member_edit)):
            row.addWidget(QLabel(label))
            row.addWidget(widget, 1)
        row.addWidget(self.save_button)
