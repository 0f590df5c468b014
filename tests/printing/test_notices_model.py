"""Notice rules in models/: printed date form (R45) and publicity periods (R47)."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.core.notices import Notice, NoticeKind, chinese_date, is_chinese_date, publicity_period


@pytest.mark.parametrize(("text", "ok"), [("2025年3月7日", True), ("2025年12月31日", True), ("2025年03月07日", False),
                                          ("25年3月7日", False), ("2025年3月07日", False), ("2025年13月1日", False)])
def test_printed_date_form(text: str, ok: bool) -> None:
    assert is_chinese_date(text) is ok


def test_chinese_date_has_no_leading_zeros() -> None:
    assert chinese_date(date(2025, 3, 7)) == "2025年3月7日"


def test_default_period_is_seven_calendar_days() -> None:
    period = publicity_period(date(2025, 3, 7))
    assert (period.end, period.days) == (date(2025, 3, 13), 7)
    assert period.text == "2025年3月7日至2025年3月13日"


@pytest.mark.parametrize("end", [date(2025, 3, 10), date(2025, 3, 1)])
def test_short_or_reversed_periods_are_refused(end: date) -> None:
    with pytest.raises(DomainError):
        publicity_period(date(2025, 3, 7), end)


def test_publicity_needs_a_period_and_kind_follows_title() -> None:
    assert NoticeKind.from_title("关于宅基地的公示") is NoticeKind.PUBLICITY
    assert NoticeKind.from_title("关于召开村民会议的通知") is NoticeKind.NOTIFICATION
    with pytest.raises(DomainError, match="公示期"):
        Notice(NoticeKind.PUBLICITY, "关于宅基地的公示", ("正文",), "青石村村民委员会", date(2025, 3, 7))
