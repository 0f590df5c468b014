"""网格 (R52): the three grid levels, a household's grid by date, and the 20–30 households norm (a warning only)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from models.core.errors import DomainError


class GridLevel(IntEnum):
    """网格层级 — Hanyin's three levels: the village (一级), a 村民小组 (二级), 20–30 households (三级)."""

    FIRST = 1
    SECOND = 2
    THIRD = 3

    @property
    def label(self) -> str:
        return {1: "一级", 2: "二级", 3: "三级"}[self.value]

    @classmethod
    def parse(cls, text: str) -> GridLevel:
        for level in cls:
            if text in (str(level.value), level.label, level.name.lower()):
                return level
        raise DomainError(f"网格层级“{text}”无效，应为 一级、二级 或 三级。")


@dataclass(frozen=True)
class SizeBand:
    """网格户数规范 — the norm of households per leaf grid (configurable; default 20–30)."""

    low: int = 20
    high: int = 30

    def __post_init__(self) -> None:
        if self.low < 1 or self.high < self.low:
            raise DomainError(f"网格户数范围 {self.low}–{self.high} 无效：下限至少 1，上限不小于下限。")


def size_warning(households: int, band: SizeBand) -> str | None:
    """The warning for a leaf grid of `households` outside the band (never a refusal, R52); None inside it."""
    if households < band.low:
        return f"本网格只有 {households} 户，少于规范的 {band.low}–{band.high} 户。"
    if households > band.high:
        return f"本网格已有 {households} 户，多于规范的 {band.low}–{band.high} 户，可考虑拆分。"
    return None


def check_parent(level: GridLevel, parent_level: GridLevel | None) -> None:
    """A grid's parent is one level up; a 一级 grid (the village) has none."""
    if level is GridLevel.FIRST and parent_level is not None:
        raise DomainError("一级网格即全村，没有上级网格。")
    if parent_level is not None and parent_level != level - 1:
        raise DomainError(f"{level.label}网格的上级应是{GridLevel(level - 1).label}网格，不能是{parent_level.label}网格。")


@dataclass(frozen=True)
class GridAssignment:
    """户的网格归属 — a household in a leaf grid from `start` until `end` (open while None)."""

    id: str
    household_id: str
    grid_id: str
    start: date
    end: date | None = None

    def current_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class GridMemberTerm:
    """网格员任期 — a villager as a grid's 网格员 from `start` until `end` (open while None); R52 keeps the history."""

    grid_id: str
    member_id: str
    start: date
    end: date | None = None


def closing_day(start: date, previous_start: date) -> date:
    """The last day of the previous assignment when a new one starts on `start` (refused if not after it)."""
    if start <= previous_start:
        raise DomainError(f"新的网格归属应晚于现有归属的起始日期 {previous_start.isoformat()}。")
    return start - timedelta(days=1)
