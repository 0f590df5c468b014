"""Undo commands of the rules screen: every article edit swaps a whole draft version before ↔ after."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.ports import RulebookStore
from models.rules import RuleVersion
from ui.bus import DataBus


class EditVersionCommand(QUndoCommand):
    """One edit of a draft (text, insert, delete, move, split, merge); pushing it writes the draft."""

    def __init__(self, store: RulebookStore, bus: DataBus, before: RuleVersion, after: RuleVersion,
                 text: str) -> None:
        super().__init__(text)
        self._store, self._bus, self._before, self._after = store, bus, before, after

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, version: RuleVersion) -> None:
        self._store.save_version(version)
        self._bus.changed.emit(Changed(Entity.RULEBOOK, frozenset({version.rulebook_id})))


class SetChangeReasonCommand(QUndoCommand):
    """Edit the reason for one change in the 修改对照表 of a version."""

    def __init__(self, store: RulebookStore, bus: DataBus, rulebook_id: str, version_id: str, article_key: str,
                 before: str, after: str) -> None:
        super().__init__("修改理由")
        self._store, self._bus = store, bus
        self._rulebook_id, self._version_id, self._key = rulebook_id, version_id, article_key
        self._before, self._after = before, after

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, reason: str) -> None:
        self._store.set_change_reason(self._version_id, self._key, reason)
        self._bus.changed.emit(Changed(Entity.RULEBOOK, frozenset({self._rulebook_id})))
