"""The care list read a page at a time (issue 17) lists what `care_rows(every_household=True)` lists, in its order:
the scheduled households (关心户, 连心户) first, then every other household by number; the store's pages and counts
leave the excluded households and withdrawn ones out."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from models.care.services import care_list, care_rows
from models.registry.households import CareLevel
from storage.core.backend import build_stores
from tests.registry_fixtures import make_family

TODAY = date(2026, 12, 7)


def test_pages_list_what_care_rows_lists(demo_copy: Callable[..., Any], tmp_path: Path, admin: Any) -> None:
    stores = build_stores(demo_copy(tmp_path / "demo.sqlite3"), admin)
    every = care_rows(stores, TODAY, every_household=True)
    listing = care_list(stores, TODAY)
    assert any(r.level is not CareLevel.GREEN for r in every) and any(r.overdue for r in every)
    assert len(listing) == len(every) and listing.overdue == sum(r.overdue for r in every)
    assert listing.page(0, len(every) + 10) == every
    paged = [row for offset in range(0, len(every), 7) for row in listing.page(offset, 7)]
    assert paged == every
    cared = care_list(stores, TODAY, cared_only=True)
    assert list(cared.page(0, 10_000)) == [r for r in every if r.level is not CareLevel.GREEN]
    overdue = care_list(stores, TODAY, overdue_only=True)
    assert overdue.page(0, 10_000) == care_rows(stores, TODAY, overdue_only=True, every_household=True)


def test_store_pages_leave_out_the_excluded_and_the_withdrawn(village_db: Any, admin: Any) -> None:
    stores = build_stores(village_db, admin)
    first, head, _ = make_family(stores)
    numbers = [h.household.household_no for h in stores.households.list_households()]
    listing = stores.care_levels
    assert listing.other_households_count([]) == len(numbers)
    assert [h.household_no for h in listing.other_households([], 0, 1000)] == sorted(numbers)
    assert [h.household_id for h in listing.listed_households([first.id])] == [first.id]
    assert listing.listed_households([first.id])[0].head_name == head.name
    assert first.id not in [h.household_id for h in listing.other_households([first.id], 0, 1000)]
    assert listing.other_households_count([first.id]) == len(numbers) - 1
    assert len(listing.other_households([], 1, 1)) == min(1, len(numbers) - 1)
    stores.households.withdraw_household(first.id)
    assert listing.listed_households([first.id]) == [] and listing.other_households_count([]) == len(numbers) - 1
