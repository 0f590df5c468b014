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


class ProjectStep(StrEnum):
    """A long project's three disclosures (陕西省实施《村民委员会组织法》办法第三十三条)."""

    DECISION = "decision"
    PROGRESS = "progress"
    COMPLETION = "completion"

    @property
    def label(self) -> str:
        return {"decision": "决策", "progress": "进展", "completion": "完成"}[self.value]


@dataclass(frozen=True)
class DisclosureEvent:
    """An event that makes an item due (R41): a government approval received, or a long project's decision,
    progress or completion (`step`). Its id is the obligation's period."""

    category: str
    subject: str
    on: date
    step: ProjectStep | None = None
    id: str = ""

    @property
    def title(self) -> str:
        return f"{self.subject}（{self.step.label}）" if self.step else self.subject


def check_event(item: CatalogueItem, event: DisclosureEvent, today: date) -> None:
    """An approval names no project step; a project event names one; neither lies in the future."""
    from models.core.errors import DomainError

    if not item.frequency.by_event:
        raise DomainError(f"“{item.category}”按{item.frequency.label}公开，不用登记事件；请选“收到政府批复后”或"
                          "“项目决策、进展、完成时”的事项。")
    if not event.subject.strip():
        raise DomainError("请写明是什么事项（例如“村道硬化项目”或批复的文号和标题）。")
    if item.frequency is Frequency.PROJECT and event.step is None:
        raise DomainError("项目事件要写明是决策、进展还是完成（陕西省实施《村民委员会组织法》办法第三十三条：三者分别公开）。")
    if item.frequency is Frequency.APPROVAL and event.step is not None:
        raise DomainError("政府批准事项不分决策、进展、完成；请去掉 --stage。")
    if event.on > today:
        raise DomainError(f"事件日期 {event.on} 在今天之后：请等事情发生后再登记。")


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
                resolutions: Iterable[Resolution] = (), publicities: Iterable[RulePublicity] = (),
                events: Iterable[DisclosureEvent] = ()) -> list[Obligation]:
    """Everything due for `year`'s periods, resolutions, the rules' publicities and the recorded events (approvals,
    long projects' steps), in due order."""
    found: list[Obligation] = []
    decided = [r for r in resolutions if r.decided_on.year == year]
    posted = [p for p in publicities if p.start.year == year]
    happened = [e for e in events if e.on.year == year]
    for item in catalogue:
        days = timedelta(days=item.days)
        if item.frequency.by_event:
            found += [Obligation(item.kind, item.category, e.id, e.on, e.on + days, e.title)
                      for e in happened if e.category == item.category]
        elif item.frequency is Frequency.WORKFLOW:
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
