"""Undoable edits on the workflow screen: replying to an opinion, and every record write of the step pages."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.errors import DomainError
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


class StoreCommand(QUndoCommand):
    """One undoable write on a step page: `do` writes, `undo_fn` puts back what was there before.

    Both are closures over the store and immutable values (never widgets). A refusal (DomainError) during the
    first push is kept in `error` and the command makes itself obsolete, so it never sits on the stack."""

    def __init__(self, label: str, bus: DataBus, do: Callable[[], object], undo_fn: Callable[[object], None],
                 ids: frozenset[str] = frozenset()) -> None:
        super().__init__(label)
        self._bus, self._do, self._undo_fn, self._ids = bus, do, undo_fn, ids
        self._result: object = None
        self.error = ""

    def redo(self) -> None:
        try:
            self._result = self._do()
        except DomainError as error:
            self.error = error.message
            self.setObsolete(True)
            return
        self._bus.changed.emit(Changed(Entity.WORKFLOW, self._ids))

    def undo(self) -> None:
        self._undo_fn(self._result)
        self._bus.changed.emit(Changed(Entity.WORKFLOW, self._ids))
