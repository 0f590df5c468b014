"""The migration ledger: shipped steps keep their names and order; every step is listed once; new ones rise."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import storage.migrations as package
from storage.migrations import LAST_SHIPPED_OUT_OF_ORDER, LEDGER, migrations

STEP_NAME = re.compile(r"m(\d{3})_[a-z0-9_]+")

# The names as recorded in `schema_migrations` by the landed versions, in shipping order. Never edit this list:
# a renamed or reordered shipped step would make databases in the field apply a different schema path.
SHIPPED = (
    "m001_create_core", "m010_create_registry", "m020_create_rulebooks", "m030_create_meetings",
    "m031_create_minutes_search", "m040_create_sync_peers", "m041_create_sync_bundles", "m042_create_blobs",
    "m043_create_peer_audit", "m070_create_workflow", "m044_create_township_records",
    "m071_workflow_retry_articles", "m060_create_list_entries", "m061_create_list_transitions",
    "m062_create_list_objections", "m063_create_list_consents", "m064_create_volunteer_participations",
    "m065_create_board_versions", "m032_create_meeting_attachments", "m033_index_open_follow_ups",
    "m072_workflow_filing_township_decision", "m045_create_sync_held", "m073_create_workflow_attachments",
    "m066_create_list_evidence", "m067_create_list_settings", "m034_create_item_votes_and_speeches",
    "m035_create_minutes_settings", "m036_create_convene_proposals", "m046_quarantine_resolution",
    "m011_change_log_plain_rowid", "m068_list_consents_per_villager", "m047_search_progress_before_follow_up",
    "m069_list_consents_withdrawal_reason",
)


def _number(name: str) -> int:
    found = STEP_NAME.fullmatch(name)
    assert found, f"{name}: a step is named mNNN_what_it_does"
    return int(found.group(1))


def _step_functions() -> list[object]:
    """Every mNNN_… function defined in a module of the package (not those it imports)."""
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found += [fn for name, fn in inspect.getmembers(module, inspect.isfunction)
                  if STEP_NAME.fullmatch(name) and fn.__module__ == module.__name__]
    return found


def test_shipped_steps_keep_their_names_and_order() -> None:
    assert tuple(fn.__name__ for fn in LEDGER[:len(SHIPPED)]) == SHIPPED
    assert SHIPPED[-1] == LAST_SHIPPED_OUT_OF_ORDER


def test_every_step_function_is_in_the_ledger_exactly_once() -> None:
    functions = _step_functions()
    assert len(functions) == len({id(fn) for fn in functions})
    for fn in functions:
        assert sum(1 for listed in LEDGER if listed is fn) == 1, f"{fn.__name__} is not listed once in LEDGER"
    assert {id(fn) for fn in LEDGER} == {id(fn) for fn in functions}, "LEDGER lists a function outside the package"
    assert [step.name for step in migrations.steps] == [fn.__name__ for fn in LEDGER]


def test_numbers_are_unique_and_rise_after_the_last_shipped_out_of_order() -> None:
    numbers = [_number(fn.__name__) for fn in LEDGER]
    assert len(numbers) == len(set(numbers)), "two steps share a number"
    start = [fn.__name__ for fn in LEDGER].index(LAST_SHIPPED_OUT_OF_ORDER) + 1
    for index in range(start, len(numbers)):
        assert numbers[index] > max(numbers[:index]), (
            f"{LEDGER[index].__name__}: a new step takes a number above every earlier one and goes at the end")
