"""The township desk sees each village's disclosure record (on time / late / missing) after a real bundle."""
from __future__ import annotations

from datetime import date

from models.core.changes import Entity
from models.disclosures.catalogue import DisclosureKind
from storage.core.backend import build_stores
from tests.sync.conftest import Pair, export, import_
from tests.sync.township_setup import ADMIN, REVIEWER


def test_a_late_disclosure_is_reported_at_the_township(pair: Pair) -> None:
    village = build_stores(pair.village, ADMIN)
    village.publications.record(DisclosureKind.FINANCE, "财务收支", date(2025, 11, 20), date(2025, 11, 30),
                                posted_by="吴会计", period="2025-10")
    village.publications.record(DisclosureKind.FINANCE, "财务收支", date(2025, 12, 5), date(2025, 12, 20),
                                posted_by="吴会计")
    result = import_(pair.township, export(pair.village, pair.stick))
    assert result.quarantined == 0 and result.changed.concerns(Entity.DISCLOSURE)
    (record,) = build_stores(pair.township, REVIEWER).disclosure_desk.village_records(date(2026, 1, 15), years=2)
    assert record.name == "德化乡青石村"
    assert record.late_items == ("财务收支 2025-10",)
    assert "财务收支 2025-09" in record.missing_items and "财务收支 2025-11" not in record.missing_items
    assert record.on_time == 1 and record.late == 1 and record.missing == len(record.missing_items)


def test_disclose_township_lists_each_village(pair: Pair) -> None:
    from tests.helpers import run_json

    village = build_stores(pair.village, ADMIN)
    last = date.today().year - 1  # a whole year past, whatever the day the test runs
    village.publications.record(DisclosureKind.FINANCE, "财务收支", date(last, 2, 20), date(last, 3, 1),
                                posted_by="吴会计", period=f"{last}-01")
    import_(pair.township, export(pair.village, pair.stick))
    assert pair.township.path is not None
    code, data = run_json(pair.township.path, "disclose", "township", "--years", "2")
    (row,) = data["villages"]
    assert code == 0 and row["name"] == "德化乡青石村" and row["late"] == 1
    assert row["late_items"] == [f"财务收支 {last}-01"] and row["missing"] == len(row["missing_items"]) > 0
