"""Undoable registry edits: each QUndoCommand holds before/after values and its push does the write."""
from __future__ import annotations

from typing import Any, Callable

from models.core.changes import Changed, Entity
from models.registry.households import Grid, Household, RoleHolding, VillageGroup, Villager
from models.registry.ports import RegistryStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class SaveCommand(StoreCommand[None]):
    """Save `after` on redo; on undo save `before`, or withdraw the record if it was new.

    A refused write (DomainError) marks the command obsolete, so QUndoStack.push drops it and the
    screen shows `error` to the clerk.
    """

    def __init__(self, bus: DataBus, text: str, before: Any | None, after: Any, save: Callable[[Any], None],
                 withdraw: Callable[[str], None], entity: Entity, changed_id: str) -> None:
        super().__init__(text, bus, Changed(entity, frozenset({changed_id})), lambda: save(after),
                         lambda _none: withdraw(after.id) if before is None else save(before))


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


class RetireCommand(StoreCommand[None]):
    """撤销一个空的组或网格 (a tombstone); undo saves it again, which revives it."""

    def __init__(self, bus: DataBus, text: str, before: VillageGroup | Grid, retire: Callable[[str], None],
                 save: Callable[[Any], None], entity: Entity) -> None:
        super().__init__(text, bus, Changed(entity, frozenset({before.id})), lambda: retire(before.id),
                         lambda _none: save(before))
