"""What the grid products read, gathered through the stores: the public 网格公示牌 (grid member, the member's phone
only, the households' count — R51: no reason, no other phone) and the internal 网格联户表 (households with their
contact people, for the grid member; never for the board)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.care.services import grid_by_key, grid_rows

if TYPE_CHECKING:
    from models.core.ports import Stores


@dataclass(frozen=True)
class GridBoard:
    """网格公示牌 — public: nothing about any household but their number in the grid."""

    village: str
    grid: str
    level: str
    parent: str
    member: str
    member_phone: str
    households: int


@dataclass(frozen=True)
class SheetHousehold:
    """One household on the internal sheet: number, head, address and each contact person with their line."""

    household_no: str
    head: str
    address: str
    contacts: tuple[tuple[str, str], ...]  # (line label, person)


@dataclass(frozen=True)
class GridSheet:
    """网格联户表 — internal (内部资料 请勿张贴): the grid's households and their contact people."""

    village: str
    grid: str
    member: str
    households: tuple[SheetHousehold, ...]


def grid_board(stores: Stores, grid_key: str, _today: date) -> GridBoard:
    grid = grid_by_key(stores, grid_key)
    row = next(r for r in grid_rows(stores) if r.grid.id == grid.id)
    phone = stores.villagers.get_villager(grid.member_id).phone if grid.member_id else ""
    return GridBoard(stores.profile.get().village, grid.name, row.level.label, row.parent, row.member, phone,
                     row.households)


def grid_sheet(stores: Stores, grid_key: str, today: date) -> GridSheet:
    grid = grid_by_key(stores, grid_key)
    row = next(r for r in grid_rows(stores) if r.grid.id == grid.id)
    contacts = stores.care_contacts.current_contacts(today)
    households = tuple(
        SheetHousehold(s.household.household_no, s.head_name, s.household.address,
                       tuple((c.line.label, c.villager_name) for c in contacts.get(s.household.id, [])))
        for s in stores.households.list_households() if s.household.grid_id == grid.id)
    return GridSheet(stores.profile.get().village, grid.name, row.member, households)
