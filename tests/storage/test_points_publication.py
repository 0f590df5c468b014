"""R37 through the real stores: a period's points are published with an objection window of at least five days;
a confirmed award is redeemable only once a publication that showed it has closed with no unanswered objection
about its household (公示无异议后生效), while deductions and spending count at once."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.ledger import EntryDraft
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

JUNE = Period.parse("2027-06")
POSTED, CLOSES, AFTER = date(2027, 7, 1), date(2027, 7, 5), date(2027, 7, 6)


def _award(village: Village, household: str, item: str = "B01", day: date = date(2027, 6, 5)) -> str:
    entry_id = village.clerk.points.ledger.add(EntryDraft(household, item, day)).id
    village.checker.points.ledger.confirm(entry_id)
    return entry_id


def test_an_award_is_redeemable_only_the_day_after_its_window_closes(village: Village) -> None:
    points = village.clerk.points
    before = points.tally.balance("0009", AFTER).redeemable
    _award(village, "0009")
    assert points.tally.balance("0009", AFTER).redeemable == before  # confirmed, not yet published
    points.publications.publish(JUNE, POSTED, 5)
    assert points.tally.balance("0009", CLOSES).redeemable == before  # the window's last day: still open
    assert points.tally.balance("0009", AFTER).redeemable == before + 5
    assert points.tally.balance("0009", AFTER).confirmed == points.tally.balance("0009").confirmed


def test_a_period_is_published_after_it_ends_for_at_least_five_days(village: Village) -> None:
    publications = village.clerk.points.publications
    with pytest.raises(DomainError, match="还没有结束"):
        publications.publish(JUNE, date(2027, 6, 29), 5)
    with pytest.raises(DomainError, match="不少于 5 天"):
        publications.publish(JUNE, POSTED, 4)
    publication = publications.publication(publications.publish(JUNE, date(2027, 6, 30), 5).id)
    assert publication.closes_on == date(2027, 7, 4)


def test_an_open_objection_holds_that_households_points_and_no_other(village: Village) -> None:
    points = village.clerk.points
    before = {no: points.tally.balance(no, AFTER).redeemable for no in ("0010", "0011")}
    entry_id = _award(village, "0010")
    _award(village, "0011")
    publication_id = points.publications.publish(JUNE, POSTED, 5).id
    points.publications.object(publication_id, "0010户户主", "卫生日我家没有去，不该加分", "0010", date(2027, 7, 3))
    assert points.tally.balance("0010", AFTER).redeemable == before["0010"]
    assert points.tally.balance("0011", AFTER).redeemable == before["0011"] + 5
    objection = points.publications.objections(publication_id)[0]
    assert objection.household_no == "0010" and not objection.answered
    points.publications.answer(objection.id, "经核对签到表，该户确未参加，异议成立，予以冲正。", True, date(2027, 7, 4))
    assert points.tally.balance("0010", AFTER).redeemable == before["0010"] + 5  # answered: the hold is lifted …
    village.checker.points.ledger.confirm(points.ledger.reverse(entry_id, "异议成立（公示期内）").id)
    assert points.tally.balance("0010", AFTER).redeemable == before["0010"]  # … and the correction counts at once


def test_an_objection_about_the_whole_board_holds_every_household(village: Village) -> None:
    points = village.clerk.points
    before = points.tally.balance("0012", AFTER).redeemable
    _award(village, "0012")
    publication_id = points.publications.publish(JUNE, POSTED, 5).id
    points.publications.object(publication_id, "村民代表", "榜单漏了三组的卫生日", on=POSTED)
    assert points.tally.balance("0012", AFTER).redeemable == before


def test_objections_only_within_the_window_and_each_answered_once(village: Village) -> None:
    publications = village.clerk.points.publications
    publication_id = publications.publish(JUNE, POSTED, 5).id
    with pytest.raises(DomainError, match="不在公示期内"):
        publications.object(publication_id, "村民", "有异议", "0013", AFTER)
    with pytest.raises(DomainError, match="异议内容不能为空"):
        publications.object(publication_id, "村民", "  ", "0013", CLOSES)
    publications.object(publication_id, "村民", "分数不对", "0013", CLOSES)
    objection = publications.objections(publication_id)[0]
    publications.answer(objection.id, "已核对，无误。", False, AFTER)
    with pytest.raises(DomainError, match="已于"):
        publications.answer(objection.id, "再答一次", False, AFTER)


def test_an_award_confirmed_after_the_board_was_posted_waits_for_the_next_posting(village: Village) -> None:
    points = village.clerk.points
    before = points.tally.balance("0014", AFTER).redeemable
    points.publications.publish(JUNE, POSTED, 5)
    _award(village, "0014", day=date(2027, 6, 28))  # a late slip: it was not on the board
    assert points.tally.balance("0014", AFTER).redeemable == before
    points.publications.publish(JUNE, date(2027, 7, 10), 5)
    assert points.tally.balance("0014", date(2027, 7, 15)).redeemable == before + 5


def test_a_deduction_lowers_the_redeemable_points_at_once(village: Village) -> None:
    points = village.clerk.points
    before = points.tally.balance("0015", AFTER).redeemable
    _award(village, "0015", "B11")  # 房前屋后乱堆乱放 −3
    after = points.tally.balance("0015", AFTER)
    assert (after.redeemable, after.deficit) == (max(before - 3, 0), max(3 - before, 0))  # never below 0 (R39)


def test_a_redemption_spends_only_published_points(village: Village) -> None:
    points = village.clerk.points
    _award(village, "0016")
    redeemable = points.tally.balance("0016", AFTER).redeemable
    goods_id = points.goods.add_goods("扫帚", redeemable + 5, 2).id
    with pytest.raises(DomainError, match=f"可兑换的积分余额 {redeemable} 分"):
        points.redemptions.redeem("0016", goods_id, 1, AFTER)
    points.publications.publish(JUNE, POSTED, 5)
    points.redemptions.redeem("0016", goods_id, 1, AFTER)
    assert points.tally.balance("0016", AFTER).redeemable == 0


def test_a_reversal_counts_only_when_the_entry_it_reverses_does(village: Village) -> None:
    """Reviewer's case: reversing an award not yet published left the spendable points lower than before it."""
    points = village.clerk.points
    before = points.tally.balance("0017", AFTER).redeemable
    award = _award(village, "0017", "B01")
    reversal = points.ledger.reverse(award, "录错户号").id
    village.checker.points.ledger.confirm(reversal)
    assert points.tally.balance("0017", AFTER).redeemable == before  # neither counts yet
    points.publications.publish(JUNE, POSTED, 5)
    assert points.tally.balance("0017", AFTER).redeemable == before  # both count: net 0


def test_spendable_points_never_go_below_zero_and_the_deduction_stays_owed(village: Village) -> None:
    """R39: a deduction beyond the spendable points floors them at 0; the ledger keeps it, later awards make it up."""
    points = village.clerk.points
    number = next(h.household_no for h in points.tally.households()
                  if points.tally.balance(h.household_no, AFTER).redeemable < 6)
    start = points.tally.balance(number, AFTER)
    _award(village, number, "B11")
    _award(village, number, "B11")  # −6 in all
    owed = 6 - start.redeemable
    balance = points.tally.balance(number, AFTER)
    assert (balance.redeemable, balance.deficit, balance.confirmed) == (0, owed, start.confirmed - 6)
    _award(village, number, "B01", date(2027, 6, 6))
    points.publications.publish(JUNE, POSTED, 5)
    assert points.tally.balance(number, AFTER).redeemable == max(5 - owed, 0)
