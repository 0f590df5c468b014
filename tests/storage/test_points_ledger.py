"""The ledger through the real stores (R35–R37): two-person rule, caps at the boundary, reversal, the roll-up sums."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.ledger import EntryDraft
from models.points.rollup import TallyBy
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

DAY = date(2027, 6, 5)


def test_an_entry_counts_only_once_a_second_person_confirms_it(village: Village) -> None:
    ledger, tally = village.clerk.points.ledger, village.clerk.points.tally
    before = tally.balance("0003")
    entry_id = ledger.add(EntryDraft("0003", "B01", DAY)).id
    assert tally.balance("0003").confirmed == before.confirmed
    assert tally.balance("0003").pending == before.pending + 5
    with pytest.raises(DomainError, match="另一位工作人员"):
        ledger.confirm(entry_id)
    village.checker.points.ledger.confirm(entry_id)
    after = tally.balance("0003")
    assert (after.confirmed, after.pending) == (before.confirmed + 5, before.pending)
    assert ledger.entry(entry_id).confirmed_by_name == village.checker.actor.name


def test_the_cap_per_period_admits_the_entry_reaching_it_and_refuses_one_over(village: Village) -> None:
    ledger = village.clerk.points.ledger
    ledger.add(EntryDraft("0004", "B01", DAY))          # 5 of the cap of 10
    ledger.add(EntryDraft("0004", "B01", date(2027, 6, 20)))  # 10: the cap reached
    with pytest.raises(DomainError, match="最多 10 分.*已记 10 分.*还可记 0 分"):
        ledger.add(EntryDraft("0004", "B01", date(2027, 6, 28), points=1))
    ledger.add(EntryDraft("0004", "B01", date(2027, 7, 1)))  # a new month starts from nothing


def test_a_batch_is_written_whole_or_not_at_all(village: Village) -> None:
    ledger = village.clerk.points.ledger
    count = len(ledger.entries())
    with pytest.raises(DomainError, match="9999"):
        ledger.add_batch([EntryDraft("0001", "B01", DAY), EntryDraft("9999", "B01", DAY)])
    assert len(ledger.entries()) == count
    changed = ledger.add_batch([EntryDraft(no, "B01", DAY) for no in ("0001", "0002", "0003")])
    assert len(changed.ids) == 3 and len(ledger.entries()) == count + 3


def test_no_entry_before_a_scheme_is_adopted(village: Village) -> None:
    with pytest.raises(DomainError, match="R35"):
        village.clerk.points.ledger.add(EntryDraft("0001", "B01", date(2020, 1, 1)))


def test_a_correction_is_a_reversing_entry_confirmed_by_a_second_person(village: Village) -> None:
    clerk, checker = village.clerk.points, village.checker.points
    entry_id = clerk.ledger.add(EntryDraft("0005", "C01", DAY)).id
    with pytest.raises(DomainError, match="未确认"):
        clerk.ledger.reverse(entry_id, "录错户")
    checker.ledger.confirm(entry_id)
    confirmed = clerk.tally.balance("0005").confirmed
    reversal_id = checker.ledger.reverse(entry_id, "录错户，应为 0006 户").id
    reversal = clerk.ledger.entry(reversal_id)
    assert (reversal.points, reversal.reverses, reversal.on) == (-10, entry_id, DAY)
    assert clerk.ledger.entry(entry_id).points == 10  # the original is never edited
    with pytest.raises(DomainError, match="另一位"):
        checker.ledger.confirm(reversal_id)
    clerk.ledger.confirm(reversal_id)
    assert clerk.tally.balance("0005").confirmed == confirmed - 10
    with pytest.raises(DomainError, match="已经冲正"):
        clerk.ledger.reverse(entry_id, "再冲一次")
    # the reversal lowers the plus of the period it corrects, not raises its minus
    row = next(r for r in clerk.tally.tally(Period.parse("2027-06"), TallyBy.HOUSEHOLD) if r.key == "0005")
    assert (row.plus, row.minus) == (0, 0)


def test_group_and_village_figures_are_the_sums_of_the_entries_beneath_them(village: Village) -> None:
    """Computed here independently: every confirmed scoring row, joined to its household's group by hand."""
    period = Period.parse("2026-05")
    rows = village.db.conn.execute(
        "SELECT e.points, e.kind, r.points IS NOT NULL, g.name, h.household_no FROM points_entries e "
        "JOIN households h ON h.id = e.household_id JOIN village_groups g ON g.id = h.group_id "
        "LEFT JOIN points_entries r ON r.id = e.reverses_id "
        "WHERE e.confirmed_by != '' AND e.kind IN ('item', 'reversal') AND e.on_date LIKE '2026-05-%'").fetchall()
    assert rows, "the demo has confirmed entries in May"
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for points, kind, _, group, _ in rows:
        side = 0 if (kind == "item" and points > 0) or (kind == "reversal" and points < 0) else 1
        by_group[group][side] += points
    tally = village.clerk.points.tally
    assert {r.key: [r.plus, r.minus] for r in tally.tally(period, TallyBy.GROUP)} == dict(by_group)
    [whole] = tally.tally(period, TallyBy.VILLAGE)
    assert (whole.plus, whole.minus) == (sum(p for p, _ in by_group.values()), sum(m for _, m in by_group.values()))
    households = tally.tally(period, TallyBy.HOUSEHOLD)
    assert sum(r.total for r in households) == whole.total == sum(row[0] for row in rows)


def test_redemption_spends_confirmed_points_and_stock_and_its_reversal_gives_both_back(village: Village) -> None:
    points = village.clerk.points
    goods_id = points.goods.add_goods("肥皂", 10, 2).id
    balance = points.tally.balance("0007").confirmed
    assert balance >= 10
    changed = points.redemptions.redeem("0007", goods_id)
    redemption = points.redemptions.redemption(changed.id)
    assert redemption.number.startswith(f"DH{date.today().year}-")
    assert points.tally.balance("0007").confirmed == balance - 10 and points.goods.goods(goods_id).stock == 1
    points.redemptions.reverse_redemption(redemption.id, "拿错了商品")
    assert points.tally.balance("0007").confirmed == balance and points.goods.goods(goods_id).stock == 2
    with pytest.raises(DomainError, match="已经冲正"):
        points.redemptions.reverse_redemption(redemption.id, "再冲一次")


def test_a_redemption_short_of_points_or_stock_names_the_figure(village: Village) -> None:
    points = village.clerk.points
    balance = points.tally.balance("0008").redeemable
    dear = points.goods.add_goods("电视机", balance + 1, 3).id
    with pytest.raises(DomainError, match=f"余额 {balance} 分"):
        points.redemptions.redeem("0008", dear)
    cheap = points.goods.add_goods("火柴", 1, 1).id
    with pytest.raises(DomainError, match="库存只有 1 件"):
        points.redemptions.redeem("0008", cheap, 2)


def test_a_stock_count_records_the_difference_with_its_reason(village: Village) -> None:
    goods = village.clerk.points.goods
    goods_id = goods.add_goods("牙膏", 15, 10).id
    with pytest.raises(DomainError, match="差异须写明原因"):
        goods.count_stock(goods_id, 8, "")
    goods.count_stock(goods_id, 8, "受潮损坏 2 支")
    assert goods.goods(goods_id).stock == 8
    row = village.db.conn.execute("SELECT change, kind, reason FROM points_stock_moves WHERE goods_id = ? "
                                  "ORDER BY rowid DESC LIMIT 1", (goods_id,)).fetchone()
    assert tuple(row) == (-2, "count", "受潮损坏 2 支")
