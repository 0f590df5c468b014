"""打印即登记 (issue 23): the public notices and boards other areas print — the minutes' 决议公开 and 实施结果公开,
the lists' boards, the points' board, the stars' board, the finance board — register themselves as a publication
(R42) when printed, so the calendar shows them done without the clerk recording them a second time.

A printed copy is recorded as posted on the village board from the day it was printed for the default publicity
(7 days, R47); the clerk corrects the record (withdraw it, record the real posting) when it went up another day. A
copy printed again (the same 校验码) is not registered twice."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from models.core.notices import DEFAULT_PERIOD_DAYS
from models.disclosures.calendar import Obligation
from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Frequency

OTHER = "村民普遍关心的其他事项"  # the default catalogue's quarterly catch-all of village affairs (组织法第三十条)

# product key → the kind it discloses; the category is the catalogue's item of that kind and frequency
PRINTED_DISCLOSURES: dict[str, tuple[DisclosureKind, Frequency | None]] = {
    "resolution-notice": (DisclosureKind.VILLAGE, Frequency.FOUR_TWO),
    "call-for-opinions": (DisclosureKind.VILLAGE, None),  # 九步工作法第四步 (step 7 is the workflow's own record)
    "result-notice": (DisclosureKind.VILLAGE, None),
    "board": (DisclosureKind.VILLAGE, None),
    "list-publicity": (DisclosureKind.VILLAGE, None),
    "list-removal": (DisclosureKind.VILLAGE, None),
    "points-board": (DisclosureKind.VILLAGE, None),
    "stars-board": (DisclosureKind.VILLAGE, None),
    "stars-publicity": (DisclosureKind.VILLAGE, None),
    "finance-board": (DisclosureKind.FINANCE, Frequency.FINANCE),
}


@dataclass(frozen=True)
class PrintedNotice:
    """What a print path knows of the copy it printed: the product, its title and 校验码, the day, and the record
    it is of (a meeting's id for its notices, a month for the finance board)."""

    product: str
    title: str
    fingerprint: str
    printed_on: date
    meeting_id: str = ""
    period: str = ""

    @property
    def note(self) -> str:
        return f"打印登记（校验码 {self.fingerprint}）"

    @property
    def end(self) -> date:
        return self.printed_on + timedelta(days=DEFAULT_PERIOD_DAYS - 1)


@dataclass(frozen=True)
class PrintedTarget:
    """The catalogue item a printed notice discloses, and the period it meets ("" : the last one closed)."""

    kind: DisclosureKind
    category: str
    period: str = ""


def printed_target(printed: PrintedNotice, catalogue: Sequence[CatalogueItem],
                   obligations: Sequence[Obligation], frequent_finance: bool) -> PrintedTarget | None:
    """Where `printed` goes in the calendar, or None when the product is no disclosure (or the county's catalogue
    has no item for it). A 决议公开 of a meeting that decided a four-two matter meets that resolution; any other
    meeting's notice, like the boards, counts as the quarter's 其他事项."""
    found = PRINTED_DISCLOSURES.get(printed.product)
    if found is None:
        return None
    kind, frequency = found
    if frequency is Frequency.FOUR_TWO:
        decided = next((o for o in obligations if printed.meeting_id and o.meeting_id == printed.meeting_id), None)
        if decided is not None:
            return PrintedTarget(decided.kind, decided.category, decided.period)
    elif frequency is Frequency.FINANCE:
        item = next((i for i in catalogue if i.kind is kind and i.frequency is Frequency.FINANCE), None)
        if item is None:
            return None
        period = printed.period if frequent_finance else _quarter(printed.period)
        return PrintedTarget(kind, item.category, period)
    other = next((i for i in catalogue if i.kind is DisclosureKind.VILLAGE and i.category == OTHER), None)
    return PrintedTarget(DisclosureKind.VILLAGE, other.category) if other else None


def _quarter(month: str) -> str:
    """"2026-11" → "2026-Q4" (a village with few transactions discloses its finance quarterly)."""
    if len(month) != 7:
        return ""
    return f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
