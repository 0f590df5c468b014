"""The lists demo on the demo village (registry b20, rules b30): twelve months in every state, added once."""
from __future__ import annotations

import random

import pytest
from collections import Counter
from datetime import date

from models.lists.entries import EntryState, ListKind
from storage.core.db import Database
from storage.demo import DemoOptions, b20_registry, b30_rules
from storage.demo.b50_lists import build
from models.lists.services import make_board
from tests.list_fixtures import CLERK, lists, naming, store

TODAY = date(2026, 11, 23)


def test_skips_quietly_without_registry(village_db: Database) -> None:
    options = DemoOptions()
    build(village_db, random.Random(1), options, TODAY)
    assert options.counts["list_entries"] == 0


def test_year_of_entries_on_the_demo_village_and_idempotent(village_db: Database) -> None:
    options = DemoOptions(households=60)
    b20_registry.build(village_db, random.Random(1), options)
    b30_rules.build(village_db, random.Random(1), options)
    build(village_db, random.Random(1), options, TODAY)
    assert options.counts["list_entries"] >= 30
    entries = store(village_db, CLERK, TODAY).entries()
    states = Counter(e.state for e in entries)
    assert set(EntryState) <= set(states)
    assert len({e.period for e in entries}) == 12
    assert {e.end_reason for e in entries if e.state is EntryState.WITHDRAWN} >= {"期满撤榜", "整改到位", "异议成立"}
    assert all(e.article is not None and e.article.number.startswith("第") for e in entries)
    assert village_db.conn.execute("SELECT count(*) FROM list_objections WHERE answered_on IS NULL").fetchone()[0] == 1
    found = lists(village_db, CLERK, TODAY)
    board = make_board(found.entries, found.naming, found.settings, "2026-11", on=TODAY)
    assert board.red and board.yellow and " " in board.red[0].who  # the consenting household is named
    (person,) = [e for e in entries if e.villager_id and e.period == "2026-11"]
    assert person.state is EntryState.PUBLISHED and person.subject_name != ""
    assert f"{person.group_name} {person.subject_name}" in {line.who for line in board.red}  # through his own basis
    bases = naming(village_db, CLERK).naming_basis_views()
    assert [v.subject for v in bases if v.basis.villager_id] == [person.subject_name]
    assert [v.basis.revoked_on for v in bases if v.basis.revoked_on] == [date(2026, 10, 21)]  # one withdrawn
    build(village_db, random.Random(1), options, TODAY)
    assert options.counts["list_entries"] == 0
    assert len(store(village_db, CLERK).entries()) == len(entries)
    assert ListKind.BLACK in {e.list_kind for e in entries if e.state is EntryState.PUBLICITY}


@pytest.mark.parametrize("day", [1, 10, 11])
def test_a_board_can_be_printed_on_every_day_of_the_month(village_db: Database, day: int) -> None:
    """The demo publishes each month's entries before the month begins: days 1–10 have a board too (issue 19)."""
    today = date(2026, 11, day)
    options = DemoOptions(households=60)
    b20_registry.build(village_db, random.Random(1), options)
    b30_rules.build(village_db, random.Random(1), options)
    build(village_db, random.Random(1), options, today)
    found = lists(village_db, CLERK, today)
    board = make_board(found.entries, found.naming, found.settings, "2026-11", on=today)
    assert board.red and board.yellow
    states = Counter(e.state for e in store(village_db, CLERK, today).entries())
    assert set(EntryState) <= set(states)
