"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from models.accounts import Actor, Role, User
from models.audit import AuditEntry
from models.boards import Board
from models.list_workflow import Nomination
from models.lists import ArticleRef, HouseholdInfo, ListEntry, NamingBasis, Objection, Transition, WithdrawReason
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
    def backup_folder(self) -> str: ...

    def backup_now(self) -> Path:
        """Write a backup now; safe to call from a worker thread."""
        ...

    def daily_backup_if_due(self) -> Path | None:
        """The day's automatic backup if none exists yet; safe to call from a worker thread."""
        ...


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService
    lists: ListStore


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...


class HouseholdDirectory(Protocol):
    """What the lists need from the household registry (户籍): a household by its number, or by id."""

    def household(self, household_no: str) -> HouseholdInfo:
        """The household with this number, or raise DomainError (Chinese) if there is none."""
        ...

    def household_by_id(self, household_id: str) -> HouseholdInfo: ...


class ArticleCatalogue(Protocol):
    """What the lists need from the village rules: articles of the version in force."""

    def resolve(self, reference: str) -> ArticleRef:
        """The article of the rules in force that `reference` (第12条, 12) names, pinned to its version."""
        ...


class ListStore(Protocol):
    """Red/yellow/black list entries, their transitions, objections, naming bases, volunteers, board log."""

    def nominate(self, nomination: Nomination, household_no: str, article: str = "",
                 on: date | None = None) -> tuple[ListEntry, list[str]]: ...
    def advance(self, entry_id: str, note: str = "", override_reason: str = "",
                on: date | None = None) -> ListEntry: ...
    def refuse(self, entry_id: str, reason: str, on: date | None = None) -> ListEntry: ...
    def withdraw(self, entry_id: str, reason: WithdrawReason, note: str = "", on: date | None = None) -> ListEntry: ...
    def entry(self, entry_id: str) -> ListEntry: ...
    def entries(self, period: str | None = None) -> list[ListEntry]: ...
    def transitions(self, entry_id: str) -> list[Transition]: ...
    def objections(self, entry_id: str | None = None) -> list[Objection]: ...
    def add_objection(self, entry_id: str, raised_by: str, content: str, on: date | None = None) -> Objection: ...
    def answer_objection(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Objection: ...
    def naming_bases(self) -> list[NamingBasis]: ...
    def board(self, period: str, on: date | None = None) -> Board: ...
    def expire_due(self, on: date | None = None) -> list[ListEntry]: ...
