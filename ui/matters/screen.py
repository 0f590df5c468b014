"""MattersScreen: 问题清单 on the left (filter and search), the chosen matter's timeline and its next steps on the
right, and the intake form in the second tab. Each step is one store write that adds a timeline event; they are
records of what was done and said (R48), so they are not undone: a mistake is corrected by a further note."""
from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.ports import AttachmentStore
from models.matters.ports import MatterStore, RaiserDirectory
from models.matters.records import EventKind, Matter, MatterStatus, Rating
from ui.core.bus import DataBus
from ui.matters.intake import IntakeForm
from ui.matters.table_model import EVENT_COLUMNS, MATTER_COLUMNS
from ui.widgets.attachments import ADDED_ON, FILE_NAME, NOTE, AttachmentsPanel
from ui.widgets.store_command import StoreCommand, push_command
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import RowsTableModel

OVERDUE = "overdue"
# The timeline line each step writes: what 撤销 withdraws.
STEP_EVENTS = {"assign": EventKind.ASSIGN, "township": EventKind.ASSIGN, "note": EventKind.NOTE, "done": EventKind.DONE,
               "feedback": EventKind.FEEDBACK, "attempt": EventKind.ATTEMPT, "close": EventKind.CLOSE,
               "reopen": EventKind.REOPEN, "resolution": EventKind.RESOLUTION}
SHOWN = 500  # the newest this many; a search narrows them (a township holds ≈ 100,000)


def _table(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setResizeContentsPrecision(50)  # 50 rows measured: a township lists thousands
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class MattersScreen(QWidget):
    """群众说事 — the list, one matter's 办理 (timeline and steps), and 登记."""

    def __init__(self, store: MatterStore, raisers: RaiserDirectory, bus: DataBus,
                 attachments: AttachmentStore) -> None:
        super().__init__()
        self._store, self._bus, self._attachments = store, bus, attachments
        self.undo_stack = QUndoStack(self)  # each step taken here, and the attachments' adds and removals
        self.status_combo: ChoiceCombo[MatterStatus | str | None] = ChoiceCombo()
        self.status_combo.add_choices([(self.tr("全部"), None), *((s.label, s) for s in MatterStatus),
                                       (self.tr("超期"), OVERDUE)])
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按内容、地点或编号查找"))
        self.matters_model = RowsTableModel(MATTER_COLUMNS, self._fetch)
        self.matters_view = _table(self.matters_model)
        self.intake = IntakeForm(store, raisers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._steps_page(), self.tr("办理"))
        self.tabs.addTab(self.intake, self.tr("登记说事"))
        left = QWidget()
        column = QVBoxLayout(left)
        filters = QHBoxLayout()
        filters.addWidget(self.status_combo)
        filters.addWidget(self.search_edit, 1)
        column.addLayout(filters)
        column.addWidget(self.matters_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        QVBoxLayout(self).addWidget(splitter)
        self._connect_signals()
        self._show_selected()

    def add_officer_tab(self, tab: QWidget) -> None:
        """信息员日志 (built by create_screen with the officer's log store and this screen's undo stack)."""
        self.officer_tab = tab
        self.tabs.addTab(tab, self.tr("信息员日志"))

    def add_print_tab(self, tab: QWidget) -> None:
        """打印: the three lists and the wall chart (built by create_screen, which holds the stores)."""
        self.print_tab = tab
        self.tabs.addTab(tab, self.tr("打印"))

    def _steps_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.events_model = RowsTableModel(EVENT_COLUMNS)
        self.events_view = _table(self.events_model)
        self.step_edit = QLineEdit()
        self.step_edit.setPlaceholderText(self.tr("交办对象、进展、办理结果、回访情况或理由"))
        self.rating_combo: ChoiceCombo[Rating] = ChoiceCombo()
        self.rating_combo.add_choices((r.label, r) for r in Rating)
        self.how_combo: ChoiceCombo[str] = ChoiceCombo()
        self.how_combo.add_choices(((self.tr("当面"), "当面"), (self.tr("电话"), "电话")))
        self.buttons = {key: QPushButton(text) for key, text in (
            ("assign", self.tr("交办")), ("township", self.tr("交办乡镇")), ("note", self.tr("记进展")),
            ("done", self.tr("办结")), ("feedback", self.tr("记回访")), ("attempt", self.tr("联系未果")),
            ("close", self.tr("销号")), ("reopen", self.tr("重新办理")), ("resolution", self.tr("按决议交办")))}
        self.attachments_panel = AttachmentsPanel(self._attachments, self._bus, self.undo_stack, OwnerKind.MATTER,
                                                  self.tr("附件（现场照片、书面材料）："),
                                                  (FILE_NAME, ADDED_ON, NOTE), height=90)
        layout.addWidget(self.title_label)
        layout.addWidget(self.events_view, 1)
        layout.addWidget(self.attachments_panel)
        layout.addWidget(self.step_edit)
        for keys in (("assign", "township", "note", "done", "resolution"), ("feedback", "attempt", "close", "reopen")):
            row = QHBoxLayout()
            if "feedback" in keys:
                row.addWidget(self.rating_combo)
                row.addWidget(self.how_combo)
            for key in keys:
                row.addWidget(self.buttons[key])
            layout.addLayout(row)
        return page

    def _connect_signals(self) -> None:
        self.status_combo.value_changed.connect(lambda _value: self.reload())
        self.search_edit.textChanged.connect(lambda _text: self.reload())
        self.matters_view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.intake.added.connect(self._on_intake_added)
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, step=key: self._on_step(step))
        self._bus.changed.connect(self._on_bus_changed)

    def _fetch(self) -> list[Matter]:
        chosen = self.status_combo.current_value()
        if chosen == OVERDUE:
            return self._store.overdue(date.today())
        status = chosen if isinstance(chosen, MatterStatus) else None
        return self._store.matters(status, text=self.search_edit.text(), limit=SHOWN)

    def reload(self, keep: str = "") -> None:
        keep = keep or (self.selected().id if self.selected() else "")
        self.matters_model.reload()
        for row, matter in enumerate(self.matters_model.rows()):
            if matter.id == keep:
                self.matters_view.selectRow(row)
        self._show_selected()

    def selected(self) -> Matter | None:
        rows = self.matters_view.selectionModel().selectedRows()
        return self.matters_model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        matter = self.selected()
        self.events_model.set_rows(self._store.timeline(matter.id) if matter else [])
        self.attachments_panel.load(AttachmentOwner(OwnerKind.MATTER, matter.id) if matter else None,
                                    Changed.one(Entity.MATTER, matter.id) if matter else None)
        self.title_label.setText(f"{matter.number} {matter.cls.label}（{matter.status.label}）：{matter.text}"
                                 if matter else self.tr("在左边选一件说事；新的说事在“登记说事”里登记。"))
        for button in self.buttons.values():
            button.setEnabled(matter is not None)

    def _on_step(self, step: str) -> None:
        matter = self.selected()
        if matter is None:
            return
        text, today = self.step_edit.text(), date.today()
        writes = {"assign": lambda: self._store.assign(matter.id, text, today),
                  "township": lambda: self._store.assign(matter.id, text or "乡镇人民政府", today, township=True),
                  "note": lambda: self._store.note(matter.id, text, today),
                  "done": lambda: self._store.done(matter.id, text, today),
                  "feedback": lambda: self._store.feedback(matter.id, self.rating_combo.current_value(), today,
                                                           note=text, how=self.how_combo.current_value() or ""),
                  "attempt": lambda: self._store.feedback(matter.id, None, today, note=text),
                  "close": lambda: self._store.close(matter.id, today, text),
                  "reopen": lambda: self._store.reopen(matter.id, text, today),
                  "resolution": lambda: self._store.apply_resolution(matter.id, today)}
        kind, store = STEP_EVENTS[step], self._store
        # Each step is one 撤销 (Ctrl+Z): the matter as it was, its timeline line withdrawn (redo takes it again).
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("{0}：{1}").format(matter.number, self.buttons[step].text()), self._bus, None, writes[step],
            lambda _changed: store.undo_step(matter, kind))
        refused = push_command(self.undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, self.tr("不能办理"), refused.message)
            return
        self.step_edit.clear()

    def _on_intake_added(self, changed: Changed) -> None:
        self._bus.changed.emit(changed)
        self.status_combo.setCurrentIndex(0)
        self.search_edit.clear()
        self.reload(changed.id)  # the new matter, or the open one a duplicate was noted on
        self.tabs.setCurrentIndex(0)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.MATTER):
            self.reload()
