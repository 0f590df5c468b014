"""Store interfaces (Protocols) of the nine-step revision workflow (九步工作法), one per aggregate, and
`WorkflowStores`, the set of them a session reaches as `Stores.workflow`.

Every write returns the `Changed` it made (Entity.WORKFLOW with the record's id; an add's `.id` is the new record;
a write that also changes the rulebook joins Entity.RULEBOOK). Every method but `revision_id` needs a started
revision (NotFound otherwise). The step's attachments are on `models.core.ports.AttachmentStore`. What the workflow
reads of other areas is named here too (`RuleTexts`, `MeetingRecords`, `MeetingTypes`, `ProvinceMeetingRules`, `HouseholdCount`), so its stores take those
collaborators through their constructors.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.minutes.meetings import Meeting
    from models.minutes.types import MeetingTypeSpec
    from models.minutes.settings import ProvinceRules
    from models.rules.document import Rulebook, RuleVersion
    from models.township.reviews import FilingDecision, TownshipReview
    from models.workflow.guards import WorkflowFacts, WorkflowSettings
    from models.workflow.records import (ArticleVote, BackgroundCheck, Channel, CommitteeMember, Disposition, Filing,
                                         FilingStatus, Invitation, InvitationReply, Opinion, OpinionKind, Shift, Team,
                                         TeamKind)
    from models.workflow.status import OverdueStep, RevisionRecord, WorkflowStatus
    from models.workflow.steps import StepStatus, WorkflowStep


# -- what the workflow needs of other areas (structural: the rules, minutes and registry stores satisfy them) ------
class RuleTexts(Protocol):
    """The rulebook's versions as the workflow reads and annotates them."""

    def get_rulebook(self, rulebook_id: str) -> Rulebook: ...
    def load_version(self, rulebook_id: str, number: int | None = None) -> RuleVersion: ...
    def put_in_force(self, rulebook_id: str, number: int, effective_date: str) -> object: ...


class ChangeReasons(Protocol):
    """The 修改理由 of a changed article, which linking opinions to it (step 6) writes."""

    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> object: ...


class MeetingRecords(Protocol):
    """The meeting records a step links (两委联席会议, the vote's 村民会议)."""

    def get(self, meeting_id: str) -> Meeting: ...


class MeetingTypes(Protocol):
    """What kind of body a linked meeting was, and the quorum and majority it needs."""

    def type_spec(self, code: str) -> MeetingTypeSpec: ...


class ProvinceMeetingRules(Protocol):
    """The province's rule on who may vote the rules (R8)."""

    def province_rules(self) -> ProvinceRules: ...


class HouseholdCount(Protocol):
    """How many households the village has (the consultation's participation rate)."""

    def households_count(self, on_date: date) -> int: ...


# -- the workflow's own aggregates ----------------------------------------------------------------------------------
class WorkflowFactsReader(Protocol):
    """What the guards read: every record of the revision, the linked meetings and texts, the township's answers."""

    def facts(self, rulebook_id: str, today: date) -> WorkflowFacts: ...
    def households_total(self, today: date) -> int: ...

    def township_records(self, rulebook_id: str) -> tuple[TownshipReview | None, FilingDecision | None]:
        """The township's latest review and filing decision as received (each flagged when of an older text)."""
        ...


class RevisionStore(WorkflowFactsReader, Protocol):
    """The revision and its nine steps: start, advance (one audited transaction, the guard checked), reopen."""

    def revision_id(self, rulebook_id: str) -> str | None: ...
    def start_revision(self, rulebook_id: str, today: date) -> Changed: ...
    def steps(self, rulebook_id: str) -> tuple[StepStatus, ...]: ...
    def status(self, rulebook_id: str, today: date) -> WorkflowStatus: ...

    def current_steps(self) -> dict[str, int | None]:
        """Rulebook id → the number of its revision's active step (None: no revision open)."""
        ...

    def history(self, rulebook_id: str) -> tuple[RevisionRecord, ...]:
        """Every revision of the rulebook, oldest first (修订记录): steps, the version voted, the filing."""
        ...

    def advance(self, rulebook_id: str, today: date) -> Changed:
        """Finish the active step (DomainError naming what is missing when its guard fails)."""
        ...

    def reopen(self, rulebook_id: str, step: WorkflowStep, reason: str, today: date) -> Changed: ...

    def send_failed_articles_back(self, rulebook_id: str, today: date) -> Changed:
        """Step 8 with failed articles: reopen step 6 for those articles only (not undoable)."""
        ...

    def overdue_steps(self, today: date) -> list[OverdueStep]:
        """Steps of open revisions past their target date, oldest first (the home screen lists them)."""
        ...


class WorkflowSettingsStore(Protocol):
    """修订设置 per revision: filing deadline, minimum publicity, whether representatives may vote (R8, R24, R47)."""

    def settings(self, rulebook_id: str) -> WorkflowSettings: ...

    def set_settings(self, rulebook_id: str, filing_days: int, publicity_min_days: int,
                     representatives_may_vote: bool) -> Changed:
        """Approvers only; DomainError (Chinese) when `WorkflowSettings.problem` refuses the change."""
        ...


class PlanStore(Protocol):
    """Steps 1 and 4: the linked 两委联席会议, the timetable, the version that is the first draft."""

    def link_start_meeting(self, rulebook_id: str, meeting_id: str) -> Changed: ...
    def unlink_start_meeting(self, rulebook_id: str) -> Changed: ...
    def set_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> Changed: ...

    def restore_timetable(self, rulebook_id: str, targets: dict[WorkflowStep, date]) -> Changed:
        """Put the timetable back exactly: the given targets, and no target for any other step."""
        ...

    def set_draft(self, rulebook_id: str, number: int) -> Changed: ...
    def clear_draft(self, rulebook_id: str) -> Changed: ...


class InvitationStore(Protocol):
    """Step 2: the invitation letters and their replies."""

    def add_invitation(self, rulebook_id: str, invitation: Invitation) -> Changed: ...
    def withdraw_invitation(self, invitation_id: str) -> Changed: ...
    def restore_invitation(self, invitation_id: str) -> Changed: ...
    def reply_invitation(self, invitation_id: str, reply: InvitationReply, on: date) -> Changed: ...

    def set_invitation_reply(self, invitation_id: str, reply: str, replied_on: date | None,
                             expires_on: date | None) -> Changed:
        """Set the reply, reply date and expiry exactly as given (what an undo puts back)."""
        ...


class CommitteeStore(Protocol):
    """Step 3: the execution committee's members and their background checks (联审)."""

    def members(self, rulebook_id: str) -> tuple[CommitteeMember, ...]: ...
    def add_member(self, rulebook_id: str, member: CommitteeMember) -> Changed: ...
    def remove_member(self, member_id: str) -> Changed: ...
    def restore_member(self, member_id: str) -> Changed: ...
    def record_check(self, check: BackgroundCheck) -> Changed: ...
    def withdraw_check(self, check_id: str) -> Changed: ...


class TeamStore(Protocol):
    """Step 3: the self-governing teams (自治队伍) and their duty rosters."""

    def teams(self, rulebook_id: str) -> tuple[Team, ...]: ...
    def add_team(self, rulebook_id: str, kind: TeamKind, name: str, leader: str,
                 members: tuple[str, ...]) -> Changed: ...
    def save_team(self, team: Team) -> Changed: ...
    def withdraw_team(self, team_id: str) -> Changed: ...
    def roster(self, team_id: str) -> tuple[Shift, ...]: ...
    def save_roster(self, team_id: str, shifts: list[Shift]) -> Changed: ...


class OpinionStore(Protocol):
    """Steps 5 and 7: the register of opinions and objections, numbered per kind, and their replies."""

    def opinions(self, rulebook_id: str) -> tuple[Opinion, ...]: ...
    def add_opinion(self, rulebook_id: str, kind: OpinionKind, name: str, channel: Channel, on: date, text: str,
                    article_key: str = "", household_id: str = "", villager_id: str = "", form_serial: str = "",
                    written_by: str = "", name_public: bool = False) -> Changed: ...
    def reply_opinion(self, opinion_id: str, disposition: Disposition, reason: str, by: str, on: date) -> Changed: ...
    def withdraw_reply(self, opinion_id: str) -> Changed: ...
    def withdraw_opinion(self, opinion_id: str) -> Changed: ...


class ChangeLinkStore(Protocol):
    """Step 6: which opinions each article change answers (the 修改对照表 reason is written from them)."""

    def link_change(self, rulebook_id: str, version_id: str, article_key: str, opinion_ids: list[str]) -> Changed: ...
    def change_links(self, version_id: str) -> dict[str, tuple[str, ...]]: ...
    def unlink_change(self, version_id: str, article_key: str, reason: str) -> Changed: ...


class PublicityStore(Protocol):
    """Step 7: the second publicity and the township's written legality review as entered by the village."""

    def record_publicity(self, rulebook_id: str, start: date, end: date, place: str) -> Changed: ...
    def withdraw_publicity(self, rulebook_id: str) -> Changed: ...
    def record_review(self, rulebook_id: str, on: date, reviewer: str, conclusion: str,
                      article_notes: tuple[tuple[str, str], ...] = (), number: int | None = None) -> Changed: ...
    def withdraw_review(self, review_id: str) -> Changed: ...


class VoteStore(Protocol):
    """Steps 8 and 9: the assembly's vote (irreversible) and the filing's progress (被责令改正 reopens step 6)."""

    def record_vote(self, rulebook_id: str, meeting_id: str, tallies: tuple[ArticleVote, ...],
                    by_article: bool = False) -> Changed: ...
    def adoption(self, version_id: str) -> tuple[str, date] | None: ...
    def update_filing(self, rulebook_id: str, status: FilingStatus, on: date, receipt_number: str = "",
                      receipt_date: date | None = None, effective_date: date | None = None,
                      note: str = "") -> Changed: ...
    def restore_filing(self, rulebook_id: str, filing: Filing) -> Changed: ...


class SignatureStore(Protocol):
    """Step 8's signature sheet (户主签字、摁手印): which households have signed."""

    def mark_signed(self, rulebook_id: str, household_id: str, on: date, sheet_ref: str = "") -> Changed: ...
    def unmark_signed(self, rulebook_id: str, household_id: str) -> Changed: ...
    def signature(self, rulebook_id: str, household_id: str) -> tuple[date, str] | None: ...
    def signed_households(self, rulebook_id: str) -> set[str]: ...


class WorkflowStores(Protocol):
    """The workflow's aggregate stores, bound to one session's user (read-only: a session keeps its stores)."""

    @property
    def revisions(self) -> RevisionStore: ...

    @property
    def settings(self) -> WorkflowSettingsStore: ...

    @property
    def plan(self) -> PlanStore: ...

    @property
    def invitations(self) -> InvitationStore: ...

    @property
    def committee(self) -> CommitteeStore: ...

    @property
    def teams(self) -> TeamStore: ...

    @property
    def opinions(self) -> OpinionStore: ...

    @property
    def links(self) -> ChangeLinkStore: ...

    @property
    def publicity(self) -> PublicityStore: ...

    @property
    def votes(self) -> VoteStore: ...

    @property
    def signatures(self) -> SignatureStore: ...
