"""Display-name policy (R30–R31) and volunteer ranking."""
from __future__ import annotations

from datetime import date

import pytest

from models.lists.boards import Participation, build_board, display_name, top_volunteers
from models.lists.entries import (ArticleRef, EntryState, ListEntry, ListKind, ListSettings, Period)
from models.lists.naming import NamingBasis

ON = date(2025, 3, 20)
ARTICLE = ArticleRef("a-12", "v-2", "第十二条", "乱堆乱放")


def entry(kind: ListKind, household: str = "h-1", number: str = "12", minor: bool = False,
          group: str = "三组", ident: str = "e-1") -> ListEntry:
    return ListEntry(ident, kind, "2025-03", household, number, group, "杨老三", "未按约定清理房前杂物", "吴晓梅", "",
                     state=EntryState.PUBLISHED, subject_is_minor=minor, article=ARTICLE, published_on=ON)


CONSENT = NamingBasis("h-1", "consent", "户主书面同意", date(2025, 3, 1))


@pytest.mark.parametrize("kind, bases, minor, settings, expected", [
    (ListKind.RED, (), False, ListSettings(), "三组第12号户"),
    (ListKind.RED, (CONSENT,), False, ListSettings(), "三组 杨老三"),
    (ListKind.RED, (CONSENT,), True, ListSettings(), "三组第12号户"),
    (ListKind.YELLOW, (CONSENT,), False, ListSettings(), "三组 杨老三"),
    (ListKind.YELLOW, (), False, ListSettings(), "三组第12号户"),
    (ListKind.BLACK, (CONSENT,), False, ListSettings(), "三组（不具名）"),
    (ListKind.BLACK, (CONSENT,), False, ListSettings(name_black_list=True), "三组 杨老三"),
    (ListKind.BLACK, (), False, ListSettings(name_black_list=True), "三组（不具名）"),
])
def test_display_name_policy(kind: ListKind, bases: tuple[NamingBasis, ...], minor: bool,
                             settings: ListSettings, expected: str) -> None:
    assert display_name(entry(kind, minor=minor), bases, ON, settings) == expected


def test_basis_must_be_in_force_and_cover_the_list() -> None:
    revoked = NamingBasis("h-1", "consent", "同意", date(2025, 3, 1), revoked_on=date(2025, 3, 10))
    red_only = NamingBasis("h-1", "consent", "同意", date(2025, 3, 1), lists=(ListKind.RED,))
    assert display_name(entry(ListKind.RED), (revoked,), ON) == "三组第12号户"
    assert display_name(entry(ListKind.YELLOW), (red_only,), ON) == "三组第12号户"


def test_unnamed_black_is_counted_per_group() -> None:
    entries = [entry(ListKind.BLACK, f"h-{n}", str(n), ident=f"e-{n}") for n in range(3)]
    entries.append(entry(ListKind.BLACK, "h-9", "9", group="五组", ident="e-9"))
    entries.append(entry(ListKind.RED, ident="e-r"))
    board = build_board(Period.parse("2025-03"), entries, (CONSENT,), ON)
    assert [line.what for line in board.black] == ["本月三组发现乱堆乱放 3 起", "本月五组发现乱堆乱放 1 起"]
    assert all("杨老三" not in line.who + line.what for line in board.black)
    assert [line.who for line in board.red] == ["三组 杨老三"]
    assert board.red[0].citation == "村规民约第十二条（乱堆乱放）"


def test_only_published_entries_of_the_period_show() -> None:
    from dataclasses import replace
    items = [replace(entry(ListKind.RED), state=EntryState.PUBLICITY), replace(entry(ListKind.RED), period="2025-04")]
    board = build_board(Period.parse("2025-03"), items, (), ON)
    assert board.entry_ids == ()


def test_top_volunteers_by_times_then_hours() -> None:
    rows = [Participation(str(n), h, "清扫村道", date(2025, 3, d), hours) for n, (h, d, hours) in enumerate(
        [("h-1", 1, 2), ("h-1", 8, 2), ("h-2", 2, 3), ("h-2", 9, 3), ("h-3", 3, 1), ("h-4", 4, 9), ("h-1", 30, 1)])]
    rows.append(Participation("x", "h-4", "清扫村道", date(2025, 4, 1), 5))
    ranked = top_volunteers(rows, Period.parse("2025-03"), 3)
    assert [(t.household_id, t.times, t.hours) for t in ranked] == [("h-1", 3, 5.0), ("h-2", 2, 6.0), ("h-4", 1, 9.0)]


def test_publicity_notice_lists_entries_in_publicity_without_unlawful_names() -> None:
    from dataclasses import replace

    from models.lists.boards import publicity_notice
    from models.core.errors import DomainError
    items = [replace(entry(ListKind.YELLOW), state=EntryState.PUBLICITY, publicity_start=date(2025, 3, 5)),
             replace(entry(ListKind.BLACK, ident="e-2"), state=EntryState.PUBLICITY, publicity_start=date(2025, 3, 6))]
    notice = publicity_notice("青石村", Period.parse("2025-03"), items, (), date(2025, 3, 5))
    assert notice.period is not None and notice.period.text == "2025年3月5日至2025年3月12日"
    assert "黄榜：三组第12号户" in notice.paragraphs[1] and "杨老三" not in "".join(notice.paragraphs)
    assert "三组（不具名）" in notice.paragraphs[2]
    assert notice.paragraphs[-1].startswith("公示期间如有异议，请以书面或口头方式向村务监督委员会或乡镇人民政府反映")  # R47
    with pytest.raises(DomainError, match="没有处于公示阶段"):
        publicity_notice("青石村", Period.parse("2025-04"), items, (), date(2025, 3, 5))
