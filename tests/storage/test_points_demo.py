"""The points demo (`demo`, 300 households): every state the issue names is there — a scheme adopted by its
meeting's item about points, confirmed and pending entries, deductions, published months with an answered
objection, goods and redemptions — and no household is left with a negative balance to spend (R39)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.db import Database


def test_the_demo_holds_every_state_and_no_household_can_spend_below_nothing(
        demo_copy: Callable[..., Database], tmp_path: Path) -> None:
    db = demo_copy(tmp_path / "demo.sqlite3")
    points = build_stores(db, COMMAND_LINE_ACTOR).points
    scheme = points.scheme.current()
    assert scheme is not None and "积分" in scheme.resolution
    balances = [points.tally.balance(h.household_no) for h in points.tally.households()]
    assert [b for b in balances if b.redeemable < 0 or b.confirmed < 0] == []
    entries = points.ledger.entries()
    assert any(e.confirmed for e in entries) and any(not e.confirmed for e in entries)
    assert any(e.points < 0 and e.item_code for e in entries)  # deductions are there, positive first
    assert points.redemptions.redemptions() and points.goods.goods_list()
    publications = points.publications.publications()
    assert publications and any(o.answered for o in points.publications.objections(publications[-1].id)
                                + points.publications.objections(publications[0].id))
