"""Store interfaces (Protocols) of the household registry (户籍花名册), one per aggregate (groups and grids,
households, villagers with their roles), the reads across them, the roster files, and the roster facts other
areas read from it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.registry.grids import GridMemberTerm
    from models.registry.households import (Grid, Household, HouseholdSummary, RoleHolding, SearchHit, VillageGroup,
                                            Villager)
    from models.registry.listing import HouseholdListing
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


class GroupStore(Protocol):
    """村民小组 and their 网格. Writes need EDIT_RECORDS and return what they changed."""

    def list_groups(self) -> list[VillageGroup]: ...
    def list_grids(self) -> list[Grid]: ...
    def save_group(self, group: VillageGroup) -> Changed:
        """Insert or update (and un-withdraw) the group with this id."""
        ...

    def save_grid(self, grid: Grid, member_from: date | None = None) -> Changed:
        """Insert or update the grid; a new 网格员 opens a term from `member_from` (default today) and closes the
        previous one the day before (R52: the history is kept)."""
        ...

    def member_terms(self, grid_id: str) -> list[GridMemberTerm]:
        """The grid's 网格员 by date, oldest first."""
        ...

    def withdraw_group(self, group_id: str) -> Changed:
        """Tombstone a group added by mistake (the undo of an add)."""
        ...

    def withdraw_grid(self, grid_id: str) -> Changed: ...

    def retire_group(self, group_id: str) -> Changed:
        """Tombstone an empty group; DomainError while households or grids remain in it."""
        ...

    def retire_grid(self, grid_id: str) -> Changed:
        """Tombstone an empty grid; DomainError while households remain in it."""
        ...


class HouseholdStore(Protocol):
    """户: one household's own record (its people are the VillagerStore's)."""

    def list_households(self) -> list[HouseholdSummary]: ...

    def scope_counts(self) -> dict[str, int]:
        """Households per grid, and per group for those in no grid (keys: grid or group ids)."""
        ...

    def household_numbers(self) -> list[str]:
        """Every household's number (for the next one's)."""
        ...

    def get_household(self, household_id: str) -> Household: ...

    def save_household(self, household: Household) -> Changed:
        """Insert or update (and un-withdraw); refused when another household has the number."""
        ...

    def withdraw_household(self, household_id: str) -> Changed:
        """Tombstone a household added by mistake (the undo of an add)."""
        ...


class VillagerStore(Protocol):
    """村民 and the roles (身份) they hold.

    Reads return ID numbers masked (first 6 + last 4) unless the actor may view them; saving a
    villager whose ID is still masked keeps the stored number.
    """

    @property
    def can_view_id_numbers(self) -> bool: ...
    def members(self, household_id: str) -> list[Villager]: ...
    def get_villager(self, villager_id: str) -> Villager: ...

    def save_villager(self, villager: Villager) -> Changed:
        """Insert or update (and un-withdraw) the villager with this id."""
        ...

    def withdraw_villager(self, villager_id: str) -> Changed:
        """Tombstone a villager added by mistake (the undo of an add); people who leave are marked instead."""
        ...

    def roles_of(self, villager_id: str) -> list[RoleHolding]: ...

    def save_role(self, holding: RoleHolding) -> Changed:
        """Insert or update a role; the change is the villager's."""
        ...

    def remove_role(self, holding_id: str) -> Changed: ...


class RegistryQueries(Protocol):
    """Reads across the whole registry: who holds a role, how many live here, finding people, tags in use."""

    def people_with_role(self, role: str, on_date: date) -> list[Villager]:
        """Villagers active on `on_date` who hold `role` (a RoleCode value or "tag:…") on that date.

        PARTY_MEMBER also includes everyone whose political status is 中共党员 / 中共预备党员, and
        GRID_LEADER everyone named as a grid's leader.
        """
        ...

    def adults_count(self, on_date: date, group: str | None = None) -> int:
        """Villagers aged 18 or more and active (not deceased or moved out) on `on_date`."""
        ...

    def households_count(self, on_date: date, group: str | None = None) -> int:
        """Households with at least one villager active on `on_date`."""
        ...

    def search(self, text: str, limit: int = 500) -> list[SearchHit]:
        """Find by name, household number, phone, ID number or pinyin (initials `wjh` or full)."""
        ...

    def search_ids(self, text: str) -> tuple[set[str], set[str]]:
        """(household ids, villager ids) of every match of `search`, unordered and unlimited."""
        ...

    def matching_people(self, household_id: str, text: str) -> set[str]:
        """The villagers of this household that `search` finds for `text`."""
        ...

    def households_page(self, listing: HouseholdListing, offset: int, limit: int) -> list[HouseholdSummary]:
        """The households `listing` lets through (each with its counts), by household number: at most `limit`
        from `offset` on, so a screen reads a county roll-up a page at a time."""
        ...

    def list_tags(self) -> list[str]:
        """User-defined tags in use, as stored ("tag:…")."""
        ...


class RosterFiles(Protocol):
    """花名册文件: reading, importing and exporting the whole roster as CSV or XLSX."""

    def preview_roster(self, path: Path, rows: int = 20) -> RosterPreview:
        """Read and check a roster file without writing anything."""
        ...

    def import_roster(self, path: Path, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
        """Import the good rows of a roster file in one transaction; bad rows are reported, and
        `ImportSummary.changed` names the groups, households and villagers written."""
        ...

    def write_rejects(self, source: Path, rejected: list[Rejection], target: Path) -> int:
        """Save the rejected rows of `source` (with a problem column) as a CSV the clerk can fix and re-import."""
        ...

    def export_roster(self, path: Path) -> int:
        """Write the active villagers as CSV or XLSX (by extension); returns the number of people."""
        ...
