"""Store interfaces (Protocols) that storage/ implements and ui/ receives through constructors."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from models.accounts import Actor, Role, User
from models.audit import AuditEntry
from models.followups import Evaluation, FollowUp, FollowUpStatus
from models.four_two import FourTwoMatter, FourTwoStage
from models.meeting_checks import MeetingWarning
from models.meeting_types import MeetingTypeSpec
from models.meetings import AgendaItem, Amendment, Meeting, MeetingSummary, SearchHit
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


class MeetingStore(Protocol):
    """会议记录. Drafts change freely; a finalised record is read-only and corrected by amendments."""

    def meeting_types(self) -> tuple[MeetingTypeSpec, ...]: ...
    def type_spec(self, code: str) -> MeetingTypeSpec: ...
    def add_meeting_type(self, spec: MeetingTypeSpec) -> None: ...
    def get(self, meeting_id: str) -> Meeting: ...
    def list_meetings(self, year: int | None = None, type_code: str | None = None,
                      text: str = "") -> list[MeetingSummary]: ...
    def years(self) -> list[int]: ...
    def search(self, query: str, limit: int = 50) -> list[SearchHit]: ...
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


class Stores(Protocol):
    """Everything a logged-in session may reach, bound to the acting user."""

    actor: Actor
    accounts: AccountStore
    profile: ProfileStore
    audit: AuditReader
    backups: BackupService
    meetings: MeetingStore
    follow_ups: FollowUpStore
    four_two: FourTwoStore


class Backend(Protocol):
    """What the GUI gets from main.py: set up the installation, log in, reach the stores."""

    def is_initialised(self) -> bool: ...

    def initialise(self, profile: VillageProfile, admin_username: str, password: str) -> None:
        """Create the database, node identity, profile and first administrator in one go."""
        ...

    def profile(self) -> VillageProfile: ...
    def login(self, username: str, password: str) -> Stores: ...
