"""Undoable edits of a draft record: pushing the command writes it (STYLE.md §4)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.errors import DomainError
from models.meeting_settings import ProvinceRules
from models.meeting_template import RecordTemplate
from models.meetings import Meeting
from models.ports import MeetingStore

SAVE_DRAFT_ID = 4001


class SaveDraftCommand(QUndoCommand):
    """Autosave of a draft: before → after. Consecutive autosaves of one record merge into one undo step."""

    def __init__(self, store: MeetingStore, bus: object, before: Meeting, after: Meeting,
                 on_written: Callable[[Meeting], None]) -> None:
        super().__init__(f"修改会议记录 {after.number}")
        self._store, self._bus = store, bus
        self._before, self._after = before, after
        self._on_written = on_written

    def id(self) -> int:
        return SAVE_DRAFT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SaveDraftCommand) or other._after.id != self._after.id:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, meeting: Meeting) -> None:
        written = self._store.save_draft(meeting)
        self._bus.changed.emit(Changed(Entity.MEETING, frozenset({meeting.id})))  # type: ignore[attr-defined]
        self._on_written(written)


class SetProvinceRulesCommand(QUndoCommand):
    """本省规定 (R8) changed: undo puts the earlier rule back. A refusal (no permission) drops the command."""

    def __init__(self, store: MeetingStore, bus: object, before: ProvinceRules, after: ProvinceRules) -> None:
        super().__init__("修改本省规定")
        self._store, self._bus, self._before, self._after = store, bus, before, after
        self.error: DomainError | None = None

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, rules: ProvinceRules) -> None:
        try:
            self._store.set_province_rules(rules.rules_by_representatives, rules.basis)
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._bus.changed.emit(Changed(Entity.MEETING, frozenset()))  # type: ignore[attr-defined]


class SetTemplateCommand(QUndoCommand):
    """记录本格式 (R18) changed: undo puts the earlier template back. A refusal drops the command."""

    def __init__(self, store: MeetingStore, bus: object, before: RecordTemplate, after: RecordTemplate) -> None:
        super().__init__("修改记录本格式")
        self._store, self._bus, self._before, self._after = store, bus, before, after
        self.error: DomainError | None = None

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, template: RecordTemplate) -> None:
        try:
            self._store.set_record_template(template)
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._bus.changed.emit(Changed(Entity.MEETING, frozenset()))  # type: ignore[attr-defined]
