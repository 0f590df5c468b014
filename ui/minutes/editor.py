"""The record editor, laid out like the paper record book; drafts autosave, finalised records are read-only."""
from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.minutes.meetings import AgendaItem, AttendanceKind, Gender, Meeting, evaluate, voters
from models.minutes.checks import composition_warnings, item_vote_problems, missing_for_final
from models.minutes.record import field_label, one_line
from models.minutes.votes import speech_problems
from models.minutes.expected import expected_attendance, representatives_composition
from models.minutes.types import Composition, MeetingType
from models.minutes.ports import FollowUpStore, MeetingStore
from models.registry.ports import RegistryFacts
from ui.core.bus import DataBus
from ui.minutes.attendance import AttendanceSection
from ui.minutes.commands import SaveDraftCommand
from ui.minutes.dialogs import AmendDialog, FinaliseDialog, to_date, to_qdate
from ui.minutes.followups_panel import FollowUpsPanel
from ui.minutes.form_bits import DATE_HINT, bad_day_message, kept_day, row_of, text_box
from ui.minutes.item_panel import ERROR_STYLE, OK_STYLE, ItemPanel
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.store_command import push_command

AUTOSAVE_MS = 800
_HEADER_FIELDS = ("start", "end", "place", "convener", "host", "host_post", "recorder", "motion_source",
                  "notice_override_reason", "authorisation_ref")
_LABELS = {"start": "开始时间：", "end": "结束时间：", "place": "地点：", "convener": "召集人：", "host": "主持人：",
           "host_post": "主持人职务：", "recorder": "记录人：", "motion_source": "动议来源：",
           "notice_override_reason": "紧急通知理由：", "authorisation_ref": "村民会议授权依据："}


class MeetingEditor(QWidget):
    """Edits one record. Every change autosaves through SaveDraftCommand; finalise and amend are not undoable."""

    finalised = Signal(str)

    def __init__(self, store: MeetingStore, bus: DataBus, undo_stack: QUndoStack,
                 follow_ups: FollowUpStore | None = None, registry: RegistryFacts | None = None,
                 attachments_panel: AttachmentsPanel | None = None) -> None:
        super().__init__()
        self._store, self._bus, self._undo_stack = store, bus, undo_stack
        self._registry = registry
        self._composition: dict[date, tuple[int, int, int]] = {}
        self.follow_ups_panel = FollowUpsPanel(follow_ups, bus) if follow_ups is not None else None
        self.attachments_panel = attachments_panel
        self._meeting: Meeting | None = None
        self._loading = False
        self._pushing = False
        self._panels: list[ItemPanel] = []
        self._build_ui()
        self._connect_signals()

    # -- building --------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.notice_edit = QLineEdit()
        self.notice_edit.setPlaceholderText(DATE_HINT)
        self._header_edits = {name: QLineEdit() for name in _HEADER_FIELDS}
        self._header_edits["start"].setPlaceholderText("09:00")
        self._header_edits["end"].setPlaceholderText("11:30")
        self.attendance = section = AttendanceSection(self._registry)
        self.text_edits = {**self._header_edits, **section.text_edits}
        self.count_spins = section.count_spins
        # the attendance widgets stay reachable from the editor under their old names
        self.expected_basis_label, self.quorum_label = section.expected_basis_label, section.quorum_label
        self.roster_search_edit, self.roster_list = section.roster_search_edit, section.roster_list
        self.roster_picker, self.absent_edit = section.roster_picker, section.absent_edit
        self.summary_edit = text_box(70, "会议小结")
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.status_label = QLabel()
        self.amendments_label = QLabel()
        self.amendments_label.setWordWrap(True)
        self.add_item_button = QPushButton("添加议题（Ctrl+Enter）")
        self.finalise_button = QPushButton("定稿…")
        self.amend_button = QPushButton("补正…")
        self.items_layout = QVBoxLayout()
        self._lay_out()

    def _lay_out(self) -> None:
        header = QFormLayout()
        header.addRow("会议日期：", self.date_edit)
        for name in ("start", "end", "place", "convener", "host", "host_post", "recorder", "motion_source"):
            header.addRow(_LABELS[name], self.text_edits[name])
        header.addRow("通知日期：", self.notice_edit)
        header.addRow(_LABELS["notice_override_reason"], self.text_edits["notice_override_reason"])
        header.addRow(_LABELS["authorisation_ref"], self.text_edits["authorisation_ref"])
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.title_label)
        box = QGroupBox("会议基本情况")
        box.setLayout(header)
        column.addWidget(box)
        column.addWidget(self.attendance)
        column.addLayout(self.items_layout)
        column.addWidget(self.add_item_button)
        column.addWidget(QLabel("会议小结："))
        column.addWidget(self.summary_edit)
        panels = [self.attachments_panel] if self.attachments_panel else []
        for widget in (*panels, self.warnings_label, self.amendments_label, self.status_label):
            column.addWidget(widget)
        if self.follow_ups_panel is not None:
            column.addWidget(self.follow_ups_panel)
        column.addLayout(row_of(self.finalise_button, self.amend_button))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.empty_label = QLabel("请在左侧选择或新建会议记录")  # nothing selected: no made-up date or times
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)

    def _connect_signals(self) -> None:
        for line in (*self._header_edits.values(), self.notice_edit):
            line.textChanged.connect(self._on_field_changed)
        self.summary_edit.textChanged.connect(self._on_field_changed)
        self.attendance.edited.connect(self._on_field_changed)
        self.date_edit.dateChanged.connect(self._on_date_edit_changed)
        self._autosave_timer.timeout.connect(self.flush)
        self.add_item_button.clicked.connect(self._on_add_item_button_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_add_item_button_clicked)
        self.finalise_button.clicked.connect(self._on_finalise_button_clicked)
        self.amend_button.clicked.connect(self._on_amend_button_clicked)

    # -- loading and reading back ----------------------------------------------------------------
    @property
    def meeting(self) -> Meeting | None:
        return self._meeting

    def load(self, meeting: Meeting) -> None:
        self._loading = True
        self._composition.clear()  # the registry may have changed since
        try:
            self._meeting = meeting
            spec = self._store.type_spec(meeting.type_code)
            self.title_label.setText(f"{meeting.number}　{spec.label}（{meeting.status.label}）")
            self.date_edit.setDate(to_qdate(meeting.on))
            self.notice_edit.setText(meeting.notice_date.isoformat() if meeting.notice_date else "")
            for name, edit in self.text_edits.items():
                edit.setText(getattr(meeting, name))
            for name, spin in self.count_spins.items():
                spin.setValue(getattr(meeting, name) or 0)
            self._show_basis(meeting.expected_computed)
            self.attendance.load(meeting, spec.composition in (Composition.ADULTS, Composition.GROUP_ADULTS))
            self.summary_edit.setPlainText(meeting.summary)
            self._load_items(meeting.items)
        finally:
            self._loading = False
        self._set_read_only(meeting.is_final)
        self.pages.setCurrentIndex(1)
        if self.attachments_panel is not None:
            self.attachments_panel.load(AttachmentOwner(OwnerKind.MEETING, meeting.id),
                                        Changed(Entity.MEETING, frozenset({meeting.id})))
        if self.follow_ups_panel is not None:
            self.follow_ups_panel.setVisible(meeting.is_final)
            self.follow_ups_panel.load(meeting.id)
        self._refresh()

    def _load_items(self, items: tuple[AgendaItem, ...]) -> None:
        for panel in self._panels:
            panel.setParent(None)
            panel.deleteLater()
        self._panels = []
        for item in items:
            self._add_panel(item)

    def _add_panel(self, item: AgendaItem) -> ItemPanel:
        panel = ItemPanel(len(self._panels) + 1, item)
        panel.edited.connect(self._on_field_changed)
        panel.remove_requested.connect(self._on_panel_remove_requested)
        self._panels.append(panel)
        self.items_layout.addWidget(panel)
        return panel

    def current(self) -> Meeting:
        """The record as the widgets show it now."""
        assert self._meeting is not None
        texts = {name: edit.text().strip() for name, edit in self.text_edits.items()}
        counts = {name: spin.value() for name, spin in self.count_spins.items()}
        for optional in ("expected_households", "households_represented", "women_present"):
            if counts[optional] == 0 and getattr(self._meeting, optional) is None:
                counts[optional] = None  # type: ignore[assignment]
        attendees = self.attendance.attendees()
        if self.attendance.ticks_count():  # ticked names decide 实到 and 到会妇女
            ticked = [a for a in attendees if a.kind is AttendanceKind.PRESENT]
            counts["present"] = len(ticked)
            counts["women_present"] = sum(1 for a in ticked if a.gender is Gender.FEMALE)
        notice = kept_day(self.notice_edit.text(), self._meeting.notice_date, "通知日期")
        return dataclasses.replace(
            self._meeting, on=to_date(self.date_edit.date()), notice_date=notice, attendees=attendees,
            summary=self.summary_edit.toPlainText().strip(),
            items=tuple(panel.item() for panel in self._panels), **texts, **counts)

    # -- reacting --------------------------------------------------------------------------------
    def _on_field_changed(self) -> None:
        if self._loading or self._meeting is None or self._meeting.is_final:
            return
        self._refresh()
        self._autosave_timer.start()

    def _on_date_edit_changed(self) -> None:
        """应到 follows the registry on the new date, unless the clerk changed it (with a reason)."""
        if self._loading or self._meeting is None or self._meeting.is_final or self._registry is None:
            return
        on = to_date(self.date_edit.date())
        expected = expected_attendance(self._store.type_spec(self._meeting.type_code), self._registry, on)
        if expected is not None:
            old = self._meeting.expected_computed
            if old is None or self.count_spins["expected"].value() == old:
                self.count_spins["expected"].setValue(expected.expected)
            self._meeting = dataclasses.replace(self._meeting, expected_computed=expected.expected)
            self._show_basis(expected.expected)
            for person in expected.roster:
                if person.villager_id not in self.attendance.listed_ids():
                    self.attendance.add_roster_row(person, AttendanceKind.ABSENT)
        self._on_field_changed()

    def _show_basis(self, computed: int | None) -> None:
        spec = self._store.type_spec(self._meeting.type_code) if self._meeting else None
        self.expected_basis_label.setText((spec.composition.label if spec else "") +
                                          (f"；花名册计算为 {computed} 人" if computed is not None else ""))

    def _on_add_item_button_clicked(self) -> None:
        if self._meeting is None or self._meeting.is_final:
            return
        panel = self._add_panel(AgendaItem(""))
        panel.title_edit.setFocus()
        self._on_field_changed()

    def _on_panel_remove_requested(self, panel: ItemPanel) -> None:
        self._panels.remove(panel)
        panel.setParent(None)
        panel.deleteLater()
        for number, remaining in enumerate(self._panels, start=1):
            remaining.setTitle(f"议题 {number}")
        self._on_field_changed()

    def refresh(self) -> None:
        """Recompute results and warnings (after a setting such as the province's R8 rule changed)."""
        self._refresh()

    def _refresh(self) -> None:
        """Recompute quorum, each item's result and the warnings from what is on screen."""
        if self._meeting is None:
            return
        present = voters(self.attendance.attendees())
        for panel in self._panels:
            panel.set_voters(present)
        meeting = self.current()
        self.attendance.show_ticked_counts(meeting)
        spec = self._store.type_spec(meeting.type_code)
        outcome = evaluate(meeting, spec)
        self.quorum_label.setStyleSheet(OK_STYLE if outcome.quorum.met else ERROR_STYLE)
        self.quorum_label.setText(outcome.quorum.reason)
        for panel, result in zip(self._panels, outcome.items):
            item = panel.item()
            panel.show_result(result, meeting.present,
                              tuple(item_vote_problems(meeting, item) + speech_problems(item.speeches)))
        warnings = [w.message for w in self._store.warnings(meeting, date.today())]
        warnings[:0] = [text for text in (bad_day_message(self.notice_edit.text(), "通知日期"),) if text]
        if self._registry is not None and spec.code == MeetingType.REPRESENTATIVES:
            if meeting.on not in self._composition:
                self._composition[meeting.on] = representatives_composition(self._registry, meeting.on)
            warnings += [w.message for w in composition_warnings(*self._composition[meeting.on])]
        self.warnings_label.setText("\n".join(f"提醒：{text}" for text in warnings))
        self.amendments_label.setText("\n".join(
            f"补正（{a.on.isoformat()}，{a.editor}）：{field_label(a.field_name)}“{one_line(a.before)}”更正为"
            f"“{one_line(a.after)}”；理由：{a.reason}"
            for a in meeting.amendments))

    # -- saving ----------------------------------------------------------------------------------
    def flush(self) -> None:
        """Autosave now if anything changed (also called when the screen hides or closes)."""
        self._autosave_timer.stop()
        if self._meeting is None or self._meeting.is_final:
            return
        after = self.current()
        if after == self._meeting:
            return
        self._pushing = True
        try:
            error = push_command(self._undo_stack, SaveDraftCommand(self._store, self._bus, self._meeting, after,
                                                                    self._on_written))
            self.status_label.setText(error.message if error is not None else "草稿已自动保存。")
        finally:
            self._pushing = False

    def _on_written(self, written: Meeting) -> None:
        if self._pushing:
            self._meeting = written
            for panel, item in zip(self._panels, written.items):
                panel.item_id = item.id
        else:
            self.load(written)  # undo / redo from the stack

    def _on_finalise_button_clicked(self) -> None:
        self.flush()
        meeting = self._meeting
        if meeting is None:
            return
        missing = missing_for_final(meeting, self._store.type_spec(meeting.type_code))
        if missing:
            QMessageBox.warning(self, "还不能定稿", "请先补全：\n" + "\n".join(f"· {m}" for m in missing))
            return
        answer = FinaliseDialog.ask(self, meeting)
        if answer is None:
            return
        try:
            final = self._store.finalise(meeting.id, *answer)
        except DomainError as error:
            QMessageBox.warning(self, "未能定稿", error.message)
            return
        self._undo_stack.clear()  # finalising is not undoable (STYLE.md §4.3)
        self._bus.changed.emit(Changed(Entity.MEETING, frozenset({meeting.id})))
        self.load(final)
        self.finalised.emit(meeting.id)

    def _on_amend_button_clicked(self) -> None:
        meeting = self._meeting
        if meeting is None or not meeting.is_final:
            return
        request = AmendDialog.ask(self, meeting, date.today())
        if request is None:
            return
        try:
            self._store.amend(meeting.id, request.field_name, request.after, request.reason, request.on)
        except DomainError as error:
            QMessageBox.warning(self, "未能补正", error.message)
            return
        self._bus.changed.emit(Changed(Entity.MEETING, frozenset({meeting.id})))
        self.load(self._store.get(meeting.id))

    def _set_read_only(self, read_only: bool) -> None:
        for edit in (*self._header_edits.values(), self.notice_edit, self.summary_edit, self.date_edit):
            edit.setReadOnly(read_only)
        self.attendance.set_read_only(read_only)
        for widget in (self.add_item_button, self.finalise_button):
            widget.setEnabled(not read_only)
        self.amend_button.setVisible(read_only)
        self.finalise_button.setVisible(not read_only)
        for panel in self._panels:
            panel.set_read_only(read_only)
