"""乡镇审查 shows the selected village's 三务公开 of two years, from the postings its bundle brought."""
from __future__ import annotations

from datetime import date

from models.disclosures.catalogue import DisclosureKind
from storage.core.backend import build_stores
from tests.sync.conftest import Pair, export, import_, pair  # noqa: F401  (pair is a fixture)
from tests.sync.township_setup import ADMIN, REVIEWER
from ui.core.bus import DataBus
from ui.township.screen import TownshipScreen


def test_the_selected_village_shows_its_disclosures(qtbot, pair: Pair) -> None:  # noqa: F811
    today = date.today()
    start = date(today.year - 1, 2, 1)  # last January's finance board, published within its ten days
    build_stores(pair.village, ADMIN).publications.record(DisclosureKind.FINANCE, "财务收支", start,
                                                          date(today.year - 1, 2, 15), posted_by="吴会计")
    import_(pair.township, export(pair.village, pair.stick))
    stores = build_stores(pair.township, REVIEWER)
    screen = TownshipScreen(stores.township, DataBus(), True, stores.disclosure_desk)
    qtbot.addWidget(screen)
    screen.show()
    screen.villages_view.selectRow(0)
    text = screen.disclosures_label.text()
    assert screen.disclosures_label.isVisible() and "青石村近两年的三务公开：按时 1 项" in text
    (record,) = stores.disclosure_desk.village_records(today, years=2)
    assert f"逾期未公开 {record.missing} 项" in text and record.missing > 0
