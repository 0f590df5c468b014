"""The meeting record (会议记录): attendance, agenda items, votes, amendments, and its computed outcome."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from models.minutes.quorum import Attendance, ItemResult, QuorumResult, Tally, check_majority, check_quorum
from models.minutes.types import MeetingTypeSpec
from models.minutes.votes import PersonVote, Speech, tally_from_votes


class Gender(StrEnum):
    """性别."""

    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"male": "男", "female": "女", "unknown": "未填"}[self.value]


class AttendanceKind(StrEnum):
    """出席情况 — present, absent (with reason), or observer without a vote (列席)."""

    PRESENT = "present"
    ABSENT = "absent"
    OBSERVER = "observer"

    @property
    def label(self) -> str:
        return {"present": "到会", "absent": "缺席", "observer": "列席"}[self.value]


class MatterKind(StrEnum):
    """议题性质 — ordinary, one of the nine matters reserved by Art. 24, village rules or charter."""

    ORDINARY = "ordinary"
    RESERVED = "reserved"
    VILLAGE_RULES = "village_rules"
    CHARTER = "charter"

    @property
    def label(self) -> str:
        return {"ordinary": "一般事项", "reserved": "第二十四条所列事项", "village_rules": "村规民约",
                "charter": "村民自治章程"}[self.value]


class VoteMethod(StrEnum):
    """表决方式."""

    SHOW_OF_HANDS = "show_of_hands"
    NAMED_BALLOT = "named_ballot"
    SECRET_BALLOT = "secret_ballot"

    @property
    def label(self) -> str:
        return {"show_of_hands": "举手表决", "named_ballot": "记名投票", "secret_ballot": "无记名投票"}[self.value]

    @property
    def is_ballot(self) -> bool:
        return self is not VoteMethod.SHOW_OF_HANDS


class MeetingStatus(StrEnum):
    """记录状态 — a draft may change; a finalised record changes only by amendment (补正)."""

    DRAFT = "draft"
    FINAL = "final"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "final": "已定稿"}[self.value]


@dataclass(frozen=True)
class Attendee:
    """参会人员 — a name snapshot (registry id when known), gender, post, and who held whose proxy."""

    name: str
    gender: Gender = Gender.UNKNOWN
    kind: AttendanceKind = AttendanceKind.PRESENT
    villager_id: str | None = None
    post: str = ""
    reason: str = ""
    proxy_for: str = ""


@dataclass(frozen=True)
class AgendaItem:
    """议题 — proposer, background, speeches, discussion summary, vote (counts or per person) and resolution."""

    title: str
    id: str = ""
    proposer: str = ""
    background: str = ""
    discussion: str = ""
    matter: MatterKind = MatterKind.ORDINARY
    vote_method: VoteMethod | None = None
    tally: Tally | None = None
    resolution: str = ""
    resolution_owner: str = ""
    resolution_due: date | None = None
    scrutineer: str = ""
    counter: str = ""
    carried_from: str = ""
    speeches: tuple[Speech, ...] = ()
    votes: tuple[PersonVote, ...] = ()


@dataclass(frozen=True)
class Amendment:
    """补正 — a dated correction to a finalised record, with its reason and editor."""

    on: date
    editor: str
    field_name: str
    before: str
    after: str
    reason: str
    id: str = ""


@dataclass(frozen=True)
class Meeting:
    """会议记录 — one meeting as the record book holds it."""

    type_code: str
    on: date
    id: str = ""
    number: str = ""
    start: str = ""
    end: str = ""
    place: str = ""
    convener: str = ""
    host: str = ""
    host_post: str = ""
    recorder: str = ""
    expected: int = 0
    expected_computed: int | None = None
    expected_reason: str = ""
    expected_households: int | None = None
    present: int = 0
    households_represented: int | None = None
    women_present: int | None = None
    attendees: tuple[Attendee, ...] = ()
    observers: str = ""
    township_attendees: str = ""
    motion_source: str = ""
    notice_date: date | None = None
    notice_override_reason: str = ""
    authorisation_ref: str = ""
    summary: str = ""
    items: tuple[AgendaItem, ...] = ()
    status: MeetingStatus = MeetingStatus.DRAFT
    finalised_by: str = ""
    amendments: tuple[Amendment, ...] = field(default_factory=tuple)

    @property
    def attendance(self) -> Attendance:
        return Attendance(self.expected, self.present, self.expected_households, self.households_represented)

    @property
    def absentees(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.kind is AttendanceKind.ABSENT)

    @property
    def is_final(self) -> bool:
        return self.status is MeetingStatus.FINAL


@dataclass(frozen=True)
class MeetingOutcome:
    """计算结果 — quorum and the result of every agenda item, each with its reason."""

    quorum: QuorumResult
    items: tuple[ItemResult, ...]


def evaluate(meeting: Meeting, spec: MeetingTypeSpec) -> MeetingOutcome:
    """Apply the type's quorum and majority rules (R1–R6, R13) to the recorded counts."""
    quorum = check_quorum(spec.quorum, meeting.attendance)
    results = tuple(check_majority(spec.majority, item.tally, meeting.attendance, quorum) for item in meeting.items)
    return MeetingOutcome(quorum, results)


def present_from_attendees(attendees: tuple[Attendee, ...]) -> int:
    """People counted present when names are ticked: each present person plus each proxy they hold."""
    return sum(1 + (1 if a.proxy_for else 0) for a in attendees if a.kind is AttendanceKind.PRESENT)


def with_counted_tally(item: AgendaItem) -> AgendaItem:
    """An item voted by name carries the counts its per-person votes add up to (the votes are the record)."""
    if not item.votes:
        return item
    return dataclasses.replace(item, tally=tally_from_votes(item.votes))


def voters(attendees: tuple[Attendee, ...]) -> tuple[tuple[str, str | None], ...]:
    """Who may vote by name, in roster order, as (name, villager id): each ticked present person, then whose
    proxy they hold. Two villagers of one name are two voters (told apart by their registry id)."""
    found: list[tuple[str, str | None]] = []
    for attendee in attendees:
        if attendee.kind is AttendanceKind.PRESENT:
            found += [(attendee.name, attendee.villager_id)] + ([(attendee.proxy_for, None)] if attendee.proxy_for
                                                                else [])
    return tuple(found)


def present_voter_names(attendees: tuple[Attendee, ...]) -> frozenset[str]:
    return frozenset(name for name, _ in voters(attendees))


def women_from_attendees(attendees: tuple[Attendee, ...]) -> int:
    return sum(1 for a in attendees if a.kind is AttendanceKind.PRESENT and a.gender is Gender.FEMALE)


@dataclass(frozen=True)
class MeetingSummary:
    """会议列表行 — what the list of meetings shows without loading every item."""

    id: str
    number: str
    type_code: str
    type_label: str
    on: date
    place: str
    host: str
    expected: int
    present: int
    status: MeetingStatus
    item_count: int
    quorum_met: bool


KIND_LABELS = {"meeting": "会议", "item": "议题/决议", "follow_up": "决议落实", "progress": "落实进展",
               "amendment": "补正", "speech": "发言"}


@dataclass(frozen=True)
class SearchHit:
    """检索结果 — which meeting, what kind of text matched, and a snippet with the hits marked 【…】."""

    meeting_id: str
    number: str
    date: str
    type_code: str
    kind: str
    snippet: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)
