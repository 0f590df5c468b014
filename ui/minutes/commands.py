"""Undoable edits of a draft record: pushing the command writes it (STYLE.md §4)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
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
