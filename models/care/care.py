"""三线联户, 放心户/关心户/连心户 and 走访记录 (R51–R52) as plain data and rules.

A care level's reason class is sensitive personal information (R51): it is kept here, shown only to roles that may
see it, and never reaches a public printout (models/care/print_sources.py gathers public products without it).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.core.errors import DomainError
from models.registry.households import CareLevel


class ContactLine(StrEnum):
    """三线 — the three lines that link every household: a party member, a people's deputy, a cluster head."""

    PARTY = "party"
    DEPUTY = "deputy"
    CLUSTER_HEAD = "cluster_head"

    @property
    def label(self) -> str:
        return {"party": "党员联户", "deputy": "代表联户", "cluster_head": "中心户长"}[self.value]

    @property
    def short(self) -> str:
        return {"party": "党员", "deputy": "代表", "cluster_head": "中心户长"}[self.value]

    @classmethod
    def parse(cls, text: str) -> ContactLine:
        for line in cls:
            if text in (line.value, line.short, line.label):
                return line
        raise DomainError(f"联系线“{text}”无效，应为 党员、代表 或 中心户长。")


class ReasonClass(StrEnum):
    """关怀原因类别 — why a household is 关心户 or 连心户 (sensitive, R51)."""

    LOW_INCOME = "低收入"
    ELDERLY_ALONE = "独居老人"
    DISABILITY = "残疾"
    LEFT_BEHIND_CHILDREN = "留守儿童"
    SERIOUS_ILLNESS = "重病"
    OTHER = "其他"

    @property
    def label(self) -> str:
        return self.value  # the codes are the Chinese classes the issue names

    @classmethod
    def parse(cls, text: str) -> ReasonClass:
        try:
            return cls(text)
        except ValueError:
            raise DomainError(f"原因类别“{text}”无效，应为：{'、'.join(c.value for c in cls)}。") from None


def parse_level(text: str) -> CareLevel:
    for level in CareLevel:
        if text in (level.value, level.label):
            return level
    raise DomainError(f"关怀等级“{text}”无效，应为 green（放心户）、yellow（关心户）或 red（连心户）。")


@dataclass(frozen=True)
class ContactHolding:
    """联户人 — `villager_id` is the household's contact person on `line` from `start` until `end` (open if None)."""

    id: str
    household_id: str
    line: ContactLine
    villager_id: str
    start: date
    end: date | None = None
    villager_name: str = ""

    def current_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class CareRating:
    """关怀等级评定 — a household's level from `start`, why (sensitive), when it is reviewed and who decided."""

    id: str
    household_id: str
    level: CareLevel
    reason_class: ReasonClass | None
    review: date | None
    decided_by: str
    start: date
    reason_note: str = ""


@dataclass(frozen=True)
class Visit:
    """走访记录 — who visited which household when, and what was found."""

    id: str
    household_id: str
    visitor: str
    on: date
    findings: str
    matter_id: str = ""


@dataclass(frozen=True)
class CareSettings:
    """Visit intervals by level (R52 default: red 30 days, yellow 90) and the grid size band (20–30)."""

    red_days: int = 30
    yellow_days: int = 90
    grid_low: int = 20
    grid_high: int = 30

    def __post_init__(self) -> None:
        if not 1 <= self.red_days <= self.yellow_days:
            raise DomainError("走访间隔无效：连心户的间隔至少 1 天，且不长于关心户的间隔。")
        if self.grid_low < 1 or self.grid_high < self.grid_low:
            raise DomainError("网格户数范围无效：下限至少 1，上限不小于下限。")

    def interval(self, level: CareLevel) -> int | None:
        """Days between visits a level asks for; None for 放心户 (no schedule)."""
        return {CareLevel.RED: self.red_days, CareLevel.YELLOW: self.yellow_days}.get(level)


def rating_for(household_id: str, level: CareLevel, reason: ReasonClass | None, review: date | None,
               decided_by: str, start: date, rating_id: str = "", note: str = "") -> CareRating:
    """A checked rating: 关心户/连心户 need a reason class and a review date; 放心户 keeps none (nothing to hide)."""
    if level is CareLevel.GREEN:
        return CareRating(rating_id, household_id, level, None, review, decided_by.strip(), start, "")
    if reason is None:
        raise DomainError(f"{level.label}须写明原因类别（{'、'.join(c.value for c in ReasonClass)}）。")
    if review is None:
        raise DomainError(f"{level.label}须定下复核日期。")
    if review < start:
        raise DomainError("复核日期不能早于评定日期。")
    return CareRating(rating_id, household_id, level, reason, review, decided_by.strip(), start, note.strip())


def require_contact(level: CareLevel, contacts: list[ContactHolding], day: date, household_no: str) -> None:
    """R52: a 关心户 or 连心户 must have a named contact person on `day`."""
    if level is not CareLevel.GREEN and not any(c.current_on(day) for c in contacts):
        raise DomainError(f"第 {household_no} 户是{level.label}，但还没有联户人（党员、代表或中心户长）。"
                          "请先用“设置联户人”指定一位联系人。")


def visit_due(rating: CareRating, last_visit: date | None, settings: CareSettings) -> date | None:
    """The day the next visit is due: the interval after the last visit, or after the rating when none yet."""
    days = settings.interval(rating.level)
    if days is None:
        return None
    since = max(last_visit, rating.start) if last_visit else rating.start
    return since + timedelta(days=days)


def is_overdue(due: date | None, today: date) -> bool:
    """Overdue the day after the due day (a visit on the due day itself is in time)."""
    return due is not None and today > due


@dataclass(frozen=True)
class CareHousehold:
    """What the care list shows of a registry household: its number, its head's name and its grid's."""

    household_id: str
    household_no: str
    head_name: str
    grid_name: str


@dataclass(frozen=True)
class CareRow:
    """关怀名单一行 — a household's current level, last visit, next due and whether it is overdue."""

    household_id: str
    household_no: str
    head_name: str
    level: CareLevel
    last_visit: date | None
    visit_due: date | None
    overdue: bool
    contact: str = ""
    grid_name: str = ""
