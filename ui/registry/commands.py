"""Undoable registry edits: each command's push does the write; every write returns the Changed the bus hears."""
from __future__ import annotations

from typing import Any, Callable

from models.core.changes import Changed
from models.registry.households import Grid, Household, RoleHolding, VillageGroup, Villager
from models.registry.ports import GroupStore, HouseholdStore, VillagerStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


class SaveCommand(StoreCommand[Changed]):
    """Save `after` on redo; on undo save `before`, or withdraw the record if it was new.

    A refused write (DomainError) marks the command obsolete, so QUndoStack.push drops it and the
    screen shows `error` to the clerk.
    """

    def __init__(self, bus: DataBus, text: str, before: Any | None, after: Any, save: Callable[[Any], Changed],
                 withdraw: Callable[[str], Changed]) -> None:
        super().__init__(text, bus, None, lambda: save(after),
                         lambda _done: withdraw(after.id) if before is None else save(before))


class SaveVillagerCommand(SaveCommand):
    """添加、修改村民，或标记已故/迁出."""

    def __init__(self, store: VillagerStore, bus: DataBus, text: str, before: Villager | None,
                 after: Villager) -> None:
        super().__init__(bus, text, before, after, store.save_villager, store.withdraw_villager)


class SaveHouseholdCommand(SaveCommand):
    """新建、修改或迁移一户."""

    def __init__(self, store: HouseholdStore, bus: DataBus, text: str, before: Household | None,
                 after: Household) -> None:
        super().__init__(bus, text, before, after, store.save_household, store.withdraw_household)


class SaveGroupCommand(SaveCommand):
    """新建或修改村民小组."""

    def __init__(self, store: GroupStore, bus: DataBus, text: str, before: VillageGroup | None,
                 after: VillageGroup) -> None:
        super().__init__(bus, text, before, after, store.save_group, store.withdraw_group)


class SaveGridCommand(SaveCommand):
    """新建或修改网格."""

    def __init__(self, store: GroupStore, bus: DataBus, text: str, before: Grid | None, after: Grid) -> None:
        super().__init__(bus, text, before, after, store.save_grid, store.withdraw_grid)


class SaveRoleCommand(SaveCommand):
    """添加身份，或为身份填写结束日期."""

    def __init__(self, store: VillagerStore, bus: DataBus, text: str, before: RoleHolding | None,
                 after: RoleHolding) -> None:
        super().__init__(bus, text, before, after, store.save_role, store.remove_role)


class RetireCommand(StoreCommand[Changed]):
    """撤销一个空的组或网格 (a tombstone); undo saves it again, which revives it."""

    def __init__(self, bus: DataBus, text: str, before: VillageGroup | Grid, retire: Callable[[str], Changed],
                 save: Callable[[Any], Changed]) -> None:
        super().__init__(text, bus, None, lambda: retire(before.id), lambda _done: save(before))
