"""汇总 — per household, group, grid and village: sums of the confirmed entries beneath them (R37)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class TallyBy(StrEnum):
    HOUSEHOLD = "household"
    GROUP = "group"
    GRID = "grid"
    VILLAGE = "village"

    @property
    def label(self) -> str:
        return {"household": "户", "group": "村民小组", "grid": "网格", "village": "全村"}[self.value]


@dataclass(frozen=True)
class PointsHousehold:
    """A household as points read it from the registry: number, head, pinyin initials, group and grid."""

    id: str
    household_no: str
    head_name: str = ""
    initials: str = ""
    group_name: str = ""
    grid_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.household_no} {self.head_name}".strip()


@dataclass(frozen=True)
class HouseholdSums:
    """One household's confirmed plus and minus points of a period (redemptions are spending, not scoring)."""

    household_id: str
    plus: int
    minus: int


@dataclass(frozen=True)
class TallyRow:
    key: str
    plus: int
    minus: int

    @property
    def total(self) -> int:
        return self.plus + self.minus


def key_of(household: PointsHousehold | None, household_id: str, by: TallyBy, village: str) -> str:
    if by is TallyBy.VILLAGE:
        return village
    if household is None:
        return f"（已删除的户 {household_id}）"
    if by is TallyBy.HOUSEHOLD:
        return household.household_no
    return (household.group_name if by is TallyBy.GROUP else household.grid_name) or "（未分配）"


def roll_up(sums: Iterable[HouseholdSums], households: Iterable[PointsHousehold], by: TallyBy,
            village: str = "全村") -> list[TallyRow]:
    """Rows by key in key order (households by number as text, 1 < 10 < 2 avoided by natural sort)."""
    directory = {h.id: h for h in households}
    totals: dict[str, list[int]] = {}
    for one in sums:
        key = key_of(directory.get(one.household_id), one.household_id, by, village)
        pair = totals.setdefault(key, [0, 0])
        pair[0] += one.plus
        pair[1] += one.minus
    return [TallyRow(key, plus, minus) for key, (plus, minus) in sorted(totals.items(), key=lambda kv: _natural(kv[0]))]


def _natural(key: str) -> tuple[int, str]:
    digits = "".join(ch for ch in key if ch.isdigit())
    return (int(digits) if digits and key.isdigit() else 1 << 30, key)


def find_households(households: Iterable[PointsHousehold], typed: str, limit: int = 20) -> list[PointsHousehold]:
    """Fast slip entry: the household of this number first (12 finds 0012), then numbers holding the digits, heads
    whose name holds the text, or one of whose pinyin initials start with it (wjh finds 王建华)."""
    text = typed.strip().lower()
    if not text:
        return []
    exact, others = [], []
    for household in households:
        if household.household_no == text or (text.isdigit() and household.household_no.lstrip("0") == text.lstrip("0")):
            exact.append(household)
        elif ((text.isdigit() and text in household.household_no) or text in household.head_name
              or any(variant.startswith(text) for variant in household.initials.split())):
            others.append(household)
    return (exact + others)[:limit]


def ranked(rows: Iterable[TallyRow]) -> list[TallyRow]:
    """Villages (or groups) by total, highest first: the township's ranking (the Dongkou roll-up above the village)."""
    return sorted(rows, key=lambda r: (-r.total, r.key))
