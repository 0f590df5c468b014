"""退回 (R36): a second account refuses a pending entry with a reason; it never counts, frees the cap, and stays in
the history marked as rejected. A confirmed entry is corrected by a reversal, never rejected."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.points.ledger import EntryDraft
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)

DAY = date(2027, 6, 5)


def test_a_rejected_entry_never_counts_and_stays_in_the_history(village: Village) -> None:
    ledger, tally = village.clerk.points.ledger, village.clerk.points.tally
    before = tally.balance("0003")
    entry_id = ledger.add(EntryDraft("0003", "B01", DAY)).id
    with pytest.raises(DomainError, match="另一位工作人员退回"):
        ledger.reject(entry_id, "签到表上没有这一户")
    with pytest.raises(DomainError, match="退回必须写明理由"):
        village.checker.points.ledger.reject(entry_id, "  ")
    village.checker.points.ledger.reject(entry_id, "签到表上没有这一户")
    entry = ledger.entry(entry_id)
    assert entry.rejected and entry.state == "已退回" and entry.reject_reason == "签到表上没有这一户"
    assert entry.rejected_by_name == village.checker.actor.name
    assert tally.balance("0003") == before  # neither pending nor confirmed
    assert entry_id not in {e.id for e in ledger.entries("0003", pending_only=True)}
    assert entry_id in {e.id for e in ledger.entries("0003")}  # not deleted from the history
    with pytest.raises(DomainError, match="已由.*退回.*不能再确认.*points add"):
        village.checker.points.ledger.confirm(entry_id)
    with pytest.raises(DomainError, match="无需再退回"):
        village.checker.points.ledger.reject(entry_id, "再退一次")
    audit = village.db.conn.execute("SELECT action FROM audit_log WHERE row_id = ? ORDER BY rowid",
                                    (entry_id,)).fetchall()
    assert [a[0] for a in audit][-1] == "reject"


def test_a_confirmed_entry_is_reversed_not_rejected(village: Village) -> None:
    ledger = village.clerk.points.ledger
    entry_id = ledger.add(EntryDraft("0004", "B01", DAY)).id
    village.checker.points.ledger.confirm(entry_id)
    with pytest.raises(DomainError, match=f"不能退回.*points reverse {entry_id} --reason"):
        village.checker.points.ledger.reject(entry_id, "录错了")


def test_a_rejected_entry_frees_its_place_under_the_cap(village: Village) -> None:
    ledger = village.clerk.points.ledger
    first = ledger.add(EntryDraft("0005", "B01", DAY)).id
    ledger.add(EntryDraft("0005", "B01", date(2027, 6, 20)))  # 10: the cap reached
    with pytest.raises(DomainError, match="还可记 0 分"):
        ledger.add(EntryDraft("0005", "B01", date(2027, 6, 28)))
    village.checker.points.ledger.reject(first, "重复录入")
    ledger.add(EntryDraft("0005", "B01", date(2027, 6, 28)))  # the rejected 5 no longer fills the cap


def test_a_rejected_reversal_leaves_the_entry_reversible(village: Village) -> None:
    ledger = village.clerk.points.ledger
    entry_id = ledger.add(EntryDraft("0006", "B01", DAY)).id
    village.checker.points.ledger.confirm(entry_id)
    reversal = ledger.reverse(entry_id, "录错户号").id
    village.checker.points.ledger.reject(reversal, "户号没有错")
    assert ledger.reverse(entry_id, "确实录错户号").id != reversal
