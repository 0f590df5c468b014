"""Ten-star households (R53): the star list, who may award a star, withdrawal, and what the public board shows."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.core.errors import DomainError
from models.lists.entries import HouseholdInfo, ListKind
from models.lists.naming import NamingBasis
from models.minutes.types import MeetingType
from models.stars.evaluation import AwardStage, StarObjection, award_stage

# A star is decided by the villagers' or representatives' meeting, or by a village's own evaluation meeting
# (a custom meeting type named 评议/评选/评星, e.g. 道德评议会).
DECIDING_TYPES = (MeetingType.VILLAGERS.value, MeetingType.REPRESENTATIVES.value)
EVALUATION_WORDS = ("评议", "评选", "评星", "评定")


@dataclass(frozen=True)
class StarList:
    """星目 — the stars a household can earn, as adopted at a meeting."""

    stars: tuple[str, ...]
    meeting_id: str
    adopted_on: date
    id: str = ""


@dataclass(frozen=True)
class MeetingFacts:
    """What the stars need of a meeting record: its type, whether it is finalised, its date and number."""

    id: str
    type_code: str
    type_label: str
    final: bool
    on: date
    number: str


@dataclass(frozen=True)
class StarAward:
    """某户某年的一颗星, and its withdrawal (date and lawful reason) if it was taken back during the year."""

    household_id: str
    household_no: str
    star: str
    year: int
    meeting_id: str
    awarded_on: date
    withdrawn_on: date | None = None
    withdraw_reason: str = ""
    id: str = ""
    publicity_start: date | None = None
    publicity_end: date | None = None
    open_objection: bool = False  # an objection of its publicity not answered yet

    @property
    def in_force(self) -> bool:
        """Not withdrawn (decided, in publicity or awarded): a second award of the same star is refused."""
        return self.withdrawn_on is None

    def stage(self, today: date) -> AwardStage:
        return award_stage(not self.in_force, (self.publicity_start, self.publicity_end),
                           (StarObjection(self.id, today, "", ""),) if self.open_objection else (), today)

    def awarded(self, today: date) -> bool:
        """Counted for the year (rows, board, plaque) only once its publicity closed with no objection open."""
        return self.stage(today) is AwardStage.AWARDED


@dataclass(frozen=True)
class StarRow:
    """`stars list` row: a household's stars of the year in force."""

    household_no: str
    stars: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.stars)


def parse_star_list(text: str) -> tuple[str, ...]:
    try:
        stars = tuple(str(s).strip() for s in json.loads(text)["stars"])
    except (ValueError, KeyError, TypeError):
        raise DomainError("星目文件应为 JSON，含 stars 列表，例如 {\"stars\": [\"爱国守法\", …]}。") from None
    if not stars or any(not s for s in stars) or len(set(stars)) != len(stars):
        raise DomainError("星目不能为空，也不能重复。")
    return stars


def check_deciding_meeting(meeting: MeetingFacts, what: str = "评星") -> None:
    """R53: only a finalised villagers' or representatives' meeting, or an evaluation meeting, decides."""
    evaluation = any(word in meeting.type_label for word in EVALUATION_WORDS)
    if meeting.type_code not in DECIDING_TYPES and not evaluation:
        raise DomainError(f"会议 {meeting.number}（{meeting.type_label}）不能决定{what}：须由村民会议、村民代表会议"
                          "或评议会作出。")
    if not meeting.final:
        raise DomainError(f"会议记录 {meeting.number} 还没有定稿。请先定稿，再据此{what}。")


def check_award(stars: StarList, star: str, year: int, meeting: MeetingFacts,
                awarded: Sequence[StarAward]) -> None:
    check_deciding_meeting(meeting)
    if star not in stars.stars:
        raise DomainError(f"星目中没有“{star}”。可评的星：{'、'.join(stars.stars)}。")
    if meeting.on.year not in (year, year + 1):
        raise DomainError(f"{meeting.on} 的会议不能评定 {year} 年度的星。")
    if any(a.star == star and a.year == year and a.in_force for a in awarded):
        raise DomainError(f"这一户 {year} 年度已经有“{star}”星。")


def check_withdrawal(award: StarAward, reason: str, on: date) -> None:
    if len(reason.strip()) < 4:
        raise DomainError("撤销星级须写明合法的理由（例如违反村规民约第几条、经哪次会议认定的事实）。")
    if on < award.awarded_on:
        raise DomainError(f"撤销日期 {on} 早于评定日期 {award.awarded_on}。")


def star_rows(awards: Sequence[StarAward], order: Sequence[str], today: date) -> list[StarRow]:
    """Households with stars awarded (publicity closed, not withdrawn), most stars first, in the list's order."""
    by_household: dict[str, list[str]] = {}
    for award in awards:
        if award.awarded(today):
            by_household.setdefault(award.household_no, []).append(award.star)
    place = {star: n for n, star in enumerate(order)}
    rows = [StarRow(no, tuple(sorted(stars, key=lambda s: place.get(s, len(place)))))
            for no, stars in by_household.items()]
    return sorted(rows, key=lambda r: (-r.count, r.household_no))


def may_name(household: HouseholdInfo, bases: Sequence[NamingBasis], on: date) -> bool:
    """R30–R32 as the lists apply them: a household basis in effect for the honour (red) board."""
    return not household.head_is_minor and any(
        b.household_id == household.household_id and not b.villager_id and b.covers(ListKind.RED, on)
        for b in bases)


def board_name(household: HouseholdInfo, bases: Sequence[NamingBasis], on: date) -> str:
    """The head's name with a basis, otherwise the household code (组 + 户号)."""
    if may_name(household, bases, on):
        return f"{household.group_name} {household.head_name}家"
    return f"{household.group_name}第{household.household_no}号户"
