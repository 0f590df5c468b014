"""The minutes area: the list of meetings (filter by type, year, text) beside the record editor."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget,
)

from models.core.attachments import OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.minutes.expected import expected_attendance
from models.minutes.meetings import AttendanceKind, Attendee, Gender, Meeting
from models.minutes.services import carry_over_items
from models.core.ports import Stores
from models.registry.ports import RegistryFacts
from ui.core.bus import DataBus
from ui.minutes.commands import SetProvinceRulesCommand, SetTemplateCommand
from ui.minutes.convene_panel import ConvenePanel
from ui.minutes.dialogs import NewMeetingDialog, ProvinceDialog
from ui.minutes.editor import MeetingEditor
from ui.minutes.four_two_panel import FourTwoPanel
from ui.minutes.stores import MinutesStores
from ui.minutes.template_dialog import TemplateDialog
from ui.minutes.table_model import MeetingTableModel
from ui.widgets.attachments import ADDED_AT, ADDED_BY, FILE_NAME, KIND, NOTE, SIZE, AttachmentsPanel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.store_command import push_command


class MinutesScreen(QWidget):
    """会议记录. Edits autosave as undoable commands; finalising and amendments are confirmed and final."""

    def __init__(self, stores: MinutesStores, bus: DataBus, registry: RegistryFacts | None = None) -> None:
        super().__init__()
        self._stores, self._store, self._bus, self._registry = stores, stores.meetings, bus, registry
        self._attachments, self._four_two = stores.attachments, stores.four_two
        self.undo_stack = QUndoStack(self)
        self._build_ui()
        self._connect_signals()
        self._reload_filters()
        self.model.reload()

    def _build_ui(self) -> None:
        self.type_combo: ChoiceCombo[str | None] = ChoiceCombo()
        self.year_combo: ChoiceCombo[int | None] = ChoiceCombo()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("检索纪要、决议、落实情况（如：低保）")
        self.new_button = QPushButton("新建会议记录（Ctrl+N）")
        self.new_button.setShortcut("Ctrl+N")
        self.province_button = QPushButton("本省规定…")
        self.province_button.setToolTip("村规民约、自治章程能否由村民代表会议表决（R8）")
        self.template_button = QPushButton("记录本格式…")
        self.template_button.setToolTip("打印的会议记录的栏目、顺序、标题和签字栏（R18）")
        self.model = MeetingTableModel(self._store)
        self.meetings_view = QTableView()
        self.meetings_view.setModel(self.model)
        self.meetings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meetings_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.meetings_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from 50 rows: measuring all 200 of a page took most of a keystroke's time. (0, "the rows in
        # view", means every row while the view is not laid out yet.)
        self.meetings_view.horizontalHeader().setResizeContentsPrecision(50)
        panel = AttachmentsPanel(self._attachments, self._bus, self.undo_stack, OwnerKind.MEETING,
                                 "附件（扫描件、照片、签到表）", (KIND, FILE_NAME, SIZE, ADDED_BY, ADDED_AT, NOTE),
                                 height=110) if self._attachments is not None else None
        self.editor = MeetingEditor(self._stores, self._bus, self.undo_stack, self._registry, panel)
        self.editor.setEnabled(False)
        filters = QHBoxLayout()
        for label, widget in (("会议类型：", self.type_combo), ("年份：", self.year_combo), ("检索：", self.search_edit)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        buttons = QHBoxLayout()  # a row of its own: beside the filters they crushed the editor to a sliver
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.province_button)
        buttons.addWidget(self.template_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(filters)
        column.addLayout(buttons)
        column.addWidget(self.meetings_view)
        self.count_label = QLabel()  # how many rows the filter found, as far as the pages read so far tell
        column.addWidget(self.count_label)
        self.four_two_panel = FourTwoPanel(self._four_two, self._store, self._bus) if self._four_two else None
        self.tabs = QTabWidget()
        self.tabs.addTab(left, "会议记录")
        if self.four_two_panel is not None:
            self.tabs.addTab(self.four_two_panel, "四议两公开")
        self.convene_panel = ConvenePanel(self._stores.convene, self._store, self._registry, self._bus,
                                          self.undo_stack)
        self.tabs.addTab(self.convene_panel, "提议召集")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([460, 640])  # the record editor gets the larger share; the clerk drags to taste
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)

    def _connect_signals(self) -> None:
        self.type_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.year_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._on_filter_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.province_button.clicked.connect(self._on_province_button_clicked)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.meetings_view.selectionModel().currentRowChanged.connect(self._on_meetings_view_current_changed)
        self._bus.changed.connect(self._on_bus_changed)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)

    def _show_count(self) -> None:
        """The count without reading every match: a filter on 会 matches nearly all 40,000 records of a township."""
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("显示前 {0} 条（共 {0}+ 条），向下滚动显示更多").format(shown)
                                 if self.model.canFetchMore() else self.tr("共 {0} 条").format(shown))

    def _reload_filters(self) -> None:
        for combo in (self.type_combo, self.year_combo):
            combo.blockSignals(True)
        self.type_combo.clear_choices()
        self.type_combo.add_choice("全部", None)
        for spec in self._stores.types.meeting_types():
            self.type_combo.add_choice(spec.label, spec.code)
        self.year_combo.clear_choices()
        self.year_combo.add_choice("全部", None)
        for year in self._store.years():
            self.year_combo.add_choice(str(year), year)
        for combo in (self.type_combo, self.year_combo):
            combo.blockSignals(False)

    def _on_filter_changed(self) -> None:
        self.model.type_code = self.type_combo.current_value()
        self.model.year = self.year_combo.current_value()
        self.model.text = self.search_edit.text().strip()
        self.model.reload()

    def _on_meetings_view_current_changed(self) -> None:
        index = self.meetings_view.currentIndex()
        if not index.isValid():
            return
        summary = self.model.meeting_at(index.row())
        if self.editor.meeting is not None and self.editor.meeting.id == summary.id:
            return
        self.editor.flush()
        self.undo_stack.clear()  # the stack belongs to one record at a time
        self.editor.load(self._store.get(summary.id))
        self.editor.setEnabled(True)

    def _on_new_button_clicked(self) -> None:
        answer = NewMeetingDialog.ask(self, self._stores.types.meeting_types(), date.today())
        if answer is None:
            return
        type_code, on = answer
        try:
            created = self._store.create(self._new_meeting(type_code, on))
        except DomainError as error:
            QMessageBox.warning(self, "未能新建", error.message)
            return
        self.editor.flush()
        self.undo_stack.clear()
        self._bus.changed.emit(created)
        self.select(created.id)

    def _on_province_button_clicked(self) -> None:
        before = self._stores.settings.province_rules()
        after = ProvinceDialog.ask(self, before)
        if after is None or after == before:
            return
        command = SetProvinceRulesCommand(self._stores.settings, self._bus, before, after)
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "未能修改本省规定", error.message)

    def _on_template_button_clicked(self) -> None:
        before = self._stores.settings.record_template()
        after = TemplateDialog.ask(self, before)
        if after is None or after == before:
            return
        command = SetTemplateCommand(self._stores.settings, self._bus, before, after)
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "未能修改记录本格式", error.message)

    def _new_meeting(self, type_code: str, on: date) -> Meeting:
        """A draft with 应到 and the roster from the registry on its date, and open follow-ups carried over."""
        spec = self._stores.types.type_spec(type_code)
        follow_ups = self._stores.follow_ups
        carried = tuple(carry_over_items(follow_ups, self._store, spec.code, on)) if follow_ups else ()
        expected = expected_attendance(spec, self._registry, on) if self._registry is not None else None
        if expected is None:
            return Meeting(spec.code, on, items=carried)
        roster = tuple(Attendee(p.name, Gender(p.gender), AttendanceKind.PRESENT, p.villager_id, p.post)
                       for p in expected.roster)
        return Meeting(spec.code, on, expected=expected.expected, expected_computed=expected.expected,
                       expected_households=expected.households, present=len(roster), attendees=roster, items=carried)

    def select(self, meeting_id: str) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.meetings_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _on_bus_changed(self, changed: Changed) -> None:
        if changed.concerns(Entity.FOUR_TWO_MATTER) and self.four_two_panel is not None:
            self.four_two_panel.reload(self.four_two_panel.selected_id())
        if changed.concerns(Entity.FOLLOW_UP) and self.editor.follow_ups_panel is not None and self.editor.meeting:
            self.editor.follow_ups_panel.load(self.editor.meeting.id)
        if changed.concerns(Entity.CONVENE_PROPOSAL, Entity.MEETING):
            self.convene_panel.reload()
        if not changed.concerns(Entity.MEETING, Entity.MEETING_TYPE, Entity.MINUTES_SETTINGS):
            return
        current = self.editor.meeting.id if self.editor.meeting else None
        self.editor.reload()  # another's change shows; warnings depend on settings too (R8 province rule)
        self._reload_filters()
        self.model.reload()
        if current:
            self.meetings_view.selectionModel().blockSignals(True)
            self.select(current)
            self.meetings_view.selectionModel().blockSignals(False)

    def hideEvent(self, event: QHideEvent) -> None:
        self.editor.flush()  # nothing typed is lost when the clerk switches area or closes the window
        super().hideEvent(event)


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    """Factory named in ui/core/areas.py: 应到, the roster to tick and R4 come from `stores.registry_facts`."""
    return MinutesScreen(MinutesStores.of(stores), bus, stores.registry_facts)
