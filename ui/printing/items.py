"""What 打印中心 offers to print for each kind of record a product is of (printing/core/catalogue.py `item`)."""
from __future__ import annotations

from collections.abc import Callable

from models.core.ports import Stores

ITEM_LABELS = {"rulebook": "村规民约：", "meeting": "会议记录：", "group": "村民小组：", "grid": "网格：",
               "month": "月份：", "year": "年度：", "star-household": "星级户：", "period": "积分周期：",
               "scheme": "积分细则：", "redemption": "兑换记录：", "chart": "范围：", "officer-month": "信息员："}

Items = list[tuple[str, str]]  # (label shown, the record's id or key)


def _rulebooks(stores: Stores) -> Items:
    return [(f"{r.title}（共{len(r.versions)}版）", r.id) for r in stores.rules.list_rulebooks()]


def _groups(stores: Stores) -> Items:
    return [(g.name, g.id) for g in sorted(stores.groups.list_groups(), key=lambda g: g.position)]


def _grids(stores: Stores) -> Items:
    return [(g.name, g.id) for g in stores.groups.list_grids()]


def _months(stores: Stores) -> Items:
    return [(month, month) for month in sorted(stores.finance_sheets.months(), reverse=True)]


def _years(stores: Stores) -> Items:
    return [(f"{year}年度", str(year)) for year in stores.star_awards.years()]


def _star_households(stores: Stores) -> Items:
    """Each household with stars awarded, per year (newest first): the plaque is of one household's year."""
    return [(f"{year}年度 第{row.household_no}户（{row.count}星）", f"{year}:{row.household_no}")
            for year in stores.star_awards.years() for row in stores.star_awards.rows(year)]


def _meetings(stores: Stores) -> Items:
    return [(f"{m.number}  {m.type_label}  {m.on.year}年{m.on.month}月{m.on.day}日", m.id)
            for m in stores.meetings.list_meetings()]


LISTERS: dict[str, Callable[[Stores], Items]] = {
    "rulebook": _rulebooks, "meeting": _meetings, "group": _groups, "grid": _grids, "month": _months,
    "year": _years, "star-household": _star_households}


def record_items(stores: Stores, item: str) -> Items:
    return LISTERS[item](stores)
