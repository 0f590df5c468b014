"""Red, yellow and black lists and the volunteer ranking as spreadsheet rows (headers, text rows) for .xlsx export.

The subject is shown as the board would show it (R30: a name only where a naming basis allows it, never a black-list
name without one); the ranking, like the screen, never carries the head of household's name."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.lists.boards import VolunteerRank, display_name
from models.lists.entries import ListEntry, ListSettings
from models.lists.naming import NamingBasis

ENTRY_HEADERS = ["户号", "村民小组", "上榜对象", "榜别", "周期", "状态", "事实或荣誉", "依据条款", "公示开始"]
RANKING_HEADERS = ["名次", "户号", "村民小组", "参加次数", "服务时长（小时）"]


def entry_rows(entries: Sequence[ListEntry], bases: Sequence[NamingBasis], on: date,
               settings: ListSettings = ListSettings()) -> list[list[str]]:
    return [[e.household_no, e.group_name, display_name(e, bases, on, settings), e.list_kind.label, e.period,
             e.state.label, e.honour or e.facts, e.article.number if e.article else "",
             e.publicity_start.isoformat() if e.publicity_start else ""] for e in entries]


def ranking_rows(ranks: Sequence[VolunteerRank]) -> list[list[str]]:
    return [[str(r.rank), r.household_no, r.group_name, str(r.times), f"{r.hours:g}"] for r in ranks]
