"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from models.accounts import Actor, Role, User
from models.audit import AuditEntry
from models.sync import ExportResult, ImportResult, NodeCard, Peer
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


class SyncService(Protocol):
    """Pairing and USB bundles (同步包). Export and import are irreversible acts, audit-logged."""

    def identity(self) -> NodeCard: ...

    def public_key_text(self) -> str:
        """The public key file's content, for a QR code a peer can scan."""
        ...

    def peers(self) -> list[Peer]: ...
    def trust_key_file(self, path: Path) -> Peer: ...
    def write_public_key(self, path: Path) -> NodeCard: ...

    def export_to(self, folder: Path, peer: str | None = None) -> ExportResult:
        """Write, fsync, rename and read back a bundle of everything the peer has not acknowledged."""
        ...

    def import_file(self, path: Path) -> ImportResult:
        """Verify and apply a bundle in one transaction; raises DomainError (nothing written) if refused."""
        ...


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService
    sync: SyncService


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...
