"""Undoable registry edits: each QUndoCommand holds before/after values and its push does the write."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from models.changes import Changed, Entity
from models.errors import DomainError
from models.ports import RegistryStore
from models.registry import Grid, Household, RoleHolding, VillageGroup, Villager
from ui.bus import DataBus


class SaveCommand(QUndoCommand):
    """Save `after` on redo; on undo save `before`, or withdraw the record if it was new.

    A refused write (DomainError) marks the command obsolete, so QUndoStack.push drops it and the
    screen shows `error` to the clerk.
    """

    def __init__(self, bus: DataBus, text: str, before: Any | None, after: Any, save: Callable[[Any], None],
                 withdraw: Callable[[str], None], entity: Entity, changed_id: str) -> None:
        super().__init__(text)
        self._bus, self._before, self._after = bus, before, after
        self._save, self._withdraw, self._entity, self._changed_id = save, withdraw, entity, changed_id
        self.error: DomainError | None = None

    def redo(self) -> None:
        try:
            self._save(self._after)
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._notify()

    def undo(self) -> None:
        if self._before is None:
            self._withdraw(self._after.id)
        else:
            self._save(self._before)
        self._notify()

    def _notify(self) -> None:
        self._bus.changed.emit(Changed(self._entity, frozenset({self._changed_id})))


class SaveVillagerCommand(SaveCommand):
    """添加、修改村民，或标记已故/迁出."""

    def __init__(self, store: RegistryStore, bus: DataBus, text: str, before: Villager | None,
                 after: Villager) -> None:
        super().__init__(bus, text, before, after, store.save_villager, store.withdraw_villager,
                         Entity.VILLAGER, after.id)


class SaveHouseholdCommand(SaveCommand):
    """新建、修改或迁移一户."""

    def __init__(self, store: RegistryStore, bus: DataBus, text: str, before: Household | None,
                 after: Household) -> None:
        super().__init__(bus, text, before, after, store.save_household,
                         lambda row_id: store.withdraw("households", row_id), Entity.HOUSEHOLD, after.id)


class SaveGroupCommand(SaveCommand):
    """新建或修改村民小组."""

    def __init__(self, store: RegistryStore, bus: DataBus, text: str, before: VillageGroup | None,
                 after: VillageGroup) -> None:
        super().__init__(bus, text, before, after, store.save_group,
                         lambda row_id: store.withdraw("village_groups", row_id), Entity.VILLAGE_GROUP, after.id)


class SaveGridCommand(SaveCommand):
    """新建或修改网格."""

    def __init__(self, store: RegistryStore, bus: DataBus, text: str, before: Grid | None, after: Grid) -> None:
        super().__init__(bus, text, before, after, store.save_grid,
                         lambda row_id: store.withdraw("grids", row_id), Entity.GRID, after.id)


class SaveRoleCommand(SaveCommand):
    """添加身份，或为身份填写结束日期."""

    def __init__(self, store: RegistryStore, bus: DataBus, text: str, before: RoleHolding | None,
                 after: RoleHolding) -> None:
        super().__init__(bus, text, before, after, store.save_role, store.remove_role, Entity.VILLAGER,
                         after.villager_id)


class RetireCommand(QUndoCommand):
    """撤销一个空的组或网格 (a tombstone); undo saves it again, which revives it."""

    def __init__(self, bus: DataBus, text: str, before: VillageGroup | Grid, retire: Callable[[str], None],
                 save: Callable[[Any], None], entity: Entity) -> None:
        super().__init__(text)
        self._bus, self._before, self._retire, self._save, self._entity = bus, before, retire, save, entity
        self.error: DomainError | None = None

    def redo(self) -> None:
        try:
            self._retire(self._before.id)
        except DomainError as error:
            self.error = error
            self.setObsolete(True)
            return
        self._notify()

    def undo(self) -> None:
        self._save(self._before)
        self._notify()

    def _notify(self) -> None:
        self._bus.changed.emit(Changed(self._entity, frozenset({self._before.id})))
