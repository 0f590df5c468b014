"""The yearly evaluation before a star counts (R53, issue 23): the household applies or is nominated, its villagers'
group reviews, the evaluation meeting decides each star, the decisions are publicised with an objection period,
and only then is the star awarded for the year. An objection upheld takes the star back with its reason."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.core.errors import DomainError
from models.core.notices import PublicityPeriod, publicity_period


class Route(StrEnum):
    """农户自荐 or 推荐 (by a group leader, a party member, neighbours)."""

    APPLIED = "applied"
    NOMINATED = "nominated"

    @property
    def label(self) -> str:
        return {"applied": "农户申请", "nominated": "推荐"}[self.value]


class Verdict(StrEnum):
    """The villagers' group's review (小组初评)."""

    PENDING = ""
    PASSED = "passed"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"": "待小组评议", "passed": "小组评议通过", "rejected": "小组评议未通过"}[self.value]


class AwardStage(StrEnum):
    """Where a decided star stands: decided and waiting for its publicity, in publicity, an objection waiting for
    its answer, awarded (in force), or withdrawn (by an upheld objection or a later lawful reason)."""

    DECIDED = "decided"
    PUBLICITY = "publicity"
    OBJECTED = "objected"
    AWARDED = "awarded"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"decided": "已评定，待公示", "publicity": "公示中", "objected": "有异议待答复", "awarded": "已授星",
                "withdrawn": "已撤销"}[self.value]


@dataclass(frozen=True)
class StarCandidacy:
    """一户一年一颗星的申报: who proposed it, and the group's review."""

    household_id: str
    household_no: str
    year: int
    star: str
    route: Route
    proposer: str
    proposed_on: date
    verdict: Verdict = Verdict.PENDING
    review_note: str = ""
    reviewed_on: date | None = None
    reviewed_by: str = ""
    id: str = ""


@dataclass(frozen=True)
class StarObjection:
    """公示期间对某户某颗星的异议, and its answer: upheld (the star is taken back) or not."""

    award_id: str
    received_on: date
    raised_by: str
    content: str
    answer: str = ""
    answered_on: date | None = None
    upheld: bool | None = None
    id: str = ""

    @property
    def open(self) -> bool:
        return self.upheld is None


def check_candidacy(stars: Sequence[str], candidacy: StarCandidacy, existing: Sequence[StarCandidacy]) -> None:
    if candidacy.star not in stars:
        raise DomainError(f"星目中没有“{candidacy.star}”。可评的星：{'、'.join(stars)}。")
    if candidacy.route is Route.NOMINATED and not candidacy.proposer.strip():
        raise DomainError("推荐须写明推荐人（例如村民小组长、党员或邻里）。")
    if not candidacy.year - 1 <= candidacy.proposed_on.year <= candidacy.year + 1:
        raise DomainError(f"{candidacy.proposed_on} 不能申报 {candidacy.year} 年度的星。")
    if any(c.star == candidacy.star and c.year == candidacy.year and c.verdict is not Verdict.REJECTED
           for c in existing):
        raise DomainError(f"第{candidacy.household_no}户 {candidacy.year} 年度已经申报过“{candidacy.star}”星。")


def check_review(candidacy: StarCandidacy, verdict: Verdict, note: str, on: date) -> None:
    if candidacy.verdict is not Verdict.PENDING:
        raise DomainError(f"这项申报已经{candidacy.verdict.label}，不能重复评议。")
    if verdict is Verdict.PENDING:
        raise DomainError("请选择小组评议的结果：通过或不通过。")
    if verdict is Verdict.REJECTED and len(note.strip()) < 2:
        raise DomainError("小组评议不通过时须写明理由。")
    if on < candidacy.proposed_on:
        raise DomainError(f"评议日期 {on} 早于申报日期 {candidacy.proposed_on}。")


def check_decidable(candidacies: Sequence[StarCandidacy], household_no: str, star: str, year: int) -> None:
    """R53: the meeting decides a star only on an application or nomination its group has reviewed and passed."""
    found = [c for c in candidacies if c.star == star and c.year == year]
    if not any(c.verdict is Verdict.PASSED for c in found):
        state = found[-1].verdict.label if found else "还没有申请或推荐"
        raise DomainError(f"第{household_no}户 {year} 年度的“{star}”星{state}：须先由本户申请或经推荐、村民小组评议"
                          "通过，再由评议会议评定。")


def star_publicity(start: date, days: int | None) -> PublicityPeriod:
    """The publicity of the year's decided stars: 7 days by default, never fewer than 5 (R47)."""
    return publicity_period(start, None if days is None else start + timedelta(days=days - 1))


def award_stage(withdrawn: bool, publicity: tuple[date | None, date | None], objections: Sequence[StarObjection],
                today: date) -> AwardStage:
    start, end = publicity
    if withdrawn:
        return AwardStage.WITHDRAWN
    if any(o.open for o in objections):
        return AwardStage.OBJECTED
    if start is None or end is None:
        return AwardStage.DECIDED
    return AwardStage.AWARDED if end < today else AwardStage.PUBLICITY


def check_objection(publicity: tuple[date | None, date | None], objection: StarObjection) -> None:
    start, end = publicity
    if start is None or end is None:
        raise DomainError("这颗星还没有公示，不能登记公示异议。")
    if not start <= objection.received_on <= end:
        raise DomainError(f"公示期为 {start} 至 {end}，{objection.received_on} 收到的不是公示期间的异议。")
    if not objection.raised_by.strip() or not objection.content.strip():
        raise DomainError("请填写提出异议的人和异议内容。")


def check_objection_answer(objection: StarObjection, answer: str, on: date) -> None:
    if not objection.open:
        raise DomainError("这条异议已经答复。")
    if len(answer.strip()) < 2:
        raise DomainError("请填写答复内容（核实的情况和结论）。")
    if on < objection.received_on:
        raise DomainError(f"答复日期 {on} 早于收到异议的日期 {objection.received_on}。")
