"""SqliteStores: saving, masking, role queries, counts by date, search and the change/audit logs."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models.core.accounts import Actor, Role
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, PermissionDenied
from models.core.ids import new_id
from models.registry.households import Grid, RoleCode, RoleHolding, Villager, VillagerStatus, tag_code
from storage.core.db import Database
from storage.core.backend import SqliteStores, build_stores
from tests.registry_fixtures import make_family


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


def test_household_and_members_round_trip(store: SqliteStores) -> None:
    household, head, child = make_family(store)
    assert store.households.get_household(household.id) == household
    assert store.villagers.members(household.id) == [head, child]
    [summary] = store.households.list_households()
    assert (summary.group_name, summary.head_name, summary.members) == ("第1组", "吴建华", 2)


def test_masked_for_roles_without_permission_and_masked_save_keeps_number(
        village_db: Database, store: SqliteStores) -> None:
    household, head, _ = make_family(store)
    supervisor = build_stores(village_db, Actor("s", "石秀英", Role.SUPERVISOR))
    seen = supervisor.villagers.get_villager(head.id)
    assert seen.id_number == head.id_number[:6] + "********" + head.id_number[-4:]
    with pytest.raises(PermissionDenied):
        supervisor.villagers.save_villager(seen)
    store_as_masked = replace(seen, phone="13900000000")
    store.villagers.save_villager(store_as_masked)  # a form that kept the masked value must not overwrite the number
    assert store.villagers.get_villager(head.id).id_number == head.id_number
    assert supervisor.registry.search(head.id_number[:10]) == []  # no partial-ID probing without the permission
    assert [h.villager_id for h in supervisor.registry.search(head.id_number)] == [head.id]


def test_id_numbers_never_reach_the_audit_log(village_db: Database, store: SqliteStores) -> None:
    _, head, _ = make_family(store)
    store.villagers.save_villager(replace(head, id_number="", birth_date=None))
    text = " ".join(r[0] for r in village_db.conn.execute("SELECT summary FROM audit_log"))
    assert head.id_number not in text and "id_number" in text


def test_rules_refuse_bad_records(store: SqliteStores) -> None:
    household, head, child = make_family(store)
    with pytest.raises(DomainError, match="校验位"):
        store.villagers.save_villager(replace(head, id_number=head.id_number[:17] + ("0" if head.id_number[17] != "0" else "1")))
    with pytest.raises(DomainError, match="已登记"):
        store.villagers.save_villager(replace(child, id=new_id(), id_number=head.id_number, birth_date=None, gender=None))
    with pytest.raises(DomainError, match="日期"):
        store.villagers.save_villager(replace(head, status=VillagerStatus.DECEASED))
    with pytest.raises(DomainError, match="户号"):
        store.households.save_household(replace(household, id=new_id()))


def test_roles_counts_and_dates(store: SqliteStores) -> None:
    household, head, child = make_family(store)
    day = date(2026, 1, 1)
    store.villagers.save_role(RoleHolding(new_id(), head.id, RoleCode.REPRESENTATIVE, "", date(2024, 1, 1), None))
    store.villagers.save_role(RoleHolding(new_id(), child.id, tag_code("致富带头人")))
    assert [v.name for v in store.registry.people_with_role(RoleCode.REPRESENTATIVE, day)] == ["吴建华"]
    assert store.registry.people_with_role(RoleCode.REPRESENTATIVE, date(2023, 6, 1)) == []
    assert [v.name for v in store.registry.people_with_role(RoleCode.PARTY_MEMBER, day)] == ["吴建华"]  # 政治面貌
    assert [v.name for v in store.registry.people_with_role("tag:致富带头人", day)] == ["吴小梅"]
    assert (store.registry.adults_count(day), store.registry.households_count(day)) == (1, 1)
    store.villagers.save_villager(replace(head, status=VillagerStatus.DECEASED, status_date=date(2026, 3, 1)))
    assert store.registry.adults_count(date(2026, 2, 28)) == 1 and store.registry.adults_count(date(2026, 3, 1)) == 0
    assert store.registry.people_with_role(RoleCode.REPRESENTATIVE, date(2026, 4, 1)) == []
    assert store.registry.households_count(date(2026, 4, 1)) == 1  # the daughter still lives there


def test_withdraw_is_a_tombstone_and_save_revives(village_db: Database, store: SqliteStores) -> None:
    household, _, child = make_family(store)
    store.villagers.withdraw_villager(child.id)
    assert [v.name for v in store.villagers.members(household.id)] == ["吴建华"]
    assert village_db.conn.execute("SELECT deleted FROM villagers WHERE id = ?", (child.id,)).fetchone() == (1,)
    store.villagers.save_villager(child)
    assert len(store.villagers.members(household.id)) == 2


@pytest.mark.parametrize("text", ["wjh", "WJH", "wujian", "吴建", "0101", "13800000001"])
def test_search_by_pinyin_name_number_and_phone(store: SqliteStores, text: str) -> None:
    _, head, _ = make_family(store)
    assert head.id in {hit.villager_id for hit in store.registry.search(text)}


def test_search_by_id_number_part(store: SqliteStores) -> None:
    _, _, child = make_family(store)
    assert [hit.villager_id for hit in store.registry.search(child.id_number[-6:])] == [child.id]
    assert store.registry.search("   ") == [] and store.registry.search("%") == []


def test_every_write_is_change_logged(village_db: Database, store: SqliteStores) -> None:
    household, head, _ = make_family(store)
    logged = {r[0] for r in village_db.conn.execute("SELECT row_id FROM change_log WHERE table_name = 'villagers'")}
    assert head.id in logged
    row = village_db.conn.execute("SELECT owner, hlc FROM households WHERE id = ?", (household.id,)).fetchone()
    assert row[0] == village_db.node_id and row[1]


def test_saving_an_unchanged_villager_writes_nothing(village_db: Database, store: SqliteStores) -> None:
    _, head, _ = make_family(store)
    before = village_db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    store.villagers.save_villager(Villager(**{**head.__dict__}))
    assert village_db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == before


@pytest.mark.parametrize("text", ["wjh", "w", "wujian", "吴", "0101", "1380", "   "])
def test_search_ids_finds_what_search_finds(store: SqliteStores, text: str) -> None:
    make_family(store)
    hits = store.registry.search(text, limit=1_000_000)
    households, people = store.registry.search_ids(text)
    assert households == {hit.household_id for hit in hits}
    assert people == {hit.villager_id for hit in hits if hit.villager_id}


def test_writes_return_what_they_changed(store: SqliteStores) -> None:
    household, head, _ = make_family(store)
    assert store.households.save_household(household) == Changed.one(Entity.HOUSEHOLD, household.id)
    holding = RoleHolding(new_id(), head.id, RoleCode.ELDER.value)
    assert store.villagers.save_role(holding) == Changed.one(Entity.VILLAGER, head.id)  # a role is its villager's
    assert store.villagers.remove_role(holding.id) == Changed.one(Entity.VILLAGER, head.id)
    grid = Grid(new_id(), household.group_id, "一网格")
    assert store.groups.save_grid(grid).id == grid.id
    assert store.groups.retire_grid(grid.id) == Changed.one(Entity.GRID, grid.id)
    assert store.households.withdraw_household(household.id) == Changed.one(Entity.HOUSEHOLD, household.id)
    assert store.households.list_households() == []
