"""Undoable edits of the lists screen: nomination, renewal, volunteers (evidence: ui/widgets); later steps are not."""
from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.errors import DomainError
from models.list_workflow import Nomination
from models.lists import ListEntry
from models.ports import ListStore
from ui.bus import DataBus


class _NewEntryCommand(QUndoCommand):
    """Make a new entry once; undo takes it back (kept as a tombstone), redo brings the same entry back.

    A refusal leaves the command obsolete (the stack drops it at once) with the error for the screen to show."""

    def __init__(self, store: ListStore, bus: DataBus, text: str) -> None:
        super().__init__(text)
        self._store, self._bus = store, bus
        self.entry_id = ""
        self.warnings: list[str] = []
        self.error: DomainError | None = None

    def _create(self) -> tuple[ListEntry, list[str]]:
        raise NotImplementedError

    def redo(self) -> None:
        if self.entry_id:
            self._store.restore_nomination(self.entry_id)
        else:
            try:
                entry, self.warnings = self._create()
            except DomainError as error:
                self.error = error
                self.setObsolete(True)
                return
            self.entry_id = entry.id
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self.entry_id})))

    def undo(self) -> None:
        self._store.discard_nomination(self.entry_id)
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self.entry_id})))


class NominateCommand(_NewEntryCommand):
    """Record a nomination."""

    def __init__(self, store: ListStore, bus: DataBus, nomination: Nomination, household_no: str, article: str,
                 on: date) -> None:
        super().__init__(store, bus, f"提名{nomination.list_kind.label}（第{household_no}户）")
        self._nomination, self._household_no, self._article, self._on = nomination, household_no, article, on

    def _create(self) -> tuple[ListEntry, list[str]]:
        return self._store.nominate(self._nomination, self._household_no, self._article, self._on)


class RenewCommand(_NewEntryCommand):
    """续期 — a new nomination of a published (or expired) entry for a later cycle."""

    def __init__(self, store: ListStore, bus: DataBus, entry_id: str, period: str, on: date) -> None:
        super().__init__(store, bus, f"续期到{period}")
        self._old_id, self._period, self._on = entry_id, period, on

    def _create(self) -> tuple[ListEntry, list[str]]:
        return self._store.renew(self._old_id, self._period, self._on)


class AddParticipationCommand(QUndoCommand):
    """Record a volunteer participation; undo takes it back (kept as a tombstone), redo brings the same one back."""

    def __init__(self, store: ListStore, bus: DataBus, household_no: str, activity: str, on: date,
                 hours: float) -> None:
        super().__init__(f"记录志愿服务（第{household_no}户 {activity}）")
        self._store, self._bus = store, bus
        self._household_no, self._activity, self._on, self._hours = household_no, activity, on, hours
        self.participation_id = ""
        self.error: DomainError | None = None

    def redo(self) -> None:
        if self.participation_id:
            self._store.restore_participation(self.participation_id)
        else:
            try:
                item = self._store.add_participation(self._household_no, self._activity, self._on, self._hours)
            except DomainError as error:  # refused: the stack drops an obsolete command at once
                self.error = error
                self.setObsolete(True)
                return
            self.participation_id = item.id
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset()))

    def undo(self) -> None:
        self._store.discard_participation(self.participation_id)
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset()))
