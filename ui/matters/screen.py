"""MattersScreen: 问题清单 on the left (filter and search), the chosen matter's timeline and its next steps on the
right (交办 to a choice of the registry's or anyone written in, 提交议事 to a meeting not yet finalised), and the
intake form, the officer's log, the project pool and the prints in the other tabs. Each step is one store write that
adds a timeline event, and one 撤销 while it is the matter's newest line (提交议事's 撤销 takes its agenda item out
of the meeting again, while the meeting is a draft and nothing was recorded on the item)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.ports import AttachmentStore
from models.matters.ports import MatterStore, MeetingLister, RaiserDirectory
from models.matters.records import EventKind, Matter, MatterStatus, Rating
from models.matters.rules import assignee_label
from models.minutes.meetings import MeetingStatus
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
               "reopen": EventKind.REOPEN, "resolution": EventKind.RESOLUTION, "to_meeting": EventKind.TO_MEETING}
NO_DUE = QDate(2000, 1, 1)  # the due date edit's 期限按类别
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
                 attachments: AttachmentStore, meetings: MeetingLister | None = None) -> None:
        """`meetings`: the minutes' meetings, for 提交议事 (without them the screen offers no 提交议事)."""
        super().__init__()
        self._store, self._raisers, self._bus, self._attachments = store, raisers, bus, attachments
        self._meetings = meetings
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

    def add_projects_tab(self, tab: QWidget) -> None:
        """项目库 (built by create_screen with the project store and this screen's undo stack)."""
        self.projects_tab = tab
        self.tabs.addTab(tab, self.tr("项目库"))

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
        self.step_edit.setPlaceholderText(self.tr("进展、办理结果、回访情况或理由"))
        self.assignee_combo: ChoiceCombo[str] = ChoiceCombo()
        self.assignee_combo.setEditable(True)  # a choice of the registry's, or anyone written in
        self.assignee_combo.lineEdit().setPlaceholderText(self.tr("交办对象：选择或输入"))
        self.meeting_combo: ChoiceCombo[str] = ChoiceCombo()
        self.rating_combo: ChoiceCombo[Rating] = ChoiceCombo()
        self.rating_combo.add_choices((r.label, r) for r in Rating)
        self.how_combo: ChoiceCombo[str] = ChoiceCombo()
        self.how_combo.add_choices(((self.tr("当面"), "当面"), (self.tr("电话"), "电话")))
        self.due_edit = QDateEdit()  # its lowest date reads 期限按类别: the class's default from the day of 交办
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(NO_DUE)
        self.due_edit.setSpecialValueText(self.tr("期限按类别"))
        self.due_edit.setDate(NO_DUE)
        self.due_edit.setToolTip(self.tr("办理期限：不选则按类别默认（安全隐患、政策咨询 7 天，基础设施 30 天，其余 15 天）"))
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(self.tr("回访人（默认本人）"))
        self.buttons = {key: QPushButton(text) for key, text in (
            ("assign", self.tr("交办")), ("township", self.tr("交办乡镇")), ("note", self.tr("记进展")),
            ("done", self.tr("办结")), ("feedback", self.tr("记回访")), ("attempt", self.tr("联系未果")),
            ("close", self.tr("销号")), ("reopen", self.tr("重新办理")), ("resolution", self.tr("按决议交办")),
            ("to_meeting", self.tr("提交议事")))}
        self.attachments_panel = AttachmentsPanel(self._attachments, self._bus, self.undo_stack, OwnerKind.MATTER,
                                                  self.tr("附件（现场照片、书面材料）："),
                                                  (FILE_NAME, ADDED_ON, NOTE), height=90)
        layout.addWidget(self.title_label)
        layout.addWidget(self.events_view, 1)
        layout.addWidget(self.attachments_panel)
        for keys, lead in ((("assign", "township"), (self.assignee_combo, self.due_edit)),
                           (("note", "done"), (self.step_edit,)),
                           (("feedback", "attempt", "close", "reopen"), (self.rating_combo, self.how_combo,
                                                                         self.by_edit)),
                           (("to_meeting", "resolution"), (self.meeting_combo,))):
            row = QHBoxLayout()
            for widget in lead:
                row.addWidget(widget, 1 if widget in (self.assignee_combo, self.step_edit, self.meeting_combo,
                                                      self.by_edit) else 0)
            for key in keys:
                row.addWidget(self.buttons[key])
            layout.addLayout(row)
        self.meeting_combo.setVisible(self._meetings is not None)
        self.buttons["to_meeting"].setVisible(self._meetings is not None)
        self._load_choices()
        return page

    def _load_choices(self) -> None:
        """The assignees of the registry, and the meetings not yet finalised (提交议事 adds an agenda item)."""
        typed = self.assignee_combo.currentText()
        self.assignee_combo.clear_choices()
        self.assignee_combo.add_choices((a.label, a.label) for a in self._raisers.assignees(date.today()))
        self.assignee_combo.setEditText(typed)
        kept = self.meeting_combo.current_value()
        self.meeting_combo.clear_choices()
        if self._meetings is not None:
            self.meeting_combo.add_choices((f"{m.number} {m.type_label}（{m.on.isoformat()}）", m.id)
                                           for m in self._meetings.list_meetings(limit=200)
                                           if m.status is MeetingStatus.DRAFT)
        if kept:
            self.meeting_combo.set_current_value(kept)

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
        to = assignee_label(self.assignee_combo.currentText(), self._raisers.assignees(today))
        meeting_id, by = self.meeting_combo.current_value() or "", self.by_edit.text().strip()
        due = None if self.due_edit.date() == NO_DUE else self.due_edit.date().toPython()
        writes = {"assign": lambda: self._store.assign(matter.id, to, today, due),
                  "township": lambda: self._store.assign(matter.id, to or "乡镇人民政府", today, due, township=True),
                  "note": lambda: self._store.note(matter.id, text, today),
                  "done": lambda: self._store.done(matter.id, text, today),
                  "feedback": lambda: self._store.feedback(matter.id, self.rating_combo.current_value(), today, by,
                                                           note=text, how=self.how_combo.current_value() or ""),
                  "attempt": lambda: self._store.feedback(matter.id, None, today, by, note=text),
                  "close": lambda: self._store.close(matter.id, today, text),
                  "reopen": lambda: self._store.reopen(matter.id, text, today),
                  "resolution": lambda: self._store.apply_resolution(matter.id, today),
                  "to_meeting": lambda: self._store.to_meeting(matter.id, meeting_id, today)}
        if step == "to_meeting" and not meeting_id:
            QMessageBox.warning(self, self.tr("不能提交议事"),
                                self.tr("请先选择一次尚未定稿的会议；没有的话，请先在“会议记录”中新建一次会议。"))
            return
        kind, store = STEP_EVENTS[step], self._store
        # Each step is one 撤销 (Ctrl+Z): the matter as it was, its timeline line withdrawn (redo takes it again).
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("{0}：{1}").format(matter.number, self.buttons[step].text()), self._bus, None, writes[step],
            lambda _changed: store.undo_step(matter, kind))
        refused = push_command(self.undo_stack, command)
        if refused is not None:
            QMessageBox.warning(self, self.tr("不能提交议事") if step == "to_meeting" else self.tr("不能办理"),
                                refused.message)
            return
        self.step_edit.clear()
        if step in ("assign", "township"):
            self.assignee_combo.setEditText("")
            self.due_edit.setDate(NO_DUE)

    def _on_intake_added(self, changed: Changed) -> None:
        self._bus.changed.emit(changed)
        self.status_combo.setCurrentIndex(0)
        self.search_edit.clear()
        self.reload(changed.id)  # the new matter, or the open one a duplicate was noted on
        self.tabs.setCurrentIndex(0)

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(Entity.MEETING, Entity.VILLAGER, Entity.GRID, Entity.WORKFLOW):
            self._load_choices()
        if change.concerns(Entity.MATTER):
            self.reload()
