"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Protocol

from models.accounts import Actor, Role, User
from models.audit import AuditEntry
from models.registry import (Grid, Household, HouseholdSummary, RoleHolding, SearchHit, VillageGroup,
                             Villager)
from models.roster import Rejection
from models.roster_import import ImportSummary, RosterPreview
from models.village import VillageProfile


class AccountStore(Protocol):
    """Local accounts. Writes check the acting user's permission and land in the audit log."""

    def list_users(self) -> list[User]: ...
    def create_user(self, username: str, display_name: str, role: Role, password: str) -> User: ...
    def set_password(self, user_id: str, password: str) -> None: ...
    def set_active(self, user_id: str, active: bool) -> None: ...

    def authenticate(self, username: str, password: str) -> User:
        """Return the user, or raise DomainError (wrong password, or wait N seconds)."""
        ...


class ProfileStore(Protocol):
    """This installation's village profile."""

    def get(self) -> VillageProfile: ...
    def save(self, profile: VillageProfile) -> None: ...


class AuditReader(Protocol):
    """Read-only view of the audit trail."""

    def recent(self, limit: int = 200) -> list[AuditEntry]: ...
    def verify(self) -> list[str]: ...


class BackupService(Protocol):
    """Backups of the database file."""

    def last_backup_time(self) -> str | None: ...
    def backup_now(self) -> Path: ...
    def daily_backup_if_due(self) -> Path | None: ...


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


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService
    registry: RegistryStore


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...
