"""Store interfaces (Protocols) of the household registry (户籍花名册), and the roster facts other areas read from it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from models.registry.households import (Grid, Household, HouseholdSummary, RoleHolding, SearchHit, VillageGroup,
                                            Villager)
    from models.registry.roster import Rejection
    from models.registry.roster_import import ImportSummary, RosterPreview


@dataclass(frozen=True)
class RosterPerson:
    """花名册人员 — one villager holding a role on a date, as the meeting needs them."""

    villager_id: str
    name: str
    gender: str  # "male" | "female" | "unknown"
    post: str = ""
    household_no: str = ""


class RegistryFacts(Protocol):
    """What the meeting rules need from the household registry, on a given date.

    Implemented over the registry by storage/registry/facts.py; tests of the rules use a plain-Python
    table. `group` (a group's name or id) narrows the count to one 村民小组 for group meetings. Role codes
    are the meeting's (models/minutes/types.py ROLE_*), mapped to the registry's in models/minutes/roles.py.
    """

    def adults_count(self, on_date: date, group: str | None = None) -> int: ...
    def households_count(self, on_date: date, group: str | None = None) -> int: ...
    def people_with_role(self, role: str, on_date: date) -> list[RosterPerson]: ...

    def find_person(self, key: str) -> RosterPerson | None:
        """The one villager with this complete ID number, or the one living villager of this name; else None."""
        ...

    def search_people(self, text: str, limit: int = 20) -> list[RosterPerson]:
        """Villagers by name, pinyin initials or household number, as the minutes' roster search needs them."""
        ...


class RegistryStore(Protocol):
    """户籍花名册: groups, grids, households, villagers and their roles.

    Reads return ID numbers masked (first 6 + last 4) unless the actor may view them; saving a
    villager whose ID is still masked keeps the stored number. Writes need EDIT_RECORDS.
    """

    @property
    def can_view_id_numbers(self) -> bool: ...
    def list_groups(self) -> list[VillageGroup]: ...
    def list_grids(self) -> list[Grid]: ...
    def save_group(self, group: VillageGroup) -> None: ...
    def save_grid(self, grid: Grid) -> None: ...
    def list_households(self) -> list[HouseholdSummary]: ...
    def get_household(self, household_id: str) -> Household: ...
    def save_household(self, household: Household) -> None: ...
    def withdraw(self, table: str, row_id: str) -> None:
        """Tombstone a group ("village_groups"), grid ("grids") or household ("households") added by mistake."""
        ...

    def members(self, household_id: str) -> list[Villager]: ...
    def get_villager(self, villager_id: str) -> Villager: ...

    def save_villager(self, villager: Villager) -> None:
        """Insert or update (and un-withdraw) the villager with this id."""
        ...

    def withdraw_villager(self, villager_id: str) -> None:
        """Tombstone a villager added by mistake (the undo of an add); people who leave are marked instead."""
        ...

    def roles_of(self, villager_id: str) -> list[RoleHolding]: ...
    def save_role(self, holding: RoleHolding) -> None: ...
    def remove_role(self, holding_id: str) -> None: ...

    def list_tags(self) -> list[str]:
        """User-defined tags in use, as stored ("tag:…")."""
        ...

    def people_with_role(self, role: str, on_date: date) -> list[Villager]:
        """Villagers active on `on_date` who hold `role` (a RoleCode value or "tag:…") on that date.

        PARTY_MEMBER also includes everyone whose political status is 中共党员 / 中共预备党员, and
        GRID_LEADER everyone named as a grid's leader.
        """
        ...

    def adults_count(self, on_date: date) -> int:
        """Villagers aged 18 or more and active (not deceased or moved out) on `on_date`."""
        ...

    def households_count(self, on_date: date) -> int:
        """Households with at least one villager active on `on_date`."""
        ...

    def search(self, text: str, limit: int = 500) -> list[SearchHit]:
        """Find by name, household number, phone, ID number or pinyin (initials `wjh` or full)."""
        ...

    def retire_group(self, group_id: str) -> None:
        """Tombstone an empty group; DomainError while households or grids remain in it."""
        ...

    def retire_grid(self, grid_id: str) -> None:
        """Tombstone an empty grid; DomainError while households remain in it."""
        ...

    def search_ids(self, text: str) -> tuple[set[str], set[str]]:
        """(household ids, villager ids) of every match of `search`, unordered and unlimited."""
        ...

    def preview_roster(self, path: Path, rows: int = 20) -> RosterPreview:
        """Read and check a roster file without writing anything."""
        ...

    def import_roster(self, path: Path, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
        """Import the good rows of a roster file in one transaction; bad rows are reported."""
        ...

    def write_rejects(self, source: Path, rejected: list[Rejection], target: Path) -> int:
        """Save the rejected rows of `source` (with a problem column) as a CSV the clerk can fix and re-import."""
        ...

    def export_roster(self, path: Path) -> int:
        """Write the active villagers as CSV or XLSX (by extension); returns the number of people."""
        ...
