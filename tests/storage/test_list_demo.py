"""The lists demo: skipped quietly without registry and rules; a year of entries in many states with them."""
from __future__ import annotations

import random

from models.lists import EntryState
from storage.db import Database
from storage.demo import DemoOptions
from storage.demo.b50_lists import build
from tests.list_fixtures import seed_registry


def test_skips_quietly_without_registry(db: Database) -> None:
    options = DemoOptions()
    build(db, random.Random(1), options)
    assert options.counts["list_entries"] == 0


def test_year_of_entries_and_idempotent(village_db: Database) -> None:
    seed_registry(village_db)
    village_db.execute("INSERT INTO rule_articles(id, version_id, number, text) VALUES('a-1', 'v-2', 1, '遵纪守法')")
    options = DemoOptions()
    build(village_db, random.Random(1), options)
    assert options.counts["list_entries"] > 20
    states = {r[0] for r in village_db.conn.execute("SELECT state FROM list_entries")}
    assert {EntryState.NOMINATED, EntryState.PUBLISHED, EntryState.WITHDRAWN, EntryState.REFUSED} <= states
    assert village_db.conn.execute("SELECT count(*) FROM list_objections").fetchone()[0] > 0
    build(village_db, random.Random(1), options)
    assert options.counts["list_entries"] == 0
