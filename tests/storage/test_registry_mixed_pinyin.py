"""Registry search with full syllables and initials mixed (`wangpg` finds 王平光), in the store and its SQL."""
from __future__ import annotations

from dataclasses import replace

import pytest

from models.core.ids import new_id
from models.registry.households import Gender, Villager
from storage.registry.pinyin_keys import spells_name
from storage.core.backend import SqliteStores, build_stores
from tests.registry_fixtures import make_family


@pytest.mark.parametrize("typed", ["wangpg", "wangpingg", "wpingguang", "wangpingguang", "wpg", "wangpi", "wangp"])
def test_each_syllable_in_full_or_as_its_initial_spells_the_name(typed: str) -> None:
    assert spells_name("王平光", typed)


@pytest.mark.parametrize("typed", ["wangpx", "pg", "wangpingguangx", "wanpg", "wgp", ""])
def test_other_letters_do_not(typed: str) -> None:
    assert not spells_name("王平光", typed)


@pytest.mark.parametrize("typed", ["wangpg", "WANGPINGG", "wpingguang"])
def test_store_search_finds_the_person_typed_mixed(store_with_wang: tuple[SqliteStores, Villager],
                                                   typed: str) -> None:
    store, wang = store_with_wang
    assert [hit.villager_id for hit in store.registry.search(typed)] == [wang.id]
    households, people = store.registry.search_ids(typed)
    assert people == {wang.id} and households == {wang.household_id}


def test_mixed_search_does_not_find_others(store_with_wang: tuple[SqliteStores, Villager]) -> None:
    store, wang = store_with_wang
    assert store.registry.search("wujh")[0].name == "吴建华"  # the family's head, by 吴 in full and 建华 as initials
    assert wang.id not in {hit.villager_id for hit in store.registry.search("wujh")}
    assert store.registry.search("wangpx") == []


@pytest.fixture
def store_with_wang(village_db, admin) -> tuple[SqliteStores, Villager]:  # type: ignore[no-untyped-def]
    store = build_stores(village_db, admin)
    household, head, _ = make_family(store)
    wang = replace(head, id=new_id(), name="王平光", relation="子", gender=Gender.MALE, id_number="", position=2)
    store.villagers.save_villager(wang)
    return store, wang
