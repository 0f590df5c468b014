"""Undoable edits of the lists screen: nomination, renewal, volunteers (evidence: ui/widgets); later steps are not."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.core.changes import Changed, Entity
from models.lists.workflow import Nomination
from models.lists.entries import ListEntry
from models.lists.ports import ListStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class _NewEntryCommand(StoreCommand[str]):
    """Make a new entry once; undo takes it back (kept as a tombstone), redo brings the same entry back.

    A refusal leaves the command obsolete (the stack drops it at once) with the error for the screen to show."""

    def __init__(self, store: ListStore, bus: DataBus, text: str,
                 create: Callable[[], tuple[ListEntry, list[str]]]) -> None:
        super().__init__(text, bus, lambda entry_id: Changed(Entity.LIST_ENTRY, frozenset({entry_id})),
                         self._first, store.discard_nomination, store.restore_nomination)
        self._create = create
        self.warnings: list[str] = []

    def _first(self) -> str:
        entry, self.warnings = self._create()
        return entry.id

    @property
    def entry_id(self) -> str:
        return self.result or ""


class NominateCommand(_NewEntryCommand):
    """Record a nomination."""

    def __init__(self, store: ListStore, bus: DataBus, nomination: Nomination, household_no: str, article: str,
                 on: date) -> None:
        super().__init__(store, bus, f"提名{nomination.list_kind.label}（第{household_no}户）",
                         lambda: store.nominate(nomination, household_no, article, on))


class RenewCommand(_NewEntryCommand):
    """续期 — a new nomination of a published (or expired) entry for a later cycle."""

    def __init__(self, store: ListStore, bus: DataBus, entry_id: str, period: str, on: date) -> None:
        super().__init__(store, bus, f"续期到{period}", lambda: store.renew(entry_id, period, on))


class AddParticipationCommand(StoreCommand[str]):
    """Record a volunteer participation; undo takes it back (kept as a tombstone), redo brings the same one back."""

    def __init__(self, store: ListStore, bus: DataBus, household_no: str, activity: str, on: date,
                 hours: float) -> None:
        super().__init__(f"记录志愿服务（第{household_no}户 {activity}）", bus, Changed(Entity.LIST_ENTRY, frozenset()),
                         lambda: store.add_participation(household_no, activity, on, hours).id,
                         store.discard_participation, store.restore_participation)

    @property
    def participation_id(self) -> str:
        return self.result or ""


