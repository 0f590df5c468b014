"""积分榜 — the period's households by points as the display board may show them (R38, R40 with R30–R32)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.lists.entries import Period
from models.points.rollup import HouseholdSums, PointsHousehold


@dataclass(frozen=True)
class BoardRow:
    rank: int
    who: str
    plus: int
    minus: int

    @property
    def total(self) -> int:
        return self.plus + self.minus


@dataclass(frozen=True)
class PointsBoard:
    """The board of one period: ranked rows, deduction entries against all entries, the configured share."""

    village: str
    period: Period
    rows: tuple[BoardRow, ...]
    entries: int
    deductions: int
    share_limit: int

    @property
    def deduction_share(self) -> int:
        """Deduction entries as a whole percentage of the period's entries."""
        return round(100 * self.deductions / self.entries) if self.entries else 0

    @property
    def warning(self) -> str:
        if self.deductions * 100 <= self.share_limit * self.entries:  # exact: 7/23 is over 30 %, though shown as 30 %
            return ""
        return (f"本期扣分记录占 {self.deduction_share}%，超过设定的 {self.share_limit}%。"
                "积分制以正向激励为主，请检查扣分项目是否过多。")


def who(household: PointsHousehold, named: frozenset[str]) -> str:
    """R40/R31: the head's name (with group) only with a recorded basis; otherwise the household code."""
    if household.id in named and household.head_name:
        return f"{household.group_name} {household.head_name}".strip()
    return f"{household.group_name}第{household.household_no}号户".strip()


def build_board(village: str, period: Period, sums: Iterable[HouseholdSums], households: Iterable[PointsHousehold],
                named: frozenset[str], entries: int, deductions: int, share_limit: int) -> PointsBoard:
    directory = {h.id: h for h in households}
    ranked = sorted((s for s in sums if s.household_id in directory),
                    key=lambda s: (-(s.plus + s.minus), directory[s.household_id].household_no))
    rows, rank, previous = [], 0, None
    for position, one in enumerate(ranked, 1):
        total = one.plus + one.minus
        rank = rank if total == previous else position
        previous = total
        rows.append(BoardRow(rank, who(directory[one.household_id], named), one.plus, one.minus))
    return PointsBoard(village, period, tuple(rows), entries, deductions, share_limit)
