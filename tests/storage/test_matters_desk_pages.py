"""The township desk's matters read a page at a time, in the order the screen sorted the whole list before (by
village name, newest first within), on a real township file holding several villages' matters as their bundles
leave them (issue 17: 30 villages × 10 years of matters)."""
from __future__ import annotations

import random
from pathlib import Path

from models.core.village import Mode
from models.matters.records import Matter
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.matters.store import SqliteMatterStore
from tests.sync.conftest import make_node
from tests.sync.township_setup import REVIEWER

# owner → (township, village) of its live profile rows, in the order they arrived; V-4 sent no profile
PROFILES = {"V-1": [("德化乡", "青石村")], "V-2": [("德化乡", "白石村"), ("德化乡", "白石村（新）")],
            "V-3": [("德化乡", "青石村")], "V-5": [("德化乡", "岩洞村")]}


def received_matters(db: Database, per_village: int, seed: int = 7) -> None:
    """`per_village` matters from each village over three years, some assigned up, some deleted, plus the
    township's own (never on its desk), and the villages' profiles (two villages of one name)."""
    rng = random.Random(seed)
    me = db.conn.execute("SELECT id FROM node").fetchone()[0]
    rows = []
    for owner in (*PROFILES, "V-4", me):
        for n in range(per_village):
            year, seq = 2024 + n % 3, 1 + n // 3
            rows.append((f"{owner}-{n}", owner, f"{n:08d}", int(rng.random() < 0.05), "2026-01-01", "2026-01-01",
                         year, seq, f"{year}-说-{seq:03d}", f"{year}-03-01", "room", "other", f"事项{n}", "",
                         "anonymous", "assigned", int(rng.random() < 0.6)))
    profiles = [(f"p-{owner}-{i}", owner, f"{i:08d}", "2026-01-01", "2026-01-01", village, township, "黎平县",
                 "village") for owner, names in PROFILES.items() for i, (township, village) in enumerate(names)]
    with db.atomic():
        db.executemany("INSERT INTO matters(id, owner, hlc, deleted, created_at, updated_at, year, seq, number, "
                       "raised_on, channel, class, text, place, raiser_kind, status, to_township) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO village_profiles(id, owner, hlc, created_at, updated_at, village, township, "
                       "county, mode) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)", profiles)


def sorted_as_before(store: SqliteMatterStore) -> list[Matter]:
    """What the desk listed before it read pages: every matter sent up, sorted by village name in Python."""
    names = store.village_names()
    return sorted(store.matters(township=True), key=lambda m: names.get(m.village, m.village))


def test_pages_read_one_after_another_list_the_desk_in_the_old_order(tmp_path: Path) -> None:
    db = make_node(tmp_path / "t.sqlite3", Mode.TOWNSHIP)
    received_matters(db, 300)
    store = build_stores(db, REVIEWER).matters
    paged: list[Matter] = []
    while page := store.township_desk(len(paged), 200):
        assert len(page) <= 200
        paged += page
    before = sorted_as_before(store)
    assert len(before) > 400 and [m.id for m in paged] == [m.id for m in before]
    assert paged == before and store.township_desk() == before  # the whole list without a limit
    assert store.township_desk(150, 100) == before[150:250]
    names = store.village_names()
    assert names["V-2"] == "德化乡白石村（新）"  # the later profile names the village, as the screen showed it
    shown = [names.get(m.village, m.village) for m in paged]
    assert shown == sorted(shown) and "V-4" in shown  # a village without a profile goes by its node
    same_name = [m.number for m in paged if m.village in ("V-1", "V-3")]  # two villages named 青石村
    assert same_name == sorted(same_name, reverse=True)  # one list, newest first, as the stable sort left them


def test_the_desk_is_empty_without_matters_sent_up(tmp_path: Path) -> None:
    db = make_node(tmp_path / "t.sqlite3", Mode.TOWNSHIP)
    assert build_stores(db, REVIEWER).matters.township_desk(0, 200) == []
