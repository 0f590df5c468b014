"""Undoable edits on the workflow screen: replying to an opinion."""
from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.ports import WorkflowStore
from models.workflow_records import Disposition, Opinion
from ui.bus import DataBus


class ReplyOpinionCommand(QUndoCommand):
    """Record a reply; undo withdraws it (the reply row is kept as a tombstone)."""

    def __init__(self, store: WorkflowStore, bus: DataBus, opinion: Opinion, disposition: Disposition,
                 reason: str, by: str, on: date) -> None:
        super().__init__(f"答复{opinion.title}")
        self._store, self._bus, self._opinion = store, bus, opinion
        self._disposition, self._reason, self._by, self._on = disposition, reason, by, on

    def redo(self) -> None:
        self._store.reply_opinion(self._opinion.id, self._disposition, self._reason, self._by, self._on)
        self._bus.changed.emit(Changed(Entity.WORKFLOW, frozenset({self._opinion.id})))

    def undo(self) -> None:
        self._store.withdraw_reply(self._opinion.id)
        self._bus.changed.emit(Changed(Entity.WORKFLOW, frozenset({self._opinion.id})))
