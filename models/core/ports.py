"""Store interfaces (Protocols) of the core area — accounts, profile, audit, backups, attachments — and the
`Stores` bundle and `Backend` that storage/ implements and ui/ receives through constructors.

Each area's own stores are in `models/<area>/ports.py`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only annotations use these: the GUI's start-up need not import every area's models
    from collections.abc import Callable

    from models.care.ports import (CareLevelStore, CareSettingsStore, ContactLineStore, GridAssignmentStore,
                                   VisitStore)
    from models.core.accounts import Actor, Role, User
    from models.core.attachments import Attachment, AttachmentKind, AttachmentOwner, OwnerStatus
    from models.core.audit import AuditEntry
    from models.core.changes import Changed
    from models.core.print_log import PrintLog
    from models.core.village import VillageProfile
    from models.disclosures.ports import DisclosureCalendar, DisclosureDesk, FinanceSheets, PublicationStore
    from models.lists.ports import (
        BoardLogStore, ListEntryStore, ListSettingsStore, NamingBasisStore, ObjectionStore, VolunteerStore,
    )
    from models.matters.ports import MatterStore, OfficerLogStore, ProjectStore, RaiserDirectory
    from models.minutes.ports import (
        ConveneStore, FollowUpStore, FourTwoStore, MeetingStore, MeetingTypeStore, MinutesSettingsStore,
    )
    from models.points.ports import PointsStores
    from models.registry.ports import (GroupStore, HouseholdStore, RegistryFacts, RegistryQueries, RosterFiles,
                                       VillagerStore)
    from models.stars.ports import StarAwardStore, StarListStore
    from models.rules.ports import CatalogueStore, ChangeReasonStore, RulebookStore, RulesFiles
    from models.sync.ports import SyncService
    from models.township.ports import TownshipStore
    from models.workflow.ports import WorkflowStores


class AccountStore(Protocol):
    """Local accounts. Writes check the acting user's permission, land in the audit log and return the USER
    change (an add names the new user's id)."""

    def list_users(self) -> list[User]: ...
    def user(self, user_id: str) -> User: ...
    def create_user(self, username: str, display_name: str, role: Role, password: str) -> Changed: ...
    def set_password(self, user_id: str, password: str) -> Changed: ...
    def set_active(self, user_id: str, active: bool) -> Changed: ...

    def authenticate(self, username: str, password: str) -> User:
        """Return the user, or raise DomainError (wrong password, or wait N seconds)."""
        ...


class ProfileStore(Protocol):
    """This installation's village profile."""

    def get(self) -> VillageProfile: ...
    def save(self, profile: VillageProfile) -> Changed: ...


class AuditReader(Protocol):
    """Read-only view of the audit trail."""

    def recent(self, limit: int = 200) -> list[AuditEntry]: ...
    def verify(self) -> list[str]: ...


class BackupService(Protocol):
    """Backups of the database file."""

    def last_backup_time(self) -> str | None: ...
    def backup_folder(self) -> str: ...

    def folder_usage(self) -> tuple[int, int]:
        """How many backup files the backup folder holds, and their bytes (kept bounded by `prune`)."""
        ...

    def backup_now(self) -> Changed:
        """Write a backup now (the change's `id` is the backup file's path); safe to call from a worker thread."""
        ...

    def daily_backup_if_due(self) -> Changed | None:
        """The day's automatic backup if none exists yet (None: one exists); safe to call from a worker thread."""
        ...

    def restore(self, backup: Path, account: tuple[str, str] | None = None) -> list[str]:
        """Replace the whole database with a checked backup (the old content kept as a pre-restore copy);
        notes for the clerk. GUI thread only: it writes through the session's own connection. `account`: a user
        name and password of the backup's own accounts, for a backup of another installation (another key)."""
        ...

    def needs_account(self, backup: Path) -> bool:
        """Whether the backup is encrypted under another key (another PC's): an account of its own opens it."""
        ...


class AttachmentStore(Protocol):
    """附件 of every area: a meeting's scans, a step's papers, a list entry's evidence (never printed). When an
    owner takes them is its `OwnerStatus`; which files, `models.core.attachment_files.check_file`."""

    def attachments(self, owner: AttachmentOwner) -> list[Attachment]:
        """Oldest first, with those the owner carries (a renewal's evidence); a step owner with step 0: all steps."""
        ...

    def status(self, owner: AttachmentOwner) -> OwnerStatus:
        """Whether the owner takes attachments now, undoably or for good; NotFound when it is gone."""
        ...

    def attachment(self, attachment_id: str) -> Attachment:
        """One attachment, withdrawn or not; NotFound when there is none with this id."""
        ...

    # Each write returns Changed.one(ATTACHMENT, id) joined with the owner's change (its MEETING, LIST_ENTRY, or
    # the WORKFLOW of the revision's rulebook), so the owner's screen reloads.
    def attach(self, owner: AttachmentOwner, source: Path, kind: AttachmentKind | None = None, note: str = "",
               opinion_id: str = "") -> Changed:
        """Copy the file into the blob store (once per content) and list it; `kind` guessed from the name if None."""
        ...

    def remove(self, attachment_id: str) -> Changed:
        """Withdraw one added by mistake (a tombstone; the file stays); refused unless the owner is still open."""
        ...

    def restore(self, attachment_id: str) -> Changed:
        """Bring back a withdrawn attachment (undo of a removal, redo of an add)."""
        ...

    def file(self, attachment_id: str) -> Path:
        """The file on disk, to open; NotFound while a synced attachment's content has not arrived."""
        ...


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user. The stores are read-only members: the
    session builds each once (storage's `SqliteStores` uses cached properties), and nobody swaps one for another."""

    actor: Actor

    @property
    def accounts(self) -> AccountStore: ...
    @property
    def profile(self) -> ProfileStore: ...
    @property
    def audit(self) -> AuditReader: ...
    @property
    def backups(self) -> BackupService: ...
    @property
    def registry(self) -> RegistryQueries: ...  # reads across the registry: role holders, counts, search, tags
    @property
    def groups(self) -> GroupStore: ...  # groups and grids
    @property
    def households(self) -> HouseholdStore: ...
    @property
    def villagers(self) -> VillagerStore: ...  # villagers and their roles
    @property
    def roster(self) -> RosterFiles: ...
    @property
    def rules(self) -> RulebookStore: ...  # rulebooks with their versions
    @property
    def change_reasons(self) -> ChangeReasonStore: ...
    @property
    def catalogue(self) -> CatalogueStore: ...
    @property
    def rule_files(self) -> RulesFiles: ...
    @property
    def meetings(self) -> MeetingStore: ...
    @property
    def meeting_types(self) -> MeetingTypeStore: ...
    @property
    def minutes_settings(self) -> MinutesSettingsStore: ...
    @property
    def convene_proposals(self) -> ConveneStore: ...
    @property
    def attachments(self) -> AttachmentStore: ...
    @property
    def follow_ups(self) -> FollowUpStore: ...
    @property
    def four_two(self) -> FourTwoStore: ...
    @property
    def sync(self) -> SyncService: ...
    @property
    def workflow(self) -> WorkflowStores: ...
    @property
    def list_entries(self) -> ListEntryStore: ...
    @property
    def list_objections(self) -> ObjectionStore: ...
    @property
    def naming_bases(self) -> NamingBasisStore: ...
    @property
    def volunteer_records(self) -> VolunteerStore: ...
    @property
    def board_log(self) -> BoardLogStore: ...
    @property
    def list_settings(self) -> ListSettingsStore: ...
    @property
    def township(self) -> TownshipStore: ...
    @property
    def registry_facts(self) -> RegistryFacts: ...
    @property
    def print_log(self) -> PrintLog: ...  # printed copies by 校验码 (print verify, 核对打印件)
    @property
    def grid_assignments(self) -> GridAssignmentStore: ...  # the registry's households in grids, by date
    @property
    def care_contacts(self) -> ContactLineStore: ...
    @property
    def care_levels(self) -> CareLevelStore: ...
    @property
    def care_visits(self) -> VisitStore: ...
    @property
    def care_settings(self) -> CareSettingsStore: ...
    @property
    def points(self) -> PointsStores: ...
    @property
    def matters(self) -> MatterStore: ...  # 群众说事 with their timeline
    @property
    def officer_log(self) -> OfficerLogStore: ...
    @property
    def projects(self) -> ProjectStore: ...
    @property
    def raisers(self) -> RaiserDirectory: ...  # what intake reads of the registry
    @property
    def disclosures(self) -> DisclosureCalendar: ...
    @property
    def publications(self) -> PublicationStore: ...
    @property
    def finance_sheets(self) -> FinanceSheets: ...
    @property
    def disclosure_desk(self) -> DisclosureDesk: ...
    @property
    def star_lists(self) -> StarListStore: ...
    @property
    def star_awards(self) -> StarAwardStore: ...


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...

    def begin_login(self, username: str, password: str) -> Callable[[], Stores]:
        """The login started: the password's slow check runs on a worker thread while the caller goes on (loading
        the main window); the returned function waits for it, finishes the login and gives what `login` gives, or
        raises its refusal."""
        ...
