"""The record form, laid out like the paper record book: its widgets, filling them from a record and reading the
record back. What the form does with an edit (autosave, warnings, finalise, amend) is `MeetingEditor`'s."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from models.minutes.meetings import AgendaItem, AttendanceKind, Gender, Meeting
from models.minutes.types import Composition, MeetingTypeSpec
from models.registry.ports import RegistryFacts
from ui.minutes.attendance import AttendanceSection
from ui.minutes.dialogs import to_date, to_qdate
from ui.minutes.followups_panel import FollowUpsPanel
from ui.minutes.form_bits import DATE_HINT, kept_day, row_of, text_box
from ui.minutes.item_panel import ItemPanel
from ui.widgets.attachments import AttachmentsPanel

AUTOSAVE_MS = 800
_HEADER_FIELDS = ("start", "end", "place", "convener", "host", "host_post", "recorder", "motion_source",
                  "notice_override_reason", "authorisation_ref")
_LABELS = {"start": "开始时间：", "end": "结束时间：", "place": "地点：", "convener": "召集人：", "host": "主持人：",
           "host_post": "主持人职务：", "recorder": "记录人：", "motion_source": "动议来源：",
           "notice_override_reason": "紧急通知理由：", "authorisation_ref": "村民会议授权依据："}


class RecordForm(QWidget):
    """The widgets of one record; `_meeting` is the record as last loaded or written."""

    def __init__(self, registry: RegistryFacts | None, follow_ups_panel: FollowUpsPanel | None,
                 attachments_panel: AttachmentsPanel | None) -> None:
        super().__init__()
        self._registry = registry
        self.follow_ups_panel, self.attachments_panel = follow_ups_panel, attachments_panel
        self._meeting: Meeting | None = None
        self._panels: list[ItemPanel] = []
        self._build_ui()

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

    def _fill(self, meeting: Meeting, spec: MeetingTypeSpec) -> None:
        """Every widget from `meeting` (the caller keeps edits from autosaving meanwhile)."""
        self._meeting = meeting
        self.title_label.setText(f"{meeting.number}　{spec.label}（{meeting.status.label}）")
        self.date_edit.setDate(to_qdate(meeting.on))
        self.notice_edit.setText(meeting.notice_date.isoformat() if meeting.notice_date else "")
        for name, edit in self.text_edits.items():
            edit.setText(getattr(meeting, name))
        for name, spin in self.count_spins.items():
            spin.setValue(getattr(meeting, name) or 0)
        self._show_basis(spec, meeting.expected_computed)
        self.attendance.load(meeting, spec.composition in (Composition.ADULTS, Composition.GROUP_ADULTS))
        self.summary_edit.setPlainText(meeting.summary)
        self._load_items(meeting.items)

    def _show_basis(self, spec: MeetingTypeSpec | None, computed: int | None) -> None:
        self.expected_basis_label.setText((spec.composition.label if spec else "") +
                                          (f"；花名册计算为 {computed} 人" if computed is not None else ""))

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

    def _on_panel_remove_requested(self, panel: ItemPanel) -> None:
        self._panels.remove(panel)
        panel.setParent(None)
        panel.deleteLater()
        for number, remaining in enumerate(self._panels, start=1):
            remaining.setTitle(f"议题 {number}")
        self._on_field_changed()

    def _on_field_changed(self) -> None:
        """An edit on the form (the editor autosaves it)."""

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
