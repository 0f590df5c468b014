"""Undoable edits of the lists screen: nomination, renewal, volunteers (evidence: ui/widgets); later steps are not."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.core.changes import Changed
from models.lists.ports import ListEntryStore, VolunteerStore
from models.lists.workflow import Nomination
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class _NewEntryCommand(StoreCommand[Changed]):
    """Make a new entry once; undo takes it back (kept as a tombstone), redo brings the same entry back.

    A refusal leaves the command obsolete (the stack drops it at once) with the error for the screen to show."""

    def __init__(self, store: ListEntryStore, bus: DataBus, text: str, create: Callable[[], Changed],
                 on: date) -> None:
        super().__init__(text, bus, None, self._first, lambda made: store.discard_nomination(made.id),
                         lambda made: store.restore_nomination(made.id))
        self._store, self._create, self._on = store, create, on
        self.warnings: list[str] = []

    def _first(self) -> Changed:
        made = self._create()
        self.warnings = self._store.nomination_blockers(made.id, self._on)
        return made

    @property
    def entry_id(self) -> str:
        return self.result.id if self.result else ""


class NominateCommand(_NewEntryCommand):
    """Record a nomination."""

    def __init__(self, store: ListEntryStore, bus: DataBus, nomination: Nomination, household_no: str, article: str,
                 on: date) -> None:
        super().__init__(store, bus, f"提名{nomination.list_kind.label}（第{household_no}户）",
                         lambda: store.nominate(nomination, household_no, article, on), on)


class RenewCommand(_NewEntryCommand):
    """续期 — a new nomination of a published (or expired) entry for a later cycle."""

    def __init__(self, store: ListEntryStore, bus: DataBus, entry_id: str, period: str, on: date) -> None:
        super().__init__(store, bus, f"续期到{period}", lambda: store.renew(entry_id, period, on), on)


class AddParticipationCommand(StoreCommand[Changed]):
    """Record a volunteer participation; undo takes it back (kept as a tombstone), redo brings the same one back."""

    def __init__(self, store: VolunteerStore, bus: DataBus, household_no: str, activity: str, on: date,
                 hours: float) -> None:
        super().__init__(f"记录志愿服务（第{household_no}户 {activity}）", bus, None,
                         lambda: store.add_participation(household_no, activity, on, hours),
                         lambda made: store.discard_participation(made.id),
                         lambda made: store.restore_participation(made.id))

    @property
    def participation_id(self) -> str:
        return self.result.id if self.result else ""
