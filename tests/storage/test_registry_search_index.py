"""The registry's search index (issue 17) finds what the scan it replaced found, through every path.

The oracle is the scan the registry ran before the index: LIKE and GLOB over every villager, then households
filtered in Python. Each query runs through the index (the probe allowing it) and by walking the households in
order (the probe refusing it), and both must give the scan's households and people.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.registry.households import CareLevel, RoleCode
from models.registry.listing import HouseholdListing
from storage.core.backend import SqliteStores, build_stores
from storage.core.db import Database
from storage.core.installation import open_memory_database
from storage.demo import DemoOptions, run_demo
from storage.registry import listing as listing_module
from storage.registry.pinyin_keys import name_keys, spells_name


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _old_scan(db: Database, text: str, show_id: bool) -> tuple[set[str], set[str]]:
    """(households, people) as `matching_ids` found them by scanning, before the index."""
    text, lowered = text.strip(), text.strip().lower()
    if re.match(r"^[a-z]+$", lowered):
        db.conn.create_function("spells_name", 2, spells_name, deterministic=True)
        where = ("v.name_initials GLOB :first OR v.name_pinyin GLOB :first OR v.name_initials GLOB :later "
                 "OR v.name_pinyin GLOB :later OR (length(:typed) >= 2 AND (v.name_initials GLOB :initial "
                 "OR v.name_initials GLOB :later_initial) AND v.name_pinyin GLOB :letters "
                 "AND spells_name(v.name, :typed))")
        params = {"first": lowered + "*", "later": "* " + lowered + "*", "initial": lowered[0] + "*",
                  "later_initial": "* " + lowered[0] + "*", "letters": "*" + "*".join(lowered) + "*",
                  "typed": lowered}
    elif re.match(r"^[0-9xX\-]+$", text):
        id_clause = "v.id_number LIKE :id ESCAPE '\\'" if show_id else "v.id_number = :id"
        where = f"h.household_no LIKE :like ESCAPE '\\' OR v.phone LIKE :like ESCAPE '\\' OR {id_clause}"
        params = {"like": _like(text), "id": _like(text.upper()) if show_id else text.upper()}
    else:
        where, params = "v.name LIKE :like ESCAPE '\\'", {"like": _like(text)}
    rows = db.conn.execute("SELECT v.household_id, v.id FROM villagers v JOIN households h ON h.id = v.household_id "
                           f"WHERE v.deleted = 0 AND h.deleted = 0 AND ({where})", params).fetchall()
    households, people = {r[0] for r in rows}, {r[1] for r in rows}
    if re.match(r"^[0-9xX\-]+$", text) and not re.match(r"^[a-z]+$", lowered):
        households |= {r[0] for r in db.conn.execute(
            "SELECT id FROM households WHERE deleted = 0 AND (household_no LIKE :like ESCAPE '\\' "
            "OR phone LIKE :like ESCAPE '\\')", {"like": _like(text)})}
    return households, people


@pytest.fixture(scope="module")
def village() -> tuple[Database, SqliteStores]:
    db = open_memory_database()
    run_demo(db, DemoOptions(seed=7, households=400))
    return db, build_stores(db, COMMAND_LINE_ACTOR)


def _queries(db: Database) -> list[str]:
    """One, two and three characters of names; pinyin initials, full and mixed; ID, phone and household number
    fragments — taken from the generated roster, so each finds someone."""
    name, initials, full, id_number = db.conn.execute(
        "SELECT name, name_initials, name_pinyin, id_number FROM villagers WHERE length(name) = 3 "
        "AND name_initials NOT LIKE '% %' AND id_number <> '' ORDER BY id LIMIT 1").fetchone()
    phone = db.conn.execute("SELECT phone FROM villagers WHERE phone <> '' ORDER BY id LIMIT 1").fetchone()[0]
    number = db.conn.execute("SELECT household_no FROM households ORDER BY household_no DESC LIMIT 1").fetchone()[0]
    first = full.split()[0]
    return [name[0], name[1], name[:2], name[1:], name, "鑫", "张无忌",
            initials[0], initials[:2], initials, first[:3], first, name_keys(name[0])[0] + initials[1:],
            name_keys(name[0])[0] + name_keys(name[1])[0] + initials[2:],
            id_number[:6], id_number[8:12], id_number[-4:], id_number, id_number[:2], "x",
            phone[:4], phone[-4:], phone[3:5], "1", number, number[-2:], "0000000"]


def test_every_search_path_finds_what_the_scan_found(village: tuple[Database, SqliteStores],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db, stores = village
    for probe in (10**9, 0):  # through the index; by walking the households
        monkeypatch.setattr(listing_module, "PROBE", probe)
        for text in _queries(db):
            households, people = _old_scan(db, text, show_id=True)
            assert stores.registry.search_ids(text) == (households, people), text
            listed = stores.registry.households_page(HouseholdListing(text), 0, 10**6)
            assert {s.household.id for s in listed} == households, (text, probe)
            assert [s.household.household_no for s in listed] == sorted(s.household.household_no for s in listed)
            hits = stores.registry.search(text, 10**6)
            assert {h.villager_id for h in hits if h.villager_id} == people, text


def test_a_clerk_without_id_numbers_finds_a_whole_number_only(village: tuple[Database, SqliteStores]) -> None:
    db, _ = village
    supervisor = build_stores(db, Actor("s", "石秀英", Role.SUPERVISOR))
    id_number = db.conn.execute("SELECT id_number FROM villagers WHERE id_number <> '' LIMIT 1").fetchone()[0]
    for text in (id_number, id_number[:10], id_number[-4:], id_number[6:14]):
        households, people = _old_scan(db, text, show_id=False)
        assert supervisor.registry.search_ids(text) == (households, people), text
        listed = supervisor.registry.households_page(HouseholdListing(text), 0, 10**6)
        assert {s.household.id for s in listed} == households, text
    assert supervisor.registry.search_ids(id_number)[1]  # the complete number finds the person


def test_the_filters_list_what_the_screen_filtered_before(village: tuple[Database, SqliteStores]) -> None:
    db, stores = village
    everyone = stores.households.list_households()
    day = date.today()
    group = stores.groups.list_groups()[1]
    grid = stores.groups.list_grids()[2]
    cases = {
        HouseholdListing(): everyone,
        HouseholdListing(group_id=group.id): [s for s in everyone if s.household.group_id == group.id],
        HouseholdListing(grid_id=grid.id): [s for s in everyone if s.household.grid_id == grid.id],
        HouseholdListing(care=CareLevel.YELLOW): [s for s in everyone if s.household.care_level == CareLevel.YELLOW],
        HouseholdListing(away_only=True): [s for s in everyone if s.away],
    }
    for role in (RoleCode.PARTY_MEMBER, RoleCode.REPRESENTATIVE, RoleCode.GRID_LEADER):
        holders = {v.household_id for v in stores.registry.people_with_role(role, day)}
        cases[HouseholdListing(role=role.value, on_date=day)] = [s for s in everyone if s.household.id in holders]
    for listing, expected in cases.items():
        assert expected, listing  # each filter keeps someone in the generated roster
        assert stores.registry.households_page(listing, 0, 10**6) == expected, listing
    pages = [stores.registry.households_page(HouseholdListing(), offset, 150) for offset in (0, 150, 300)]
    assert [s for page in pages for s in page] == everyone  # pages follow one another


def test_the_index_follows_every_write() -> None:
    db = open_memory_database()
    run_demo(db, DemoOptions(seed=3, households=20))
    stores = build_stores(db, COMMAND_LINE_ACTOR)
    summary = stores.households.list_households()[0]
    person = stores.villagers.members(summary.household.id)[0]
    stores.villagers.save_villager(replace(person, name="欧阳子谦"))
    assert stores.registry.search_ids("欧阳子谦")[1] == {person.id}
    assert stores.registry.search_ids("oyzq")[1] == {person.id}  # pinyin keys follow the name
    assert stores.registry.search_ids(person.name)[1] == _old_scan(db, person.name, True)[1]  # old name gone
    stores.households.save_household(replace(summary.household, household_no="8642"))
    assert summary.household.id in stores.registry.search_ids("8642")[0]
    stores.villagers.withdraw_villager(person.id)
    assert stores.registry.search_ids("欧阳子谦") == (set(), set())
