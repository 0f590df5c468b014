"""R51 in bundles (issue 23): a care rating reaches the township with its level, never its reason; the village keeps
the reason, and the township's copy is consistent with what it received (`check` finds nothing)."""
from __future__ import annotations

from datetime import date

from models.care.care import ContactLine, ReasonClass, rating_for
from models.registry.households import CareLevel
from storage.core.backend import build_stores
from storage.core.data_checks import verify_synced_rows
from tests.registry_fixtures import make_family
from tests.sync.conftest import Pair, export, import_
from tests.sync.township_setup import ADMIN


def test_the_township_gets_the_level_never_the_reason(pair: Pair) -> None:
    village = build_stores(pair.village, ADMIN)
    household, head, _ = make_family(village)
    village.care_contacts.set_contact(household.id, ContactLine.PARTY, head.id, date(2026, 5, 1))
    rating = village.care_levels.set_level(rating_for(household.id, CareLevel.RED, ReasonClass.SERIOUS_ILLNESS,
                                                      date(2026, 12, 1), "村委会", date(2026, 6, 1), note="肝癌晚期"))
    result = import_(pair.township, export(pair.village, pair.stick))
    assert result.quarantined == 0
    row = pair.township.conn.execute("SELECT level, reason_class, reason_note, decided_by FROM care_levels "
                                     "WHERE id = ?", (rating.id,)).fetchone()
    assert tuple(row) == ("red", "", "", "村委会")
    kept = pair.village.conn.execute("SELECT reason_class, reason_note FROM care_levels WHERE id = ?",
                                     (rating.id,)).fetchone()
    assert tuple(kept) == (ReasonClass.SERIOUS_ILLNESS.value, "肝癌晚期")  # the village keeps it
    everything = " ".join(str(r) for table in ("care_levels", "change_log", "sync_row_versions", "audit_log")
                          for r in pair.township.conn.execute(f"SELECT * FROM {table}"))
    assert ReasonClass.SERIOUS_ILLNESS.value not in everything and "肝癌" not in everything
    assert verify_synced_rows(pair.township) == []
