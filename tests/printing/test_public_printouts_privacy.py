"""Issue 23's privacy rule read back from the PDFs of every public product 打印中心 prints from the demo village: no
care reason of any household, no phone number but a grid member's, and on the boards that name households (stars)
no head's name without a naming basis."""
from __future__ import annotations

import re
from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR
from models.minutes.meetings import MeetingStatus
from models.stars.stars import may_name
from printing.core.catalogue import PRODUCTS
from storage.core.db import Database
from tests.printing import pdfcheck

# What is posted or handed out publicly (the internal products — 花名册, 签字表, 联户表, forms, letters, work cards,
# the record book — are marked 内部资料 or go to one person, and are tested on their own).
PUBLIC = ("rules", "rules-poster", "comparison", "call-for-opinions", "adoption-statement", "resolution-notice",
          "result-notice", "grid-board", "finance-board", "stars-publicity", "stars-board", "star-plaque")
PHONE = re.compile(r"1[3-9]\d{9}")


def _items(stores, rulebook_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    year = stores.star_awards.years()[0]
    return {"rulebook": rulebook_id, "grid": stores.groups.list_grids()[0].id,
            "meeting": next(m.id for m in stores.meetings.list_meetings() if m.status is MeetingStatus.FINAL),
            "month": stores.finance_sheets.months()[0], "year": str(year),
            "star-household": f"{year}:{stores.star_awards.rows(year)[0].household_no}"}


def test_no_care_reason_no_other_phone_no_name_without_a_basis(demo_db: Database, rulebook_id: str) -> None:
    from storage.core.backend import build_stores

    stores, today = build_stores(demo_db, COMMAND_LINE_ACTOR), date.today()
    reasons = {row[0] for row in demo_db.conn.execute(
        "SELECT reason_class FROM care_levels WHERE deleted = 0 AND reason_class <> ''")}
    assert reasons, "the demo rates households with reasons"
    members = {row[0] for row in demo_db.conn.execute(
        "SELECT v.phone FROM grids g JOIN villagers v ON v.id = g.member_id WHERE g.deleted = 0 AND v.phone <> ''")}
    bases = stores.naming_bases.bases_in_effect()
    unnamed = {h.head_name for h in (stores.star_awards.household(r.household_no)
                                     for y in stores.star_awards.years() for r in stores.star_awards.rows(y))
               if not may_name(h, bases, today)}
    items = _items(stores, rulebook_id)
    for product in (p for p in PRODUCTS if p.key in PUBLIC):
        text = pdfcheck.text_of(product.build(product.gather(stores, items[product.item], today), today).render(None))
        if product.key == "grid-board":  # the one phone a public printout shows: the grid member's
            assert any(p in text for p in members), "the board shows its grid member's phone"
        # a rulebook's own text may name a class (e.g. 残疾人) without being about a household: not checked there
        found = [f"理由“{r}”" for r in reasons if r in text and product.item != "rulebook"]
        found += [f"电话{p}" for p in set(PHONE.findall(text)) - members]
        found += [f"姓名{n}" for n in unnamed if product.key.startswith("star") and n in text]
        assert found == [], product.key
