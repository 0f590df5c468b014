"""Dialogs of the minutes screen: new record, finalise (host and recorder confirm), amendment (补正), 本省规定."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from models.core.errors import DomainError
from models.minutes.record import ITEM_FIELDS, MEETING_FIELDS, current_text, effective
from models.minutes.settings import ProvinceRules, make_province_rules
from models.minutes.types import MeetingTypeSpec
from models.minutes.meetings import Meeting
from ui.widgets.choice_combo import ChoiceCombo


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewMeetingDialog(QDialog):
    """新建会议记录: the type and date fix the record number, so they are asked first."""

    def __init__(self, parent: QWidget | None, types: tuple[MeetingTypeSpec, ...], today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建会议记录")
        self.type_combo: ChoiceCombo[str] = ChoiceCombo()
        for spec in types:
            self.type_combo.add_choice(spec.label, spec.code)
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow("会议类型：", self.type_combo)
        form.addRow("会议日期：", self.date_edit)
        form.addRow(_buttons(self, "新建"))

    @classmethod
    def ask(cls, parent: QWidget | None, types: tuple[MeetingTypeSpec, ...], today: date) -> tuple[str, date] | None:
        dialog = cls(parent, types, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.type_combo.current_value(), to_date(dialog.date_edit.date())


class FinaliseDialog(QDialog):
    """定稿: host and recorder each confirm; the dialog says plainly that this cannot be undone."""

    def __init__(self, parent: QWidget | None, meeting: Meeting) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"定稿 {meeting.number}")
        layout = QVBoxLayout(self)
        notice = QLabel("定稿后记录不能再修改，也不能撤销；以后的更正只能以“补正”方式附在记录后面（注明日期和理由）。")
        notice.setWordWrap(True)
        self.host_check = QCheckBox(f"主持人 {meeting.host or '（未填）'} 已核对并确认记录")
        self.recorder_check = QCheckBox(f"记录人 {meeting.recorder or '（未填）'} 已核对并确认记录")
        for widget in (notice, self.host_check, self.recorder_check):
            layout.addWidget(widget)
        layout.addWidget(_buttons(self, "定稿"))

    @classmethod
    def ask(cls, parent: QWidget | None, meeting: Meeting) -> tuple[bool, bool] | None:
        dialog = cls(parent, meeting)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.host_check.isChecked(), dialog.recorder_check.isChecked()


@dataclass(frozen=True)
class AmendmentRequest:
    """补正 asked for: which field, the corrected text, why, and on which date."""

    field_name: str
    after: str
    reason: str
    on: date


class AmendDialog(QDialog):
    """补正: pick the field (meeting field or one item's field), give the corrected text and a reason."""

    def __init__(self, parent: QWidget | None, meeting: Meeting, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"补正 {meeting.number}")
        self.field_combo: ChoiceCombo[str] = ChoiceCombo()
        for name, label in MEETING_FIELDS.items():
            self.field_combo.add_choice(label, name)
        for number, item in enumerate(meeting.items, start=1):
            for name, label in ITEM_FIELDS.items():
                self.field_combo.add_choice(f"第 {number} 项“{item.title}”·{label}", f"items.{number}.{name}")
        self._meeting = effective(meeting)
        self.after_edit = QPlainTextEdit()
        self.after_edit.setFixedHeight(110)
        self.after_edit.setPlaceholderText("发言记录每行“发言人：要点”；逐人表决每行“姓名：赞成”（反对、弃权、未投票）")
        self.field_combo.currentIndexChanged.connect(self._show_current)
        self._show_current()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(70)
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow("补正项目：", self.field_combo)
        form.addRow("更正为：", self.after_edit)
        form.addRow("补正理由：", self.reason_edit)
        form.addRow("补正日期：", self.date_edit)
        form.addRow(_buttons(self, "添加补正"))

    def _show_current(self) -> None:
        """Start from the record as it now reads (with earlier 补正), so a speech or a vote is corrected in place."""
        self.after_edit.setPlainText(current_text(self._meeting, self.field_combo.current_value()))

    @classmethod
    def ask(cls, parent: QWidget | None, meeting: Meeting, today: date) -> AmendmentRequest | None:
        dialog = cls(parent, meeting, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return AmendmentRequest(dialog.field_combo.current_value(), dialog.after_edit.toPlainText(),
                                dialog.reason_edit.toPlainText(), to_date(dialog.date_edit.date()))


@dataclass(frozen=True)
class ProgressRequest:
    """进展 to record: date, new status, what was done, and the result report when closing."""

    on: date
    status: str
    note: str
    result_report: str


class ProgressDialog(QDialog):
    """登记落实进展: each entry is dated and kept in the item's timeline."""

    def __init__(self, parent: QWidget | None, title: str, statuses: list[tuple[str, str]], today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"登记落实进展：{title}")
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.status_combo: ChoiceCombo[str] = ChoiceCombo()
        for value, label in statuses:
            self.status_combo.add_choice(label, value)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(70)
        self.report_edit = QPlainTextEdit()
        self.report_edit.setFixedHeight(70)
        self.report_edit.setPlaceholderText("办结时填写落实结果（用于实施结果公开）")
        form = QFormLayout(self)
        form.addRow("日期：", self.date_edit)
        form.addRow("状态：", self.status_combo)
        form.addRow("进展情况：", self.note_edit)
        form.addRow("落实结果：", self.report_edit)
        form.addRow(_buttons(self, "登记"))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, statuses: list[tuple[str, str]],
            today: date) -> ProgressRequest | None:
        dialog = cls(parent, title, statuses, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return ProgressRequest(to_date(dialog.date_edit.date()), dialog.status_combo.current_value(),
                               dialog.note_edit.toPlainText(), dialog.report_edit.toPlainText())


@dataclass(frozen=True)
class StageRequest:
    """四议两公开 stage to record: the linked meeting (deliberations) or publication and opinion (disclosures)."""

    on: date
    meeting_id: str
    publication: str
    supervision_opinion: str


class StageDialog(QDialog):
    """登记环节: a deliberation stage picks its finalised meeting; a disclosure gives where and the opinion."""

    def __init__(self, parent: QWidget | None, stage_label: str, meetings: list[tuple[str, str]],
                 today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"登记环节：{stage_label}")
        form = QFormLayout(self)
        self.meeting_combo: ChoiceCombo[str] = ChoiceCombo()
        for meeting_id, text in meetings:
            self.meeting_combo.add_choice(text, meeting_id)
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.publication_edit = QLineEdit()
        self.publication_edit.setPlaceholderText("公开地点、方式和公告编号")
        self.opinion_edit = QLineEdit()
        if meetings:
            form.addRow("依据的会议记录：", self.meeting_combo)
        else:
            form.addRow("公开日期：", self.date_edit)
            form.addRow("公开情况：", self.publication_edit)
            form.addRow("监委会监督意见：", self.opinion_edit)
        form.addRow(_buttons(self, "登记"))

    @classmethod
    def ask(cls, parent: QWidget | None, stage_label: str, meetings: list[tuple[str, str]],
            today: date) -> StageRequest | None:
        dialog = cls(parent, stage_label, meetings, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return StageRequest(to_date(dialog.date_edit.date()), dialog.meeting_combo.current_value() or "",
                            dialog.publication_edit.text(), dialog.opinion_edit.text())


class ProvinceDialog(QDialog):
    """本省规定 (R8): may a representatives' meeting vote village rules and the charter here, and on what basis."""

    def __init__(self, parent: QWidget | None, current: ProvinceRules) -> None:
        super().__init__(parent)
        self.setWindowTitle("本省规定")
        self.allow_check = QCheckBox("本省允许村民代表会议表决村规民约、自治章程")
        self.allow_check.setChecked(current.rules_by_representatives)
        self.basis_edit = QLineEdit(current.basis)
        self.basis_edit.setPlaceholderText("《××省实施〈中华人民共和国村民委员会组织法〉办法》第××条")
        self.basis_edit.setMinimumWidth(self.basis_edit.fontMetrics().horizontalAdvance(
            self.basis_edit.placeholderText()) + 24)  # the whole example shows, not "《××省实施〈中华…"
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        note = QLabel("默认须由村民会议表决（《村民委员会组织法》第二十七条）。选中后，村民代表会议表决的村规民约、"
                      "自治章程不再提醒，并在会议记录和决议公告上注明所依据的本省规定。")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow("", self.allow_check)
        form.addRow("法规依据：", self.basis_edit)
        form.addRow(self.error_label)
        form.addRow(_buttons(self, "保存"))

    def accept(self) -> None:
        try:
            self.rules = make_province_rules(self.allow_check.isChecked(), self.basis_edit.text())
        except DomainError as error:
            self.error_label.setText(error.message)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: ProvinceRules) -> ProvinceRules | None:
        dialog = cls(parent, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.rules
