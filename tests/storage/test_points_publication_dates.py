"""R37: a publication is recorded on or before the day it is posted — never dated back, so its objection window is
never already past and it never shows a board dated before an entry was confirmed — and a period is published again
only after the previous window has closed (late slips and corrections are published once more, R37 with R28)."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.ledger import EntryDraft
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

JUNE = Period.parse("2027-06")


def test_a_backdated_publication_is_refused(village: Village) -> None:
    publications = village.clerk.points.publications.as_of(date(2027, 7, 3))
    with pytest.raises(DomainError, match="张贴日期 2027-07-01 早于今天（2027-07-03）.*今天或以后"):
        publications.publish(JUNE, date(2027, 7, 1), 5)  # its window 07-01..07-05 would be half gone
    with pytest.raises(DomainError, match="早于今天"):
        publications.publish(Period.parse("2027-05"), date(2027, 6, 20), 5)  # a window closed long ago
    assert publications.publications(JUNE) == []
    publications.publish(JUNE, date(2027, 7, 3), 5)   # posted today
    publications.publish(Period.parse("2027-05"), date(2027, 7, 4), 5)   # or on a day to come


def test_the_default_clock_is_todays_date(village: Village) -> None:
    """The stores users get (command line, screens) record as of the real today: a past day is refused."""
    with pytest.raises(DomainError, match="早于今天"):
        village.clerk.points.publications.publish(Period.parse("2026-05"), date(2026, 6, 3), 5)


def test_an_entry_confirmed_after_the_posting_day_waits_for_a_publication_that_shows_it(village: Village) -> None:
    points = village.clerk.points
    entry_id = points.ledger.add(EntryDraft("0007", "B01", date(2027, 6, 5))).id
    village.checker.points.ledger.confirm(entry_id)
    before = points.tally.balance("0007", date(2027, 8, 1)).redeemable
    with pytest.raises(DomainError, match="早于今天"):
        points.publications.as_of(date(2027, 7, 10)).publish(JUNE, date(2027, 7, 1), 5)
    assert points.tally.balance("0007", date(2027, 8, 1)).redeemable == before


def test_a_period_is_published_again_only_after_the_previous_window_closed(village: Village) -> None:
    publications = village.clerk.points.publications.as_of(date(2027, 7, 1))
    publications.publish(JUNE, date(2027, 7, 1), 5)  # the window 07-01..07-05
    for day in (date(2027, 7, 1), date(2027, 7, 3), date(2027, 7, 5)):
        with pytest.raises(DomainError, match="已于 2027-07-01 公示，公示期到 2027-07-05，期间不能再公示"):
            publications.publish(JUNE, day, 5)
    assert len(publications.publications(JUNE)) == 1
    publications.publish(JUNE, date(2027, 7, 6), 5)  # after it closed: late slips and corrections go up again
    assert len(publications.publications(JUNE)) == 2
