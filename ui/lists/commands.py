"""Undoable edits of the lists screen: nomination, renewal, evidence while in 提名, volunteers; later steps are not."""
from __future__ import annotations

from datetime import date
from pathlib import Path

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


class AddEvidenceCommand(QUndoCommand):
    """添加证据 to an entry in 提名: the first redo copies the file in; undo withdraws it, a later redo restores it."""

    def __init__(self, store: ListStore, bus: DataBus, entry_id: str, source: Path) -> None:
        super().__init__(f"添加证据 {source.name}")
        self._store, self._bus, self._entry_id, self._source = store, bus, entry_id, source
        self.evidence_id = ""
        self.error: DomainError | None = None

    def redo(self) -> None:
        if self.evidence_id:
            self._store.restore_evidence(self.evidence_id)
        else:
            try:
                self.evidence_id = self._store.attach_evidence(self._entry_id, self._source).id
            except DomainError as error:  # refused: shown by the panel, dropped from the stack
                self.error = error
                self.setObsolete(True)
                return
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self._entry_id})))

    def undo(self) -> None:
        self._store.remove_evidence(self.evidence_id)
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self._entry_id})))


class RemoveEvidenceCommand(QUndoCommand):
    """移除证据 of an entry in 提名 (withdrawn, never erased); undo brings it back."""

    def __init__(self, store: ListStore, bus: DataBus, entry_id: str, evidence_id: str, file_name: str) -> None:
        super().__init__(f"移除证据 {file_name}")
        self._store, self._bus, self._entry_id, self._evidence_id = store, bus, entry_id, evidence_id

    def redo(self) -> None:
        self._store.remove_evidence(self._evidence_id)
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self._entry_id})))

    def undo(self) -> None:
        self._store.restore_evidence(self._evidence_id)
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({self._entry_id})))
