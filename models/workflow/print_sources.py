"""What the revision's printed products read (九步工作法: letters, notices, forms, cards, sheets, reports), gathered
through the stores. printing/ renders these plain objects dated `today`; ui/ (打印中心) and cli/ (`print …`) call
the gatherers. Each reads what its product prints, in the order the clerk's refusals should come.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.workflow.records import OpinionKind, Publicity
from models.workflow.steps import WorkflowStep

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.registry.households import HouseholdSummary, VillageGroup
    from models.rules.document import Rulebook, RuleVersion
    from models.workflow.guards import WorkflowFacts
    from models.workflow.records import CommitteeMember, Invitation, Opinion, Shift, Team


def signer(stores: Stores) -> str:
    """The village committee that signs every notice."""
    return f"{stores.profile.get().village}村民委员会"


@dataclass(frozen=True)
class SignatureHouseholds:
    """户代表签字表: the version the households sign for, and every household (one line each)."""

    rulebook: Rulebook
    version: RuleVersion
    groups: tuple[VillageGroup, ...]
    households: tuple[HouseholdSummary, ...]


@dataclass(frozen=True)
class FormHouseholds:
    """意见征求表: the draft under consultation, and every household (one form each)."""

    rulebook_title: str
    draft_number: int
    groups: tuple[VillageGroup, ...]
    households: tuple[HouseholdSummary, ...]


@dataclass(frozen=True)
class Invitations:
    rulebook_title: str
    signer: str
    invitations: tuple[Invitation, ...]


@dataclass(frozen=True)
class Committee:
    rulebook_title: str
    signer: str
    members: tuple[CommitteeMember, ...]
    teams: tuple[Team, ...]
    rosters: dict[str, tuple[Shift, ...]]  # team id → its shifts


@dataclass(frozen=True)
class Consultation:
    """征求意见: the draft put out and when the consultation step is planned to end (None: not planned)."""

    rulebook_title: str
    draft_number: int
    signer: str
    planned_end: date | None


@dataclass(frozen=True)
class Adoption:
    rulebook_title: str
    signer: str
    opinions: tuple[Opinion, ...]


@dataclass(frozen=True)
class Filing:
    rulebook_title: str
    facts: WorkflowFacts
    village: str
    township: str


@dataclass(frozen=True)
class Cards:
    rulebook_title: str
    signer: str
    valid_until: date | None  # the planned date of step 9
    members: tuple[CommitteeMember, ...]
    teams: tuple[Team, ...]


def signature_households(stores: Stores, rulebook_id: str, _today: date) -> SignatureHouseholds:
    """The latest version and every household."""
    rulebook, version = stores.rules.get_rulebook(rulebook_id), stores.rules.load_version(rulebook_id)
    return SignatureHouseholds(rulebook, version, tuple(stores.groups.list_groups()),
                               tuple(stores.households.list_households()))


def _draft_number(stores: Stores, rulebook_id: str, today: date) -> int:
    facts = stores.workflow.revisions.facts(rulebook_id, today)
    return facts.draft_number or stores.rules.load_version(rulebook_id).number


def form_households(stores: Stores, rulebook_id: str, today: date) -> FormHouseholds:
    """The draft under consultation (the latest version when none is recorded) and every household."""
    title = stores.rules.get_rulebook(rulebook_id).title
    groups, households = tuple(stores.groups.list_groups()), tuple(stores.households.list_households())
    return FormHouseholds(title, _draft_number(stores, rulebook_id, today), groups, households)


def invitations(stores: Stores, rulebook_id: str, today: date) -> Invitations:
    title = stores.rules.get_rulebook(rulebook_id).title
    return Invitations(title, signer(stores), stores.workflow.revisions.facts(rulebook_id, today).invitations)


def committee(stores: Stores, rulebook_id: str, today: date) -> Committee:
    workflow, rulebook = stores.workflow, stores.rules.get_rulebook(rulebook_id)
    teams = workflow.teams.teams(rulebook_id)
    return Committee(rulebook.title, signer(stores), workflow.revisions.facts(rulebook_id, today).members, teams,
                     {team.id: workflow.teams.roster(team.id) for team in teams})


def consultation(stores: Stores, rulebook_id: str, today: date) -> Consultation:
    rulebook = stores.rules.get_rulebook(rulebook_id)
    planned = stores.workflow.revisions.facts(rulebook_id, today).timetable.get(WorkflowStep.PUBLIC_CONSULTATION)
    return Consultation(rulebook.title, _draft_number(stores, rulebook_id, today), signer(stores), planned)


def adoption(stores: Stores, rulebook_id: str, _today: date) -> Adoption:
    """意见采纳情况说明: the opinions proper (not the votes or suggestions recorded beside them)."""
    rulebook = stores.rules.get_rulebook(rulebook_id)
    opinions = tuple(o for o in stores.workflow.opinions.opinions(rulebook_id) if o.kind is OpinionKind.OPINION)
    return Adoption(rulebook.title, signer(stores), opinions)


def filing(stores: Stores, rulebook_id: str, today: date) -> Filing:
    rulebook, profile = stores.rules.get_rulebook(rulebook_id), stores.profile.get()
    return Filing(rulebook.title, stores.workflow.revisions.facts(rulebook_id, today), profile.village, profile.township)


def cards(stores: Stores, rulebook_id: str, today: date) -> Cards:
    rulebook = stores.rules.get_rulebook(rulebook_id)
    facts = stores.workflow.revisions.facts(rulebook_id, today)
    return Cards(rulebook.title, signer(stores), facts.timetable.get(WorkflowStep.POST_AND_ENFORCE), facts.members,
                 stores.workflow.teams.teams(rulebook_id))


@dataclass(frozen=True)
class SecondPublicity:
    """二次公示 (step 7): the version posted, its recorded publicity (None: not yet recorded), who signs."""

    rulebook_title: str
    version_number: int
    version_id: str
    publicity: Publicity | None
    village: str
    township: str


def second_publicity(stores: Stores, rulebook_id: str, today: date) -> SecondPublicity:
    """The version the publicity was recorded for (the latest when it names none)."""
    facts, profile = stores.workflow.revisions.facts(rulebook_id, today), stores.profile.get()
    publicity = facts.publicity
    version = stores.rules.load_version(rulebook_id, _posted_number(stores, rulebook_id, publicity))
    return SecondPublicity(stores.rules.get_rulebook(rulebook_id).title, version.number, version.id, publicity,
                           profile.village, profile.township)


def _posted_number(stores: Stores, rulebook_id: str, publicity: Publicity | None) -> int | None:
    if publicity is None or not publicity.version_id:
        return None
    latest = stores.rules.load_version(rulebook_id)
    for number in range(latest.number, 0, -1):
        if stores.rules.load_version(rulebook_id, number).id == publicity.version_id:
            return number
    return None
