"""三务公开: due dates at period ends (R41), statuses at the boundary day, the finance sheet's 合计 check."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.disclosures.calendar import Resolution, Status, is_period, obligations, period_for, status
from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Frequency, parse_catalogue
from models.disclosures.finance import parse_sheet

FINANCE = CatalogueItem(DisclosureKind.FINANCE, "财务收支", Frequency.FINANCE, 10)
QUARTERLY = CatalogueItem(DisclosureKind.VILLAGE, "惠民资金和补贴发放", Frequency.QUARTERLY, 10)
FOUR_TWO = CatalogueItem(DisclosureKind.VILLAGE, "重大事项决议", Frequency.FOUR_TWO, 3)


def test_monthly_finance_is_due_ten_days_after_each_month_end() -> None:
    due = obligations((FINANCE,), 2026, frequent_finance=True)
    assert len(due) == 12
    assert (due[1].period, due[1].opens, due[1].due) == ("2026-02", date(2026, 2, 28), date(2026, 3, 10))
    assert (due[-1].period, due[-1].opens, due[-1].due) == ("2026-12", date(2026, 12, 31), date(2027, 1, 10))


def test_finance_of_a_village_with_few_transactions_and_ordinary_items_are_quarterly() -> None:
    for item, frequent in ((FINANCE, False), (QUARTERLY, True)):
        due = obligations((item,), 2026, frequent_finance=frequent)
        assert [(o.period, o.opens, o.due) for o in due] == [
            ("2026-Q1", date(2026, 3, 31), date(2026, 4, 10)), ("2026-Q2", date(2026, 6, 30), date(2026, 7, 10)),
            ("2026-Q3", date(2026, 9, 30), date(2026, 10, 10)), ("2026-Q4", date(2026, 12, 31), date(2027, 1, 10))]


def test_a_resolution_makes_its_own_obligation() -> None:
    (due,) = obligations((FOUR_TWO,), 2026, True, (Resolution("m1", "修建村道", date(2026, 5, 6)),))
    assert (due.period, due.due, due.subject) == ("m1", date(2026, 5, 9), "修建村道")


def test_status_at_the_due_day_and_the_day_after() -> None:
    (nov,) = [o for o in obligations((FINANCE,), 2026, True) if o.period == "2026-11"]
    assert status(nov, None, date(2026, 12, 10)) is Status.DUE
    assert status(nov, None, date(2026, 12, 11)) is Status.OVERDUE
    assert status(nov, date(2026, 12, 10), date(2027, 1, 1)) is Status.DONE
    assert status(nov, date(2026, 12, 11), date(2027, 1, 1)) is Status.LATE


def test_a_posting_discloses_the_last_period_closed_by_its_start() -> None:
    assert period_for(FINANCE, date(2026, 12, 5), True) == "2026-11"
    assert period_for(FINANCE, date(2026, 11, 30), True) == "2026-11"
    assert period_for(FINANCE, date(2026, 1, 3), True) == "2025-12"
    assert period_for(QUARTERLY, date(2026, 11, 3), True) == "2026-Q3"


def test_periods_are_told_from_matter_ids() -> None:
    assert all(is_period(p) for p in ("2026-11", "2026-Q4", "2026"))
    assert not any(is_period(p) for p in ("0193a6b2-7c1e-7000-8000-000000000000", "2026-13x", "2026-Q5"))


def test_the_shipped_catalogue_reads_and_a_bad_one_is_refused() -> None:
    shipped = Path(__file__).resolve().parents[2] / "resources" / "disclosures_catalogue.json"
    items = parse_catalogue(shipped.read_text(encoding="utf-8"))
    assert {i.kind for i in items} == set(DisclosureKind)
    assert any(i.frequency is Frequency.FINANCE for i in items) and any(i.frequency is Frequency.FOUR_TWO for i in items)
    with pytest.raises(DomainError, match="第 1 项"):
        parse_catalogue('{"items": [{"kind": "other", "category": "x", "frequency": "monthly"}]}')


HEADER = ["日期", "摘要", "收入", "支出"]


def test_finance_sheet_sums_must_equal_the_total_row() -> None:
    rows = [HEADER, ["2026-11-03", "上级转移支付", "50000.00", ""], ["2026-11-12", "村道维修", "", "12345.60"],
            ["合计", "", "50000.00", "12345.60"]]
    sheet = parse_sheet(rows, "2026-11")
    assert (sheet.income, sheet.expense, len(sheet.lines)) == (5000000, 1234560, 2)
    rows[-1][3] = "12345.00"
    with pytest.raises(DomainError, match="第 4 行“合计”的支出 12,345.00 与各行之和 12,345.60 不符"):
        parse_sheet(rows, "2026-11")


def test_finance_lines_not_understood_are_refused_by_line() -> None:
    with pytest.raises(DomainError, match="第 2 行的日期 2026-10-31 不在 2026-11 月内"):
        parse_sheet([HEADER, ["2026-10-31", "x", "1", ""], ["合计", "", "1", ""]], "2026-11")
    with pytest.raises(DomainError, match="第 3 行的收入“abc”不是金额"):
        parse_sheet([HEADER, ["2026-11-01", "x", "1", ""], ["2026-11-02", "y", "abc", ""], ["合计", "", "1", ""]],
                    "2026-11")
    with pytest.raises(DomainError, match="合计"):
        parse_sheet([HEADER, ["2026-11-01", "x", "1", ""]], "2026-11")


def test_a_wechat_posting_is_a_note_and_meets_no_obligation() -> None:
    """R42: the board (or screen) is the disclosure; a WeChat group only repeats it, so it leaves the item overdue."""
    from models.disclosures.catalogue import Place
    from models.disclosures.records import Publication, with_status

    (nov,) = [o for o in obligations((FINANCE,), 2026, True) if o.period == "2026-11"]
    posting = Publication(DisclosureKind.FINANCE, "财务收支", "2026-11", date(2026, 12, 5), date(2026, 12, 12),
                          nov.due, Place.WECHAT, "文书")
    assert with_status((nov,), (posting,), date(2026, 12, 20)) == [(nov, Status.OVERDUE)]
    board = Publication(DisclosureKind.FINANCE, "财务收支", "2026-11", date(2026, 12, 15), date(2026, 12, 22),
                        nov.due, Place.BOARD, "文书")
    assert with_status((nov,), (posting, board), date(2026, 12, 20)) == [(nov, Status.LATE)]


def test_a_catalogue_entry_may_list_what_its_posting_contains() -> None:
    text = ('{"items": [{"kind": "village", "category": "惠民资金", "frequency": "quarterly", '
            '"items": ["低保金", " 救灾物资 "]}]}')
    (item,) = parse_catalogue(text)
    assert item.items == ("低保金", "救灾物资")
    with pytest.raises(DomainError, match="items 须为文字列表"):
        parse_catalogue('{"items": [{"kind": "village", "category": "x", "frequency": "monthly", "items": "低保金"}]}')
