"""What the 群众说事 products print, gathered through the typed stores (printing/ never reads a store).

R49: a matter that is not public reaches the printed lists only as a count by class."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import DomainError
from models.matters.records import Matter, MatterClass, MatterStatus, OfficerLogEntry
from models.matters.rules import is_overdue

if TYPE_CHECKING:
    from models.core.ports import Stores

OPEN = (MatterStatus.OPEN, MatterStatus.ASSIGNED)


@dataclass(frozen=True)
class PrintedList:
    """One of the three lists: the public matters by row, the others as a count per class."""

    title: str
    shown: tuple[Matter, ...]
    withheld: tuple[tuple[MatterClass, int], ...]


@dataclass(frozen=True)
class MonthLists:
    """问题清单, 交办清单, 销号清单 of one month, for the board."""

    village: str
    period: str
    lists: tuple[PrintedList, ...]


@dataclass(frozen=True)
class WallChart:
    """挂图作战: open matters counted by group (rows) and class (columns), with how many are overdue."""

    village: str
    on: date
    groups: tuple[str, ...]
    counts: dict[tuple[str, MatterClass], tuple[int, int]]  # (open, overdue)


@dataclass(frozen=True)
class OfficerLogPage:
    village: str
    officer: str
    month: str
    entries: tuple[OfficerLogEntry, ...]


def _village(stores: Stores) -> str:
    profile = stores.profile.get()
    return f"{profile.township}{profile.village}"


def _split(title: str, matters: list[Matter]) -> PrintedList:
    withheld = Counter(m.cls for m in matters if not m.public)
    return PrintedList(title, tuple(m for m in matters if m.public),
                       tuple((cls, withheld[cls]) for cls in MatterClass if withheld[cls]))


def _check_month(period: str) -> str:
    try:
        date.fromisoformat(f"{period}-01")
    except ValueError:
        raise DomainError(f"月份“{period}”应写成 2026-11 这样的形式。") from None
    return period


def month_lists(stores: Stores, period: str, today: date) -> MonthLists:
    """问题清单: raised in the month; 交办清单: assigned in the month (raised then or earlier); 销号清单: closed in the
    month."""
    month = _check_month(period)
    every = stores.matters.matters()
    raised = sorted((m for m in every if m.raised_on.isoformat().startswith(month)), key=lambda m: m.number)
    assigned = stores.matters.assigned_in(month)
    closed = sorted((m for m in every if m.closed_on and m.closed_on.isoformat().startswith(month)),
                    key=lambda m: m.number)
    return MonthLists(_village(stores), month, (_split("问题清单", raised), _split("交办清单", assigned),
                                                 _split("销号清单", closed)))


def wall_chart(stores: Stores, today: date) -> WallChart:
    counts: dict[tuple[str, MatterClass], tuple[int, int]] = {}
    for matter in stores.matters.matters():
        if matter.status not in OPEN:
            continue
        key = (matter.raiser.group or "未分组", matter.cls)
        total, late = counts.get(key, (0, 0))
        counts[key] = (total + 1, late + int(is_overdue(matter, today)))
    groups = tuple(sorted({group for group, _ in counts}, key=lambda g: (g == "未分组", g)))
    return WallChart(_village(stores), today, groups, counts)


def officer_log(stores: Stores, officer: str, month: str) -> OfficerLogPage:
    return OfficerLogPage(_village(stores), stores.officer_log.officer_name(officer), _check_month(month),
                          tuple(stores.officer_log.entries(officer, month)))


def officer_log_source(stores: Stores, officer_month: str, _today: date) -> OfficerLogPage:
    """打印中心's choice "officer|2026-11" (see officer_log_choices)."""
    officer, _, month = officer_month.rpartition("|")
    return officer_log(stores, officer, month)


# -- what 打印中心 offers to choose among (label, id), newest first -------------------------------------------------
def month_choices(_stores: Stores, today: date, count: int = 12) -> list[tuple[str, str]]:
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append((f"{year}年{month}月", f"{year}-{month:02d}"))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def chart_choices(_stores: Stores, today: date) -> list[tuple[str, str]]:
    return [(f"截至{today.year}年{today.month}月{today.day}日未销号的事项", today.isoformat())]


def officer_log_choices(stores: Stores, _today: date) -> list[tuple[str, str]]:
    """Each officer's months that hold log entries."""
    pairs = {(entry.officer, entry.on.isoformat()[:7]) for entry in stores.officer_log.entries()}
    return [(f"{officer}  {month[:4]}年{int(month[5:])}月", f"{officer}|{month}")
            for officer, month in sorted(pairs, key=lambda p: (p[1], p[0]), reverse=True)]
