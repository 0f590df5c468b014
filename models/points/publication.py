"""积分公示 — a period's points published with an objection window; points count for redemption only after it (R37).

A publication of a period (the board posted on the display board) opens an objection window of at least five days
(R28's window, modelled on Organic Law Art. 14). Objections are raised within the window, about one household or the
whole board, and the committee answers them (R28: within three days); an upheld one is corrected by reversing
entries. A confirmed entry that raises a balance becomes redeemable only once a publication of its period that
showed it has closed with no unanswered objection about its household (公示无异议后生效); what lowers a balance
(a deduction, a reversal of a plus, a redemption) counts at once, so the balance can never be overstated.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.core.errors import DomainError
from models.lists.entries import DEFAULT_ANSWER_DAYS, MIN_OBJECTION_DAYS, Period, require_text

MAX_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Publication:
    """积分公示记录 — which period, posted on which day, for how many days, by whom."""

    id: str
    period: Period
    published_on: date
    days: int
    by_name: str = ""

    @property
    def closes_on(self) -> date:
        """The last day of the objection window."""
        return self.published_on + timedelta(days=self.days - 1)

    def open_on(self, day: date) -> bool:
        return self.published_on <= day <= self.closes_on


@dataclass(frozen=True)
class PointsObjection:
    """积分异议 — raised within a publication's window about a household (or, without one, the whole board)."""

    id: str
    publication_id: str
    received_on: date
    raised_by: str
    content: str
    household_no: str = ""
    answer: str = ""
    answered_on: date | None = None
    upheld: bool | None = None

    @property
    def answered(self) -> bool:
        return self.answered_on is not None

    @property
    def answer_due(self) -> date:
        return self.received_on + timedelta(days=DEFAULT_ANSWER_DAYS)


def check_publication(period: Period, published_on: date, days: int) -> None:
    """A period is published once it has ended (or on its last day), for R28's window or longer."""
    if published_on < period.end:
        raise DomainError(f"{period.text}还没有结束（到 {period.end.isoformat()}），期满后才能公示本期积分。")
    if not MIN_OBJECTION_DAYS <= days <= MAX_WINDOW_DAYS:
        raise DomainError(f"积分公示期须为 {MIN_OBJECTION_DAYS}–{MAX_WINDOW_DAYS} 天（不少于 {MIN_OBJECTION_DAYS} 天，R37、R28），"
                          f"现在是 {days} 天。")


def check_posting(period: Period, published_on: date, today: date, previous: Publication | None) -> None:
    """R37: the objection window runs from the day the board is posted, so a publication is recorded on or before
    that day — never dated back (a window already past would make points redeemable at once, and a board dated before
    an entry was confirmed never showed it). A period is published again (late slips, corrections after an
    objection: they count only once a publication written after them has closed) only after the previous window has
    closed, never over an open one."""
    if published_on < today:
        raise DomainError(f"张贴日期 {published_on.isoformat()} 早于今天（{today.isoformat()}）。公示期从张贴之日起算，"
                          "不能补记过去日期的公示（R37）；请写今天或以后实际张贴的日期。")
    if previous is not None and published_on <= previous.closes_on:
        raise DomainError(f"{period.text}积分已于 {previous.published_on.isoformat()} 公示，公示期到 "
                          f"{previous.closes_on.isoformat()}，期间不能再公示一次。期满后如有补记或冲正的记录，"
                          "再重新公示本期。")


def check_objection(publication: Publication, on: date, raised_by: str, content: str) -> None:
    """An objection is registered only within the window, with who raised it and what it says."""
    if not publication.open_on(on):
        raise DomainError(f"{publication.period.text}积分公示期为 {publication.published_on.isoformat()} 至 "
                          f"{publication.closes_on.isoformat()}，{on.isoformat()} 不在公示期内，不能登记异议。")
    require_text(raised_by, "异议人")
    require_text(content, "异议内容")


def check_answer(objection: PointsObjection, on: date, answer: str) -> str:
    if objection.answered:
        raise DomainError(f"异议 {objection.id} 已于 {objection.answered_on} 答复过了。")
    if on < objection.received_on:
        raise DomainError("答复日期不能早于收到异议的日期。")
    return require_text(answer, "答复内容")


def publication_state(publication: Publication, objections: list[PointsObjection], today: date) -> str:
    """How the publication stands today, as the screen and `points publications` say it."""
    waiting = [o for o in objections if not o.answered]
    if today <= publication.closes_on:
        return f"公示中（至 {publication.closes_on.isoformat()}）" + (f"，{len(waiting)} 条异议待答复" if waiting else "")
    if waiting:
        return f"公示期满，{len(waiting)} 条异议待答复：涉及的户积分暂不能兑换"
    return "公示期满无异议，本期积分可兑换" if not objections else "公示期满，异议均已答复，本期积分可兑换"
