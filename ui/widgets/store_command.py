"""StoreCommand: the one undoable store write (STYLE.md §4.2), and push_command, the one way to push it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from models.core.changes import Changed
from models.core.errors import DomainError
from ui.core.bus import DataBus

R = TypeVar("R")


class StoreCommand(QUndoCommand, Generic[R]):
    """An edit whose push performs the write: `do()` writes and returns what undo needs (an id, or None);
    `undo(result)` puts back what was there; `again(result)`, when given, is a later redo (restore a tombstone)
    instead of running `do` once more. All three are closures over stores and immutable values, never widgets.

    If the first redo fails, the command makes itself obsolete, so QUndoStack.push drops it: no 撤销 is offered
    for a change that never happened. A refusal (DomainError) is kept in `error` for the caller to show; any
    other exception in `unexpected`, which push_command raises again once the command is gone. An exception
    escaping redo() does come out of QUndoStack.push, but only after the stack has kept the command: that was
    the phantom 撤销 答复意见36 of issue 14. Store writes are atomic, so a failed store call writes nothing.

    Store writes return the `Changed` they made; when `do`, `undo` or `again` returns one, that is what the bus
    hears (a `do` that returns Changed keeps it as `result`: its `id` is the new record's). `changed` is only
    the notice for writes that return nothing of their own."""

    def __init__(self, label: str, bus: DataBus | None, changed: Changed | Callable[[R], Changed] | None,
                 do: Callable[[], R], undo: Callable[[R], Changed | None],
                 again: Callable[[R], Changed | None] | None = None) -> None:
        super().__init__(label)
        self._bus, self._changed, self._do, self._undo, self._again = bus, changed, do, undo, again
        self._done = False
        self.result: R | None = None
        self.error: DomainError | None = None
        self.unexpected: Exception | None = None

    def redo(self) -> None:
        if self._done and self._again is not None:
            self._notify(self._again(self.result))  # type: ignore[arg-type]  # set by the first redo
            return
        if self._done:
            self.result = self._do()
        else:
            try:
                self.result = self._do()
            except DomainError as error:
                self.error = error
                self.setObsolete(True)
                return
            except Exception as error:  # noqa: BLE001  (handed on by push_command, after the stack dropped us)
                self.unexpected = error
                self.setObsolete(True)
                return
            self._done = True
        self._notify(self.result)

    def undo(self) -> None:
        """A refused undo (the record moved on elsewhere) leaves the change in place: the command makes itself
        obsolete, so the stack drops it (nothing is left to redo or undo again), and the refusal is raised on to
        whoever undid (Ctrl+Z: the app's error box shows its message)."""
        try:
            returned = self._undo(self.result)  # type: ignore[arg-type]
        except DomainError:
            self.setObsolete(True)
            raise
        self._notify(returned)

    def _notify(self, returned: object) -> None:
        if self._bus is None:
            return
        if isinstance(returned, Changed):
            self._bus.changed.emit(returned)
            return
        if self._changed is None:
            return
        changed = self._changed
        if not isinstance(changed, Changed):
            changed = changed(self.result)  # type: ignore[arg-type]
        self._bus.changed.emit(changed)


def push_command(stack: QUndoStack, command: StoreCommand) -> DomainError | None:
    """Push `command` (its first redo writes) and return the store's refusal, for the caller to show as a warning.

    An unexpected error is raised again here, after the stack has dropped the command, so it reaches the app's
    error handler (sys.excepthook) with nothing left to undo."""
    stack.push(command)
    if command.unexpected is not None:
        raise command.unexpected
    return command.error
