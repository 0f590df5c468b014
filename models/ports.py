"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from models.accounts import Actor, Role, User
from models.audit import AuditEntry
from models.village import VillageProfile


@dataclass(frozen=True)
class RosterPerson:
    """花名册人员 — one villager holding a role on a date, as the meeting needs them."""

    villager_id: str
    name: str
    gender: str  # "male" | "female" | "unknown"


class RegistryFacts(Protocol):
    """What the meeting rules need from the household registry, on a given date.

    Implemented by the registry's store; tests use a plain-Python table. `group` narrows the count
    to one villager group (村民小组) for group meetings.
    """

    def adults_count(self, on_date: date, group: str | None = None) -> int: ...
    def households_count(self, on_date: date, group: str | None = None) -> int: ...
    def people_with_role(self, role: str, on_date: date) -> list[RosterPerson]: ...


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


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...
