"""The record editor: drafts autosave, warnings follow every edit, finalised records are read-only and amended."""
from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMessageBox

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.minutes.checks import composition_warnings, item_vote_problems, missing_for_final
from models.minutes.expected import expected_attendance, representatives_composition
from models.minutes.meetings import AgendaItem, AttendanceKind, Meeting, evaluate, voters
from models.minutes.record import field_label, one_line
from models.minutes.services import record_warnings
from models.minutes.types import MeetingType
from models.minutes.votes import speech_problems
from models.registry.ports import RegistryFacts
from ui.core.bus import DataBus
from ui.minutes.commands import SaveDraftCommand
from ui.minutes.dialogs import AmendDialog, FinaliseDialog, to_date
from ui.minutes.followups_panel import FollowUpsPanel
from ui.minutes.form_bits import bad_day_message
from ui.minutes.item_panel import ERROR_STYLE, OK_STYLE
from ui.minutes.record_form import RecordForm
from ui.minutes.stores import MinutesStores
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.store_command import push_command


class MeetingEditor(RecordForm):
    """Edits one record. Every change autosaves through SaveDraftCommand; finalise and amend are not undoable."""

    finalised = Signal(str)

    def __init__(self, stores: MinutesStores, bus: DataBus, undo_stack: QUndoStack,
                 registry: RegistryFacts | None = None, attachments_panel: AttachmentsPanel | None = None) -> None:
        follow_ups = FollowUpsPanel(stores.follow_ups, bus) if stores.follow_ups is not None else None
        super().__init__(registry, follow_ups, attachments_panel)
        self._stores, self._store, self._bus, self._undo_stack = stores, stores.meetings, bus, undo_stack
        self._composition: dict[date, tuple[int, int, int]] = {}
        self._loading = False
        self._pushing = False
        self._connect_signals()

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

    # -- loading ---------------------------------------------------------------------------------
    @property
    def meeting(self) -> Meeting | None:
        return self._meeting

    def load(self, meeting: Meeting) -> None:
        self._loading = True
        self._composition.clear()  # the registry may have changed since
        try:
            self._fill(meeting, self._stores.types.type_spec(meeting.type_code))
        finally:
            self._loading = False
        self._set_read_only(meeting.is_final)
        self.pages.setCurrentIndex(1)
        if self.attachments_panel is not None:
            self.attachments_panel.load(AttachmentOwner(OwnerKind.MEETING, meeting.id),
                                        Changed.one(Entity.MEETING, meeting.id))
        if self.follow_ups_panel is not None:
            self.follow_ups_panel.setVisible(meeting.is_final)
            self.follow_ups_panel.load(meeting.id)
        self._refresh()

    def reload(self) -> None:
        """Show the record as stored when someone else changed it (a sync import); typing not yet autosaved is
        saved first. During the editor's own write (or its undo) there is nothing to reload."""
        if self._meeting is None or self._pushing or self._loading:
            return
        if self._autosave_timer.isActive():
            self.flush()  # as before a sync: the clerk's typing wins over an import of the same draft
        try:
            stored = self._store.get(self._meeting.id)
        except NotFound:
            return
        if stored != self._meeting:
            self.load(stored)
        else:
            self._refresh()  # warnings depend on settings too (R8 province rule)

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
        spec = self._stores.types.type_spec(self._meeting.type_code)
        expected = expected_attendance(spec, self._registry, on)
        if expected is not None:
            old = self._meeting.expected_computed
            if old is None or self.count_spins["expected"].value() == old:
                self.count_spins["expected"].setValue(expected.expected)
            self._meeting = dataclasses.replace(self._meeting, expected_computed=expected.expected)
            self._show_basis(spec, expected.expected)
            for person in expected.roster:
                if person.villager_id not in self.attendance.listed_ids():
                    self.attendance.add_roster_row(person, AttendanceKind.ABSENT)
        self._on_field_changed()

    def _on_add_item_button_clicked(self) -> None:
        if self._meeting is None or self._meeting.is_final:
            return
        panel = self._add_panel(AgendaItem(""))
        panel.title_edit.setFocus()
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
        spec = self._stores.types.type_spec(meeting.type_code)
        outcome = evaluate(meeting, spec)
        self.quorum_label.setStyleSheet(OK_STYLE if outcome.quorum.met else ERROR_STYLE)
        self.quorum_label.setText(outcome.quorum.reason)
        for panel, result in zip(self._panels, outcome.items):
            item = panel.item()
            panel.show_result(result, meeting.present,
                              tuple(item_vote_problems(meeting, item) + speech_problems(item.speeches)))
        warnings = [w.message for w in record_warnings(meeting, self._stores.types, self._stores.settings)]
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
        missing = missing_for_final(meeting, self._stores.types.type_spec(meeting.type_code))
        if missing:
            QMessageBox.warning(self, "还不能定稿", "请先补全：\n" + "\n".join(f"· {m}" for m in missing))
            return
        answer = FinaliseDialog.ask(self, meeting)
        if answer is None:
            return
        try:
            changed = self._store.finalise(meeting.id, *answer)
        except DomainError as error:
            QMessageBox.warning(self, "未能定稿", error.message)
            return
        self._undo_stack.clear()  # finalising is not undoable (STYLE.md §4.3)
        self.load(self._store.get(meeting.id))
        self._bus.changed.emit(changed)
        self.finalised.emit(meeting.id)

    def _on_amend_button_clicked(self) -> None:
        meeting = self._meeting
        if meeting is None or not meeting.is_final:
            return
        request = AmendDialog.ask(self, meeting, date.today())
        if request is None:
            return
        try:
            changed = self._store.amend(meeting.id, request.field_name, request.after, request.reason, request.on)
        except DomainError as error:
            QMessageBox.warning(self, "未能补正", error.message)
            return
        self.load(self._store.get(meeting.id))
        self._bus.changed.emit(changed)
