"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Protocol

from models.accounts import Actor, Role, User
from models.attachments import AttachmentKind, MeetingAttachment
from models.audit import AuditEntry
from models.registry import (Grid, Household, HouseholdSummary, RoleHolding, SearchHit, VillageGroup,
                             Villager)
from models.roster import Rejection
from models.roster_import import ImportSummary, RosterPreview
from models.rulebooks import CatalogueArticle, ImportResult, RulebookSummary
from models.rules import Rulebook, RulebookKind, RuleVersion
from models.rules_diff import ComparisonRow
from models.followups import Evaluation, FollowUp, FollowUpStatus
from models.four_two import FourTwoMatter, FourTwoStage
from models.meeting_checks import MeetingWarning
from models.meeting_types import MeetingTypeSpec
from models.meetings import AgendaItem, Amendment, Meeting, MeetingSummary
from models.meetings import SearchHit as MeetingSearchHit
from models.sync import ExportResult, NodeCard, Peer
from models.sync import ImportResult as SyncImportResult
from models.village import VillageProfile
from models.workflow import StepStatus, WorkflowStep
from models.workflow_guards import WorkflowFacts
from models.workflow_records import Channel, Disposition, Opinion, OpinionKind
from models.workflow_status import WorkflowStatus


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

    Implemented over the registry by storage/registry_facts.py; tests of the rules use a plain-Python
    table. `group` (a group's name or id) narrows the count to one 村民小组 for group meetings. Role codes
    are the meeting's (models/meeting_types.py ROLE_*), mapped to the registry's in models/meeting_roles.py.
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


class RulebookStore(Protocol):
    """村规民约 and charters with all their versions. Only drafts may be edited; one version is in force."""

    def list_rulebooks(self) -> list[RulebookSummary]: ...
    def get_rulebook(self, rulebook_id: str) -> Rulebook: ...
    def create_rulebook(self, title: str, kind: RulebookKind = RulebookKind.RULES) -> Rulebook: ...

    def load_version(self, rulebook_id: str, number: int | None = None) -> RuleVersion:
        """The version `number`, or the latest one when None; raises NotFound."""
        ...

    def save_version(self, version: RuleVersion) -> None:
        """Write a draft's chapters and articles (refused for an adopted version)."""
        ...

    def add_version(self, version: RuleVersion, source: str) -> RuleVersion:
        """Store `version`'s chapters and articles as the rulebook's next draft; returns it numbered."""
        ...

    def new_version(self, rulebook_id: str, based_on: int | None = None) -> RuleVersion:
        """A new draft copied from version `based_on` (default: the latest), article keys kept."""
        ...

    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> None:
        """Adopt version `number` from `effective_date`; the version in force before is superseded."""
        ...

    def import_file(self, path: Path, rulebook_id: str | None = None, title: str | None = None) -> ImportResult:
        """Read a .md/.txt/.docx file as a new version (of a new rulebook when `rulebook_id` is None)."""
        ...

    def export_file(self, rulebook_id: str, number: int | None, path: Path) -> Path: ...
    def comparison(self, rulebook_id: str, old: int, new: int) -> list[ComparisonRow]:
        """The 修改对照表 rows from version `old` to `new`, reasons filled from what was recorded."""
        ...

    def export_comparison(self, rulebook_id: str, old: int, new: int, path: Path) -> Path: ...
    def change_reasons(self, version_id: str) -> dict[str, str]: ...
    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> None: ...
    def catalogue(self) -> list[CatalogueArticle]: ...
    def add_catalogue_article(self, area: str, title: str, text: str) -> CatalogueArticle: ...


class MeetingStore(Protocol):
    """会议记录. Drafts change freely; a finalised record is read-only and corrected by amendments."""

    def meeting_types(self) -> tuple[MeetingTypeSpec, ...]: ...
    def type_spec(self, code: str) -> MeetingTypeSpec: ...
    def add_meeting_type(self, spec: MeetingTypeSpec) -> None: ...
    def get(self, meeting_id: str) -> Meeting: ...
    def list_meetings(self, year: int | None = None, type_code: str | None = None,
                      text: str = "") -> list[MeetingSummary]: ...
    def years(self) -> list[int]: ...
    def search(self, query: str, limit: int = 50) -> list[MeetingSearchHit]: ...
    def warnings(self, meeting: Meeting, today: date) -> list[MeetingWarning]: ...
    def quarter_warnings(self, year: int, today: date) -> list[MeetingWarning]: ...
    def carry_over_items(self, type_code: str, on: date) -> list[AgendaItem]: ...

    def create(self, meeting: Meeting) -> Meeting:
        """Save a new draft with the next year-based number of its type (2026-代-07)."""
        ...

    def save_draft(self, meeting: Meeting) -> Meeting: ...

    def finalise(self, meeting_id: str, host_confirmed: bool, recorder_confirmed: bool) -> Meeting:
        """Irreversible: read-only from now on; passed resolutions get follow-up items."""
        ...

    def amend(self, meeting_id: str, field_name: str, after: str, reason: str, on: date) -> Amendment: ...
    def attachments(self, meeting_id: str) -> list[MeetingAttachment]: ...

    def attach(self, meeting_id: str, source: Path, kind: AttachmentKind, note: str = "") -> MeetingAttachment:
        """Copy a scan/photo/sign-in sheet into the blob store and list it (also allowed on a finalised record)."""
        ...

    def remove_attachment(self, attachment_id: str) -> None:
        """Withdraw a draft's attachment added by mistake (refused once the record is finalised)."""
        ...

    def restore_attachment(self, attachment_id: str) -> None:
        """Bring back a withdrawn attachment (undo of a removal, redo of an add)."""
        ...

    def attachment_file(self, attachment_id: str) -> Path:
        """The file on disk, to open; NotFound while a synced attachment's content has not arrived."""
        ...


class FollowUpStore(Protocol):
    """决议落实: status timeline, result report, villagers' evaluation."""

    def list_follow_ups(self, meeting_id: str | None = None, open_only: bool = False) -> list[FollowUp]: ...
    def overdue(self, today: date) -> list[FollowUp]: ...
    def get(self, follow_up_id: str) -> FollowUp: ...
    def record_progress(self, follow_up_id: str, on: date, status: FollowUpStatus, note: str,
                        result_report: str = "") -> FollowUp: ...
    def evaluate(self, follow_up_id: str, evaluation: Evaluation) -> FollowUp: ...


class FourTwoStore(Protocol):
    """四议两公开 matters; stages are refused out of order."""

    def matters(self) -> list[FourTwoMatter]: ...
    def get(self, matter_id: str) -> FourTwoMatter: ...
    def create_matter(self, title: str, motion_source: str, merged_first_stages: bool = False) -> FourTwoMatter: ...
    def record_stage(self, matter_id: str, stage: FourTwoStage, on: date, meeting_id: str = "",
                     publication: str = "", supervision_opinion: str = "") -> FourTwoMatter: ...


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

    def import_file(self, path: Path) -> SyncImportResult:
        """Verify and apply a bundle in one transaction; raises DomainError (nothing written) if refused."""
        ...
class WorkflowStore(Protocol):
    """九步工作法: one revision per rulebook; advancing checks the guard and is one audited transaction.

    The record writes of each step (invitations, committee, checks, teams, roster, review, vote, filing) are on
    SqliteWorkflowStore; listed here is what the timeline screen uses.
    """

    def revision_id(self, rulebook_id: str) -> str | None: ...
    def start_revision(self, rulebook_id: str, today: date) -> str: ...
    def steps(self, rulebook_id: str) -> tuple[StepStatus, ...]: ...
    def status(self, rulebook_id: str, today: date) -> WorkflowStatus: ...
    def facts(self, rulebook_id: str, today: date) -> WorkflowFacts: ...
    def households_total(self, today: date) -> int: ...

    def advance(self, rulebook_id: str, today: date) -> WorkflowStep | None:
        """Finish the active step (DomainError naming what is missing when its guard fails)."""
        ...

    def reopen(self, rulebook_id: str, step: WorkflowStep, reason: str, today: date) -> None: ...
    def opinions(self, rulebook_id: str) -> tuple[Opinion, ...]: ...
    def add_opinion(self, rulebook_id: str, kind: OpinionKind, name: str, channel: Channel, on: date, text: str,
                    article_key: str = "", household_id: str = "", villager_id: str = "", form_serial: str = "",
                    written_by: str = "") -> str: ...
    def reply_opinion(self, opinion_id: str, disposition: Disposition, reason: str, by: str, on: date) -> None: ...
    def withdraw_reply(self, opinion_id: str) -> None: ...


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService
    registry: RegistryStore
    rules: RulebookStore
    meetings: MeetingStore
    follow_ups: FollowUpStore
    four_two: FourTwoStore
    sync: SyncService
    workflow: WorkflowStore
    registry_facts: RegistryFacts


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...
