"""The 信息员日志 tab of 群众说事: an officer (an active account) records a dated entry of visits, matters collected and
follow-ups; the chosen officer's entries are listed below (the county's log page prints from 打印中心)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QHeaderView, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.matters.ports import OfficerLogStore
from models.matters.records import OfficerLogEntry
from ui.core.bus import DataBus
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import Column, RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command

ENTRY_COLUMNS: tuple[Column, ...] = (("日期", lambda e: e.on.isoformat()), ("信息员", lambda e: e.officer),
                                     ("走访、收集事项及跟进情况", lambda e: e.text))


def _day(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class OfficerLogTab(QWidget):
    """记一条工作日志 — each add is one 撤销 on the screen's undo stack (the entry withdrawn)."""

    def __init__(self, store: OfficerLogStore, bus: DataBus, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._store, self._bus, self._undo_stack = store, bus, undo_stack
        self.officer_combo: ChoiceCombo[str] = ChoiceCombo()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("例如：走访三组 6 户，收集说事 2 件，回访 1 件"))
        self.add_button = QPushButton(self.tr("记入日志"))
        self.entries_model = RowsTableModel(ENTRY_COLUMNS, self._fetch)
        self.entries_view = QTableView()
        self.entries_view.setModel(self.entries_model)
        self.entries_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.entries_view.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        form.addRow(self.tr("信息员"), self.officer_combo)
        form.addRow(self.tr("日期"), self.date_edit)
        form.addRow(self.tr("内容"), self.text_edit)
        form.addRow("", self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.entries_view, 1)
        self._load_officers()
        self.officer_combo.value_changed.connect(lambda _value: self.entries_model.reload())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self._bus.changed.connect(self._on_bus_changed)
        self.entries_model.reload()

    def _load_officers(self) -> None:
        kept = self.officer_combo.current_value()
        self.officer_combo.clear_choices()
        self.officer_combo.add_choices((f"{u.display_name}（{u.username}）", u.username)
                                       for u in self._store.officers())
        if kept:
            self.officer_combo.set_current_value(kept)

    def _fetch(self) -> list[OfficerLogEntry]:
        officer = self.officer_combo.current_value()
        return list(reversed(self._store.entries(officer))) if officer else []  # newest first

    def _on_add_button_clicked(self) -> None:
        entry = OfficerLogEntry(self.officer_combo.current_value() or "", _day(self.date_edit), self.text_edit.text())
        store = self._store
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("记信息员日志"), self._bus, None, lambda: store.add_entry(entry),
            lambda changed: store.withdraw_entry(changed.id))
        refused = push_command(self._undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, self.tr("不能记入日志"), refused.message)
            return
        self.text_edit.clear()

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.USER):
            self._load_officers()
        if change.concerns(Entity.OFFICER_LOG, Entity.USER):
            self.entries_model.reload()
