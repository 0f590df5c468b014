"""Registry edit dialogs: household, villager, status (deceased / moved out) and role; each has ask()."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.registry.households import (Gender, Grid, Household, RoleCode, RoleHolding, VillageGroup, Villager,
                             VillagerStatus, tag_code)
from models.registry.roster import ETHNIC_GROUPS, POLITICAL_STATUSES, parse_date
from models.registry.villager_rules import check_villager
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.error_box import run_with_retry

T = TypeVar("T")
RELATIONS = ("户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "儿媳", "女婿", "兄弟", "姐妹", "祖父", "祖母", "其他")


class _FormDialog(QDialog):
    """A form with an error line and OK/Cancel; `_value()` builds the result or raises DomainError."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.setMinimumWidth(460)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.result_value: object | None = None
        # Given by the caller: writes the value while the dialog is open; False (refused, or an unexpected error
        # the clerk did not retry) keeps it open with what was typed.
        self.save: Callable[[Any], bool] | None = None

    def _on_buttons_accepted(self) -> None:
        try:
            value = self._value()
        except DomainError as error:
            self.error_label.setText(error.message)
            return
        save = self.save
        if save is not None and run_with_retry(lambda: save(value), self) is not True:
            return
        self.result_value = value
        self.accept()

    def _value(self) -> object:
        raise DomainError("表单没有内容。")


def _combo(items: list[tuple[str, T]], current: T) -> ChoiceCombo[T]:
    combo: ChoiceCombo[T] = ChoiceCombo()
    combo.add_choices(items)
    combo.setCurrentIndex(max(combo.index_of(current), 0))
    return combo


class HouseholdDialog(_FormDialog):
    """户信息 — number, group, grid, address, phone, care level, notes (or only group and grid when moving)."""

    def __init__(self, parent: QWidget | None, household: Household, groups: list[VillageGroup],
                 grids: list[Grid], move_only: bool = False) -> None:
        super().__init__(parent, "迁移到其他组/网格" if move_only else "户信息")
        self._household, self._grids = household, grids
        self.number_edit = QLineEdit(household.household_no)
        self.group_combo = _combo([(g.name, g.id) for g in groups], household.group_id)
        self.grid_combo: ChoiceCombo[str | None] = ChoiceCombo()
        self.address_edit = QLineEdit(household.address)
        self.phone_edit = QLineEdit(household.phone)
        # R51–R52: a care level is decided in 网格关怀 (reason class, review date, contact person, who decided);
        # the registry only shows it, so no edit here can bypass those rules.
        self.care_label = QLabel(f"{household.care_level.label}（在“网格关怀”中评定）")
        self.notes_edit = QPlainTextEdit(household.notes)
        self.notes_edit.setFixedHeight(60)
        for label, widget in (("户号：", self.number_edit), ("村民小组：", self.group_combo),
                              ("网格：", self.grid_combo), ("地址：", self.address_edit),
                              ("联系电话：", self.phone_edit), ("关怀等级：", self.care_label),
                              ("备注：", self.notes_edit)):
            self.form.addRow(label, widget)
            widget.setEnabled(not move_only or widget in (self.group_combo, self.grid_combo))
        self.group_combo.currentIndexChanged.connect(self._on_group_combo_changed)
        self._on_group_combo_changed()
        self.grid_combo.setCurrentIndex(max(self.grid_combo.index_of(household.grid_id or None), 0))

    def _on_group_combo_changed(self) -> None:
        self.grid_combo.clear_choices()
        self.grid_combo.add_choice("（未分网格）", None)
        for grid in self._grids:
            if grid.group_id == self.group_combo.current_value():
                self.grid_combo.add_choice(grid.name, grid.id)

    def _value(self) -> Household:
        if not self.group_combo.current_value():
            raise DomainError("请先新建村民小组，再添加户。")
        return replace(self._household, household_no=self.number_edit.text().strip(),
                       group_id=self.group_combo.current_value(), grid_id=self.grid_combo.current_value() or None,
                       address=self.address_edit.text().strip(), phone=self.phone_edit.text().strip(),
                       notes=self.notes_edit.toPlainText().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, household: Household, groups: list[VillageGroup], grids: list[Grid],
            move_only: bool = False, save: Callable[[Household], bool] | None = None) -> Household | None:
        dialog = cls(parent, household, groups, grids, move_only)
        dialog.save = save
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class VillagerDialog(_FormDialog):
    """村民信息 — the person's own fields; the ID number is editable only with permission to see it."""

    def __init__(self, parent: QWidget | None, villager: Villager, can_view_ids: bool) -> None:
        super().__init__(parent, "村民信息")
        self._villager = villager
        self.name_edit = QLineEdit(villager.name)
        self.relation_combo = _editable(RELATIONS, villager.relation)
        self.gender_combo = _combo([("", None)] + [(g.label, g) for g in Gender], villager.gender)
        self.id_edit = QLineEdit(villager.id_number)
        self.id_edit.setEnabled(can_view_ids)
        if not can_view_ids:
            self.id_edit.setToolTip("您的角色不能查看或修改完整身份证号。")
        self.birth_edit = QLineEdit(villager.birth_date.isoformat() if villager.birth_date else "")
        self.birth_edit.setPlaceholderText("例如 1975-01-03；有身份证号时可不填")
        self.ethnicity_combo = _editable(sorted(ETHNIC_GROUPS, key=lambda e: (e not in ("侗族", "苗族", "汉族"), e)),
                                         villager.ethnicity)
        self.phone_edit = QLineEdit(villager.phone)
        self.political_combo = _editable(sorted(set(POLITICAL_STATUSES.values())), villager.political_status)
        self.away_check = QCheckBox("在外务工或居住")
        self.away_check.setChecked(villager.away)
        self.away_place_edit = QLineEdit(villager.away_place)
        for label, widget in (("姓名：", self.name_edit), ("与户主关系：", self.relation_combo),
                              ("性别：", self.gender_combo), ("身份证号：", self.id_edit),
                              ("出生日期：", self.birth_edit), ("民族：", self.ethnicity_combo),
                              ("联系电话：", self.phone_edit), ("政治面貌：", self.political_combo),
                              ("外出：", self.away_check), ("外出地点：", self.away_place_edit)):
            self.form.addRow(label, widget)

    def _value(self) -> Villager:
        text = self.birth_edit.text().strip()
        born = parse_date(text) if text else None
        if text and born is None:
            raise DomainError(f"出生日期“{text}”无法识别，请写成 1975-01-03 这样的年-月-日"
                              "（也可写 1975/1/3 或 1975年1月3日）。")
        number = self.id_edit.text().strip().upper()
        value = replace(self._villager, name=self.name_edit.text().strip(),
                        relation=self.relation_combo.currentText().strip(), gender=self.gender_combo.current_value(),
                        id_number=number, birth_date=born, ethnicity=self.ethnicity_combo.currentText().strip(),
                        phone=self.phone_edit.text().strip(), political_status=self.political_combo.currentText(),
                        away=self.away_check.isChecked(), away_place=self.away_place_edit.text().strip())
        check_villager(value, date.today())
        return value

    @classmethod
    def ask(cls, parent: QWidget | None, villager: Villager, can_view_ids: bool,
            save: Callable[[Villager], bool] | None = None) -> Villager | None:
        dialog = cls(parent, villager, can_view_ids)
        dialog.save = save
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


def _editable(items: tuple[str, ...] | list[str], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(items))
    combo.setCurrentText(current)
    return combo


class StatusDialog(_FormDialog):
    """标记已故或迁出 — asks for the date; the record stays in the registry."""

    def __init__(self, parent: QWidget | None, villager: Villager, status: VillagerStatus) -> None:
        super().__init__(parent, f"标记{status.label}")
        self._villager, self._status = villager, status
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(QLabel(f"将“{villager.name}”标记为{status.label}，记录仍保留在花名册中。"))
        self.form.addRow("日期：", self.date_edit)

    def _value(self) -> Villager:
        day = self.date_edit.date().toPython()
        if day > date.today():
            raise DomainError("日期不能晚于今天。")
        return replace(self._villager, status=self._status, status_date=day)

    @classmethod
    def ask(cls, parent: QWidget | None, villager: Villager, status: VillagerStatus) -> Villager | None:
        dialog = cls(parent, villager, status)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


class RoleDialog(_FormDialog):
    """添加身份, or edit one's dates — a built-in role (with post for 两委成员) or a user-defined tag."""

    def __init__(self, parent: QWidget | None, holding: RoleHolding, title: str = "添加身份") -> None:
        super().__init__(parent, title)
        self._holding = holding
        self.role_combo = _combo([(r.label, r.value) for r in RoleCode] + [("自定义标签", "tag")], "")
        self.post_edit = QLineEdit(holding.post)
        self.post_edit.setPlaceholderText("两委成员请填职务，如“村委会主任”；自定义标签填标签名")
        if holding.role.startswith("tag:"):
            self.role_combo.set_current_value("tag")
            self.post_edit.setText(holding.role[len("tag:"):])
        elif holding.role:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.index_of(holding.role)))
        self.start_edit = QLineEdit((holding.start_date or date.today()).isoformat() if not holding.role
                                    else (holding.start_date.isoformat() if holding.start_date else ""))
        self.end_edit = QLineEdit(holding.end_date.isoformat() if holding.end_date else "")
        self.start_edit.setPlaceholderText("例如 2026-12-06")
        self.end_edit.setPlaceholderText("例如 2026-12-06；空着表示仍在任")
        for label, widget in (("身份：", self.role_combo), ("职务/标签：", self.post_edit),
                              ("开始日期：", self.start_edit), ("结束日期：", self.end_edit)):
            self.form.addRow(label, widget)

    def _value(self) -> RoleHolding:
        start, end = _day(self.start_edit.text(), "开始日期"), _day(self.end_edit.text(), "结束日期")
        if start and end and end < start:
            raise DomainError("结束日期不能早于开始日期。")
        if end and end > date.today():
            raise DomainError("结束日期不能晚于今天；身份还没结束时请空着。")
        post = self.post_edit.text().strip()
        if self.role_combo.current_value() == "tag":
            if not post:
                raise DomainError("请填写自定义标签的名称。")
            return replace(self._holding, role=tag_code(post), post="", start_date=start, end_date=end)
        return replace(self._holding, role=self.role_combo.current_value(), post=post, start_date=start, end_date=end)

    @classmethod
    def ask(cls, parent: QWidget | None, holding: RoleHolding, title: str = "添加身份") -> RoleHolding | None:
        dialog = cls(parent, holding, title)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None  # type: ignore[return-value]


def _day(text: str, what: str) -> date | None:
    """An optional date typed as 2024-01-01 (or 2024/1/1, 2024年1月1日)."""
    if not text.strip():
        return None
    day = parse_date(text)
    if day is None:
        raise DomainError(f"{what}“{text.strip()}”无法识别，请写成 2026-12-06 这样的年-月-日"
                          "（也可写 2026/12/6 或 2026年12月6日）。")
    return day
