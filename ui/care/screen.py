"""网格关怀 screen: every household with its care level, contact people, last visit and the next due one (overdue
first); the grids with their level, households and size warning; four forms acting on the selected household.

The care reason (R51) is not in any table: 查看关怀原因 reads it for a role that may, and the store audits it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from models.care.care import CareRow, Visit, rating_for
from models.care.services import GridRow, care_list, grid_rows, villager_by_key
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from ui.care.commands import AddVisitCommand, SaveGridCommand, SetContactCommand, SetLevelCommand
from ui.care.forms import ContactForm, GridForm, GridSettingsForm, LevelForm, VisitForm, day_of
from ui.care.table_model import grid_model, household_model, table_view
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand, push_command

RELOAD_ON = (Entity.CARE_CONTACT, Entity.CARE_LEVEL, Entity.CARE_VISIT, Entity.CARE_SETTINGS, Entity.HOUSEHOLD,
             Entity.GRID, Entity.VILLAGER, Entity.VILLAGE_GROUP)
MATTERS_ABSENT = "“群众事项”功能尚未安装，走访发现的问题暂时不能一步转为群众事项。"


class CareScreen(QWidget):
    """网格关怀 — households and grids above, the selected household's forms below."""

    def __init__(self, stores: Stores, bus: DataBus, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._stores, self._bus, self.today = stores, bus, today
        self.undo_stack = QUndoStack(self)
        self._build_ui()
        self._connect()
        self._bus.changed.connect(self._on_bus_changed)
        self.reload()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.overdue_check = QCheckBox(self.tr("只看逾期未走访"))
        self.cared_check = QCheckBox(self.tr("只看关心户和连心户"))
        self.reason_button = QPushButton(self.tr("查看关怀原因…"))
        self.summary_label = QLabel()
        for widget in (self.overdue_check, self.cared_check, self.summary_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.reason_button)
        layout.addLayout(top)
        self.households_model, self.grids_model = household_model(), grid_model()
        self.households_view, self.grids_view = table_view(self.households_model), table_view(self.grids_model)
        self.lists_tabs = QTabWidget()
        self.lists_tabs.addTab(self.households_view, self.tr("户与关怀"))
        grids_page = QWidget()
        grids_layout = QVBoxLayout(grids_page)
        self.grid_settings = GridSettingsForm()
        grids_layout.addWidget(self.grids_view, 1)
        grids_layout.addWidget(self.grid_settings)
        self.grid_settings.setEnabled(False)
        self.lists_tabs.addTab(grids_page, self.tr("网格"))
        layout.addWidget(self.lists_tabs, 1)
        self.detail_label = QLabel(self.tr("请在上面选择一户。"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        today = self.today()
        self.visit_form = VisitForm(today, self._stores.care_visits.takes_matters, MATTERS_ABSENT)
        self.level_form, self.contact_form = LevelForm(today), ContactForm(today)
        self.grid_form = GridForm(today)
        self.forms_tabs = QTabWidget()
        for form, label in ((self.visit_form, "登记走访"), (self.level_form, "关怀等级"),
                            (self.contact_form, "联户人"), (self.grid_form, "网格归属")):
            self.forms_tabs.addTab(form, self.tr(label))
        self.forms_tabs.setEnabled(False)
        layout.addWidget(self.forms_tabs)

    def _connect(self) -> None:
        self.overdue_check.toggled.connect(lambda _on: self.reload())
        self.cared_check.toggled.connect(lambda _on: self.reload())
        self.households_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.reason_button.clicked.connect(self._on_reason_button_clicked)
        self.visit_form.save_button.clicked.connect(self._on_visit_save_clicked)
        self.level_form.save_button.clicked.connect(self._on_level_save_clicked)
        self.contact_form.save_button.clicked.connect(self._on_contact_save_clicked)
        self.grid_form.save_button.clicked.connect(self._on_grid_save_clicked)
        self.grids_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_grid())
        self.grid_settings.save_button.clicked.connect(self._on_grid_settings_save_clicked)

    # --- reading ----------------------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.selected.household_id if self.selected else ""
        listing = care_list(self._stores, self.today(), self.overdue_check.isChecked(), self.cared_check.isChecked())
        self.households_model.read(listing, keep_loaded=True)
        grids = grid_rows(self._stores)
        chosen_grid = self.selected_grid.grid.id if self.selected_grid else ""
        self.grids_model.set_rows(grids)
        self.grid_settings.parent_combo.clear_choices()
        self.grid_settings.parent_combo.add_choice(self.tr("（无：上级为本村或本组）"), None)
        self.grid_settings.parent_combo.add_choices((g.grid.name, g.grid.id) for g in grids)
        position = next((i for i, g in enumerate(grids) if g.grid.id == chosen_grid), -1)
        if position >= 0:
            self.grids_view.selectRow(position)
        self._show_grid()
        self.grid_form.grid_combo.clear_choices()
        self.grid_form.grid_combo.add_choices((f"{g.grid.name}（{g.households} 户）", g.grid.id) for g in grids)
        summary = self.tr("共 %1 户，逾期未走访 %2 户")
        self.summary_label.setText(summary.replace("%1", str(len(listing))).replace("%2", str(listing.overdue)))
        self.select_household(chosen)

    @property
    def selected(self) -> CareRow | None:
        index = self.households_view.currentIndex() if hasattr(self, "households_view") else None
        row = self.households_model.row_at(index.row()) if index is not None and index.isValid() else None
        return row if isinstance(row, CareRow) else None

    @property
    def selected_grid(self) -> GridRow | None:
        index = self.grids_view.currentIndex()
        rows = self.grids_model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _show_grid(self) -> None:
        row = self.selected_grid
        self.grid_settings.setEnabled(row is not None)
        if row is not None:
            self.grid_settings.level_combo.set_current_value(row.level)
            self.grid_settings.parent_combo.set_current_value(row.grid.parent_id)
            self.grid_settings.member_edit.setText(row.member)

    def select_household(self, household_id: str) -> None:
        position = self.households_model.row_of(household_id)
        if position >= 0:
            self.households_view.selectRow(position)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected
        self.forms_tabs.setEnabled(row is not None)
        if row is None:
            self.detail_label.setText(self.tr("请在上面选择一户。"))
            return
        visits = self._stores.care_visits.visits_of(row.household_id)[:3]
        recent = "；".join(f"{v.on.isoformat()} {v.visitor}：{v.findings}" for v in visits) or "尚无"
        self.detail_label.setText(f"第 {row.household_no} 户 {row.head_name}（{row.level.label}）　联户人："
                                  f"{row.contact or '未指定'}\n最近走访：{recent}")

    # --- writing ----------------------------------------------------------------------------------------------
    def _push(self, command: StoreCommand[Changed]) -> bool:
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
        return error is None

    def _on_visit_save_clicked(self) -> None:
        row, form = self.selected, self.visit_form
        if row is None:
            return
        visit = Visit("", row.household_id, form.visitor_edit.text(), day_of(form.date_edit),
                      form.findings_edit.toPlainText())
        if form.matter_check.isChecked():
            self._add_visit_as_matter(visit)
        elif self._push(AddVisitCommand(self._stores.care_visits, self._bus, visit, row.household_no)):
            form.findings_edit.clear()

    def _add_visit_as_matter(self, visit: Visit) -> None:
        """The visit and the villagers' matter it opens, in one step. Not on the undo stack: a matter once
        registered is closed or withdrawn through 群众说事's own procedure (R48), never undone from here."""
        try:
            changed = self._stores.care_visits.add_visit(visit, as_matter=True)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
            return
        self._bus.changed.emit(changed)
        self.visit_form.findings_edit.clear()
        self.visit_form.matter_check.setChecked(False)

    def _on_level_save_clicked(self) -> None:
        row, form = self.selected, self.level_form
        level = form.level_combo.current_value()
        if row is None or level is None:
            return
        try:
            rating = rating_for(row.household_id, level, form.reason_combo.current_value(), day_of(form.review_edit),
                                form.decided_edit.text() or self._stores.actor.name, self.today())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
            return
        self._push(SetLevelCommand(self._stores.care_levels, self._bus, rating, row.household_no))

    def _on_contact_save_clicked(self) -> None:
        row, form = self.selected, self.contact_form
        line = form.line_combo.current_value()
        if row is None or line is None:
            return
        try:
            person = villager_by_key(self._stores, form.villager_edit.text())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
            return
        self._push(SetContactCommand(self._stores.care_contacts, self._bus, row.household_id, line, person.id,
                                     day_of(form.start_edit), row.household_no))

    def _on_grid_save_clicked(self) -> None:
        row, grid_id = self.selected, self.grid_form.grid_combo.current_value()
        if row is None or grid_id is None:
            return
        try:  # the assignment keeps its own history (from/to dates): it is not undone from here
            changed = self._stores.grid_assignments.assign(row.household_id, grid_id, day_of(self.grid_form.start_edit))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
            return
        self._bus.changed.emit(changed)
        warning = next((g.warning for g in grid_rows(self._stores) if g.grid.id == grid_id), None)
        if warning:
            QMessageBox.information(self, self.tr("网格户数提醒"), warning)

    def _on_grid_settings_save_clicked(self) -> None:
        row, form = self.selected_grid, self.grid_settings
        level = form.level_combo.current_value()
        if row is None or level is None:
            return
        member_id = row.grid.member_id
        try:
            if form.member_edit.text().strip() != row.member:
                member_id = villager_by_key(self._stores, form.member_edit.text()).id if \
                    form.member_edit.text().strip() else None
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能保存"), error.message)
            return
        after = replace(row.grid, level=int(level), parent_id=form.parent_combo.current_value(), member_id=member_id)
        self._push(SaveGridCommand(self._stores.groups, self._bus, row.grid, after))

    def _on_reason_button_clicked(self) -> None:
        row = self.selected
        if row is None:
            return
        try:
            rating = self._stores.care_levels.reason_of(row.household_id)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能查看"), error.message)
            return
        text = (f"第 {row.household_no} 户：{rating.level.label}，原因类别：{rating.reason_class.value if rating.reason_class else '无'}"
                f"，复核日期：{rating.review or '无'}，评定人：{rating.decided_by}" if rating else "这一户尚未评定关怀等级。")
        QMessageBox.information(self, self.tr("关怀原因（敏感信息，本次查看已记入操作记录）"), text)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(*RELOAD_ON):
            self.reload()
