"""积分制's household fields find through the registry's search index (issue 17) what find_households found.

The oracle is `models.points.rollup.find_households` over `PointsHouseholds.households()`, what the fields filtered
before any SQL search. Each query runs through the index's candidates (the probe allowing them all) and by walking
the households in number order (the probe refusing), and both must give the oracle's households in its order, for
the limits the fields use (爱心超市 and 台账与冲正 take 1, 录入 5) and more.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.points.rollup import find_households
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database
from storage.core.installation import open_memory_database
from storage.demo import DemoOptions, run_demo
from storage.points import household_find
from storage.registry.pinyin_keys import name_keys


@pytest.fixture(scope="module")
def village() -> tuple[Database, SqliteStores]:
    """The demo village, with the households the rules treat apart: numbers not zero-padded, a household without
    a head (its first member stands for it), one whose head was deleted, one headed from another household, and
    names of Latin letters and marks."""
    db = open_memory_database()
    run_demo(db, DemoOptions(seed=7, households=300))
    ids = [row[0] for row in db.conn.execute("SELECT id FROM households ORDER BY household_no")]
    heads = dict(db.conn.execute("SELECT id, head_id FROM households").fetchall())
    with db.atomic():
        for household_id, number in ((ids[0], "7"), (ids[1], "70"), (ids[2], "A-12"), (ids[3], "00012")):
            db.execute("UPDATE households SET household_no = ? WHERE id = ?", (number, household_id))
        db.execute("UPDATE households SET head_id = NULL WHERE id = ?", (ids[4],))
        db.execute("UPDATE villagers SET deleted = 1 WHERE id = ?", (heads[ids[5]],))
        db.execute("UPDATE households SET head_id = ? WHERE id = ?", (heads[ids[7]], ids[6]))
        for household_id, name in ((ids[8], "Alice Wu"), (ids[9], "-"), (ids[10], "李·白")):
            full, initials = name_keys(name)
            db.execute("UPDATE villagers SET name = ?, name_pinyin = ?, name_initials = ? WHERE id = ?",
                       (name, full, initials, heads[household_id]))
    return db, build_stores(db, COMMAND_LINE_ACTOR)


def _queries(db: Database) -> list[str]:
    """Heads' and members' names (one, two and all characters), pinyin initials, household numbers whole, padded
    and in part, digits of one and two characters, and texts the word index cannot look up."""
    name, initials = db.conn.execute(
        "SELECT v.name, v.name_initials FROM households h JOIN villagers v ON v.id = h.head_id "
        "WHERE length(v.name) = 3 ORDER BY h.household_no DESC LIMIT 1").fetchone()
    member = db.conn.execute("SELECT v.name FROM villagers v JOIN households h ON h.id = v.household_id "
                             "WHERE v.id != h.head_id AND length(v.name) = 3 ORDER BY v.id LIMIT 1").fetchone()[0]
    # The first members standing for households without a live head, and a head living in another household.
    apart = [row[0] for row in db.conn.execute(
        "SELECT v.name FROM households h JOIN villagers v ON v.household_id = h.id AND v.deleted = 0 "
        "WHERE h.head_id IS NULL OR h.head_id IN (SELECT id FROM villagers WHERE deleted = 1) UNION "
        "SELECT v.name FROM households h JOIN villagers v ON v.id = h.head_id WHERE v.household_id != h.id")]
    assert len(apart) >= 3
    number = db.conn.execute("SELECT max(household_no) FROM households WHERE household_no GLOB '0*'").fetchone()[0]
    return [*apart, name[0], name[:2], name, name[1:], member, member[-1], "鑫", "张无忌", initials[0], initials[:2],
            initials, initials.upper(), "wj", "x", "v", "i", "alice", "alice w", "aw", "Alice Wu", "-", "--", "·",
            "李·白", "lb", "a-1", "A-12", number, number.lstrip("0"), number[-2:], "7", "07", "0007", "70", "12",
            "012", "00012", "1", "0", "00", "000", "99", " 1 ", "王 ", "w j", '"', "%", "_"]


def test_through_the_index_and_by_walking_the_fields_find_what_find_households_found(
        village: tuple[Database, SqliteStores], monkeypatch: pytest.MonkeyPatch) -> None:
    db, stores = village
    everyone = stores.points.tally.households()
    indexed = household_find._parts
    for few, parts in ((10**9, indexed), (0, indexed), (10**9, lambda db, text: None)):  # index; probe refuses; walk
        monkeypatch.setattr(household_find, "FEW", few)
        monkeypatch.setattr(household_find, "_parts", parts)
        for text in _queries(db):
            for limit in (1, 5, 20, 1000):
                assert stores.points.tally.find_households(text, limit) == find_households(everyone, text, limit), \
                    (text, limit, few)
    found = [h.household_no for h in stores.points.tally.find_households("007", 5)]
    assert found[:2] == ["0007", "7"] and len(found) == 5  # the number itself first, zeros or not
    assert stores.points.tally.find_households("", 5) == stores.points.tally.find_households("x", 0) == []


def test_the_fields_follow_the_registry_as_it_is_written(village: tuple[Database, SqliteStores]) -> None:
    db, stores = village
    household = stores.households.list_households()[20].household
    head = next(v for v in stores.villagers.members(household.id) if v.id == household.head_id)
    stores.villagers.save_villager(replace(head, name="欧阳子谦"))
    assert [h.household_no for h in stores.points.tally.find_households("欧阳子谦", 5)] == [household.household_no]
    assert household.household_no in [h.household_no for h in stores.points.tally.find_households("oyzq", 5)]
    assert stores.points.tally.find_households(head.name, 1000) == \
        find_households(stores.points.tally.households(), head.name, 1000)  # the old name no longer finds it
