"""Why the board of a period is empty, and what to do about it (shown above the three columns)."""
from __future__ import annotations

from collections.abc import Sequence

from models.core.errors import DomainError
from models.lists.entries import ListEntry, Period, PeriodKind
from ui.lists.table_model import is_waiting

_THIS = {PeriodKind.MONTH: "本月", PeriodKind.QUARTER: "本季度", PeriodKind.YEAR: "今年"}
_OTHER = {PeriodKind.MONTH: "其他月份", PeriodKind.QUARTER: "其他季度", PeriodKind.YEAR: "其他年份"}


def empty_board_hint(period: str, current: str, entries: Sequence[ListEntry]) -> str:
    """The hint for a board without a published line: `entries` are the period's entries in any state."""
    try:
        shown = Period.parse(period)
    except DomainError as error:
        return error.message
    when = _THIS[shown.kind] if period == current else f"{shown.text}"
    waiting = sum(1 for entry in entries if is_waiting(entry))
    if waiting:
        return (f"{when}没有已发布的条目。有 {waiting} 条还在提名、评议、审核或公示中：请在“条目与流转”中"
                f"推进到“发布”，发布后就显示在这里；或在“期次”中选择{_OTHER[shown.kind]}。")
    return (f"{when}没有已发布的条目。请先点“提名上榜…”，再在“条目与流转”中评议、审核、公示并发布；"
            f"或在“期次”中选择{_OTHER[shown.kind]}。")
