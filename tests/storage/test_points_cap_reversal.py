"""R36 caps: an entry stops counting toward its cap only once its reversal is confirmed — a pending reversal, which
may yet be rejected, frees nothing — and confirming an entry checks the cap again."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.points.ledger import EntryDraft
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

DAY = date(2027, 6, 5)


def test_a_pending_reversal_later_rejected_never_lets_the_cap_be_exceeded(village: Village) -> None:
    clerk, checker, tally = village.clerk.points.ledger, village.checker.points.ledger, village.clerk.points.tally
    before = tally.balance("0003").confirmed
    first = clerk.add(EntryDraft("0003", "B01", DAY)).id
    second = clerk.add(EntryDraft("0003", "B01", date(2027, 6, 20))).id  # 10: the cap reached
    with pytest.raises(DomainError, match="还可记 0 分"):
        clerk.add(EntryDraft("0003", "B01", date(2027, 6, 28)))
    checker.confirm(first)
    reversal = clerk.reverse(first, "录错户").id  # pending: it may yet be rejected
    with pytest.raises(DomainError, match="已记 10 分.*还可记 0 分"):
        clerk.add(EntryDraft("0003", "B01", date(2027, 6, 28)))
    checker.reject(reversal, "户号没有错")
    checker.confirm(second)
    assert tally.balance("0003").confirmed == before + 10  # the cap, never more


def test_a_confirmed_reversal_frees_the_cap(village: Village) -> None:
    clerk, checker = village.clerk.points.ledger, village.checker.points.ledger
    first = clerk.add(EntryDraft("0004", "B01", DAY)).id
    clerk.add(EntryDraft("0004", "B01", date(2027, 6, 20)))
    checker.confirm(first)
    checker.confirm(clerk.reverse(first, "录错户").id)
    clerk.add(EntryDraft("0004", "B01", date(2027, 6, 28)))  # the reversed 5 no longer fills the cap


def test_confirming_an_entry_over_the_cap_is_refused_saying_what_to_do(village: Village) -> None:
    clerk, checker, tally = village.clerk.points.ledger, village.checker.points.ledger, village.clerk.points.tally
    first = clerk.add(EntryDraft("0005", "B01", DAY)).id
    second = clerk.add(EntryDraft("0005", "B01", date(2027, 6, 20))).id
    # a third over the cap, as a database written before the cap counted pending reversals may hold
    columns = [r[1] for r in village.db.conn.execute("PRAGMA table_info(points_entries)")]
    values = dict(zip(columns, village.db.conn.execute("SELECT * FROM points_entries WHERE id = ?",
                                                       (second,)).fetchone(), strict=True))
    values["id"] = third = "over-the-cap"
    village.db.conn.execute(f"INSERT INTO points_entries ({', '.join(columns)}) VALUES "
                            f"({', '.join('?' * len(columns))})", list(values.values()))
    checker.confirm(first)
    checker.confirm(second)
    before = tally.balance("0005").confirmed
    with pytest.raises(DomainError, match=f"最多 10 分.*已确认 10 分.*超出上限.*points reject {third}.*points reverse"):
        checker.confirm(third)
    assert not clerk.entry(third).confirmed and tally.balance("0005").confirmed == before
    checker.confirm(clerk.reverse(first, "重复录入").id)
    checker.confirm(third)  # with the first reversed, the third fits
