"""公开日历 (R41): each item's obligations of a year, when each is due, and its status against the publications."""
from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Frequency

REMIND_DAYS = 7  # a reminder on the home screen this many days before an item is due


class Status(StrEnum):
    """`disclose due` statuses: still due, past due and not published, published on time, published late."""

    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    LATE = "late"

    @property
    def label(self) -> str:
        return {"due": "待公开", "overdue": "逾期未公开", "done": "按时公开", "late": "逾期后补公开"}[self.value]


@dataclass(frozen=True)
class Resolution:
    """A four-two matter's finalised decision: a village-affairs disclosure is due within the item's days."""

    matter_id: str
    title: str
    decided_on: date
    meeting_id: str = ""  # the meeting that decided it (its printed 决议公开 is this disclosure)


@dataclass(frozen=True)
class RulePublicity:
    """A rulebook's second publicity (九步工作法第七步) as the workflow recorded it: it is its own disclosure."""

    rulebook_id: str
    title: str
    start: date
    end: date


@dataclass(frozen=True)
class Obligation:
    """应公开 — one item for one period ("2026-11", "2026-Q4", "2026") or one resolution (its matter id)."""

    kind: DisclosureKind
    category: str
    period: str
    opens: date  # the period's last day, or the day of the resolution
    due: date
    subject: str = ""
    meeting_id: str = ""  # a resolution's deciding meeting
    recorded_on: date | None = None  # posted as another area recorded it (the workflow's publicity)


_PERIOD = re.compile(r"\d{4}(-\d{2}|-Q[1-4])?")


def is_period(text: str) -> bool:
    """Whether `text` names a calendar period ("2026-11", "2026-Q4", "2026"), not a resolution's matter id."""
    return _PERIOD.fullmatch(text) is not None


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _periods(frequency: Frequency, year: int, frequent_finance: bool) -> list[tuple[str, date]]:
    if frequency is Frequency.FINANCE:
        frequency = Frequency.MONTHLY if frequent_finance else Frequency.QUARTERLY
    if frequency is Frequency.MONTHLY:
        return [(f"{year}-{m:02d}", month_end(year, m)) for m in range(1, 13)]
    if frequency is Frequency.QUARTERLY:
        return [(f"{year}-Q{q}", month_end(year, q * 3)) for q in range(1, 5)]
    if frequency is Frequency.YEARLY:
        return [(str(year), date(year, 12, 31))]
    return []


def obligations(catalogue: Sequence[CatalogueItem], year: int, frequent_finance: bool,
                resolutions: Iterable[Resolution] = (), publicities: Iterable[RulePublicity] = ()) -> list[Obligation]:
    """Everything due for `year`'s periods, resolutions and the rules' publicities, in due order."""
    found: list[Obligation] = []
    decided = [r for r in resolutions if r.decided_on.year == year]
    posted = [p for p in publicities if p.start.year == year]
    for item in catalogue:
        days = timedelta(days=item.days)
        if item.frequency is Frequency.WORKFLOW:
            found += [Obligation(item.kind, item.category, f"rules:{p.rulebook_id}:{p.start}", p.start, p.start,
                                 f"《{p.title}》修订稿公示（{p.start}至{p.end}）", recorded_on=p.start) for p in posted]
        elif item.frequency is Frequency.FOUR_TWO:
            found += [Obligation(item.kind, item.category, r.matter_id, r.decided_on, r.decided_on + days, r.title,
                                 r.meeting_id) for r in decided]
        else:
            found += [Obligation(item.kind, item.category, period, end, end + days)
                      for period, end in _periods(item.frequency, year, frequent_finance)]
    return sorted(found, key=lambda o: (o.due, o.kind, o.category))


def period_for(item: CatalogueItem, start: date, frequent_finance: bool) -> str:
    """The period a publication posted from `start` discloses: the last one that had closed by then (a board put
    up on 5 December shows November); a period's own last day counts as closed."""
    closed = [period for year in (start.year, start.year - 1)
              for period, end in _periods(item.frequency, year, frequent_finance) if end <= start]
    return max(closed) if closed else ""


def status(obligation: Obligation, published_on: date | None, today: date) -> Status:
    """Published by the due day: done; after it: late; not published: overdue once the due day has passed."""
    if published_on is not None:
        return Status.DONE if published_on <= obligation.due else Status.LATE
    return Status.OVERDUE if today > obligation.due else Status.DUE


def reminders(rows: Sequence[tuple[Obligation, Status]], today: date) -> list[tuple[Obligation, Status]]:
    """For the home screen: the overdue, and the due ones whose day comes within REMIND_DAYS."""
    return [(o, s) for o, s in rows if s is Status.OVERDUE
            or (s is Status.DUE and o.opens <= today and (o.due - today).days <= REMIND_DAYS)]
