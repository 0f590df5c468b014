"""What the registry's printed product (村民小组花名册) reads, gathered through the stores.

printing/ renders it (keeping the members active on the printed date); ui/ and cli/ call the gatherer.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import NotFound

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.registry.households import Household, VillageGroup, Villager


@dataclass(frozen=True)
class GroupHouseholds:
    """One group's households in household-number order, each with all its members."""

    village: str
    group: VillageGroup
    households: tuple[tuple[Household, tuple[Villager, ...]], ...]


def group_households(stores: Stores, group_id: str, _today: date) -> GroupHouseholds:
    """The group named or numbered `group_id`; NotFound (in words the clerk can act on) when there is none."""
    group = next((g for g in stores.groups.list_groups() if group_id in (g.id, g.name)), None)
    if group is None:
        raise NotFound(f"没有“{group_id}”这个村民小组。请写小组名称（如“第一村民小组”）或编号，可在花名册中查看。")
    households = tuple((summary.household, tuple(stores.villagers.members(summary.household.id)))
                       for summary in sorted(stores.households.list_households(),
                                             key=lambda s: s.household.household_no)
                       if summary.household.group_id == group.id)
    return GroupHouseholds(stores.profile.get().village, group, households)
