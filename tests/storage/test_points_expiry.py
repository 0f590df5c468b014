"""R39 积分有效期 through the real stores: `never` (the default) keeps every year's points; `year-end` counts toward
spending only the entries dated in the day's calendar year — on 31 December the year's awards still count, from
1 January they do not, and the year's deductions carry no debt into the next one. The ledger keeps every entry."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.expiry import Expiry, parse_expiry
from models.points.ledger import EntryDraft
from storage.core.backend import build_stores
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

EVE, NEW_YEAR = date(2027, 12, 31), date(2028, 1, 1)


def _entry(village: Village, household: str, item: str, day: date) -> str:
    entry_id = village.clerk.points.ledger.add(EntryDraft(household, item, day)).id
    village.checker.points.ledger.confirm(entry_id)
    return entry_id


def _set(village: Village, expiry: Expiry) -> None:
    build_stores(village.db, COMMAND_LINE_ACTOR).points.settings.set_expiry(expiry)


def test_the_default_is_never_and_only_an_administrator_sets_it(village: Village) -> None:
    assert village.clerk.points.settings.expiry() is Expiry.NEVER
    with pytest.raises(DomainError):
        village.clerk.points.settings.set_expiry(Expiry.YEAR_END)
    _set(village, Expiry.YEAR_END)
    assert village.clerk.points.settings.expiry() is Expiry.YEAR_END
    _set(village, Expiry.NEVER)
    live = village.db.conn.execute("SELECT COUNT(*) FROM points_settings WHERE deleted = 0").fetchone()[0]
    assert live == 1 and village.clerk.points.settings.expiry() is Expiry.NEVER
    audited = village.db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'points_settings'")
    assert audited.fetchone()[0] == 2  # set, then changed: each audited
    with pytest.raises(DomainError, match="never.*year-end"):
        parse_expiry("monthly")


def test_year_end_counts_the_year_up_to_31_december_and_resets_on_1_january(village: Village) -> None:
    points = village.clerk.points
    never_before = points.tally.balance("0011", EVE).redeemable
    _entry(village, "0011", "B01", date(2027, 11, 5))  # +5
    points.publications.publish(Period.parse("2027-11"), date(2027, 12, 1), 5)
    assert points.tally.balance("0011", NEW_YEAR).redeemable == never_before + 5  # never: kept over the year end
    _set(village, Expiry.YEAR_END)
    eve, new_year = points.tally.balance("0011", EVE), points.tally.balance("0011", NEW_YEAR)
    assert (eve.redeemable, eve.expiry) == (5, Expiry.YEAR_END)  # only 2027's entries (the demo's are of 2026)
    assert (new_year.redeemable, new_year.deficit) == (0, 0)
    assert new_year.confirmed == eve.confirmed  # the ledger keeps every entry
    assert "12 月 31 日清零" in Expiry.YEAR_END.rule(NEW_YEAR) and "2028 年" in Expiry.YEAR_END.rule(NEW_YEAR)


def test_year_end_deductions_carry_no_debt_into_the_new_year(village: Village) -> None:
    points = village.clerk.points
    _set(village, Expiry.YEAR_END)
    _entry(village, "0012", "B01", date(2027, 11, 5))   # +5
    points.publications.publish(Period.parse("2027-11"), date(2027, 12, 1), 5)
    _entry(village, "0012", "B11", date(2027, 12, 10))  # −3
    _entry(village, "0012", "B11", date(2027, 12, 20))  # −3
    eve = points.tally.balance("0012", EVE)
    assert (eve.redeemable, eve.deficit) == (0, 1)
    new_year = points.tally.balance("0012", NEW_YEAR)
    assert (new_year.redeemable, new_year.deficit) == (0, 0)


def test_a_redemption_on_1_january_cannot_spend_last_years_points(village: Village) -> None:
    points = village.clerk.points
    goods_id = points.goods.add_goods("毛巾", 5, 2).id
    _entry(village, "0013", "B01", date(2027, 11, 5))
    points.publications.publish(Period.parse("2027-11"), date(2027, 12, 1), 5)
    _set(village, Expiry.YEAR_END)
    with pytest.raises(DomainError):
        points.redemptions.redeem("0013", goods_id, 1, NEW_YEAR)
    points.redemptions.redeem("0013", goods_id, 1, EVE)  # the last day of the year: still spendable
    assert points.tally.balance("0013", EVE).redeemable == 0
