"""The registry screen after a bundle import: records written behind its back show once Changed(SYNC) is heard."""
from __future__ import annotations

from dataclasses import replace

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.ids import new_id
from models.registry.households import Household
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.registry_fixtures import make_family
from ui.core.bus import DataBus
from ui.registry.screen import RegistryScreen


def test_a_sync_import_shows_new_records_and_keeps_the_selection(qtbot, village_db: Database,  # type: ignore[no-untyped-def]
                                                                 admin: Actor) -> None:
    stores = build_stores(village_db, admin)
    household, head, child = make_family(stores)
    bus = DataBus()
    screen = RegistryScreen(stores, bus)
    qtbot.addWidget(screen)
    screen.select_household(household.id, child.id)
    assert screen.households_model.rowCount() == 1
    # What an imported bundle writes: another household, and a new phone number for the selected person.
    stores.households.save_household(Household(new_id(), "0102", household.group_id))
    stores.villagers.save_villager(replace(child, phone="13900000002"))
    assert screen.households_model.rowCount() == 1  # nothing told the screen yet
    bus.changed.emit(Changed(Entity.SYNC))
    assert screen.households_model.rowCount() == 2
    assert screen.current_household_id() == household.id and screen.current_villager_id() == child.id
    shown = screen.current_villager()
    assert shown is not None and shown.phone == "13900000002"


def test_a_change_of_another_area_does_not_reload(qtbot, village_db: Database, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    stores = build_stores(village_db, admin)
    household, _, _ = make_family(stores)
    bus = DataBus()
    screen = RegistryScreen(stores, bus)
    qtbot.addWidget(screen)
    stores.households.save_household(Household(new_id(), "0102", household.group_id))
    bus.changed.emit(Changed.one(Entity.MEETING, "m-1"))
    assert screen.households_model.rowCount() == 1
    bus.changed.emit(Changed.one(Entity.MEETING, "m-1") | Changed.one(Entity.HOUSEHOLD, "h"))
    assert screen.households_model.rowCount() == 2  # a joined change that names households does


def test_an_edit_and_its_undo_put_the_stores_change_on_the_bus(qtbot, village_db: Database, admin: Actor,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    stores = build_stores(village_db, admin)
    bus = DataBus()
    heard: list[Changed] = []
    bus.changed.connect(heard.append)
    screen = RegistryScreen(stores, bus)
    qtbot.addWidget(screen)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("下寨组", True))
    screen.add_group_button.click()
    [group] = stores.groups.list_groups()
    assert heard == [Changed.one(Entity.VILLAGE_GROUP, group.id)]  # the add's own Changed, naming the new id
    assert screen.group_tree.topLevelItem(0).childCount() == 1
    screen.undo_stack.undo()
    assert heard[-1] == Changed.one(Entity.VILLAGE_GROUP, group.id) and stores.groups.list_groups() == []
    assert screen.group_tree.topLevelItem(0).childCount() == 0  # the screen reloaded from the bus


def test_a_search_typed_before_the_import_finds_the_imported_people(qtbot, village_db: Database,  # type: ignore[no-untyped-def]
                                                                    admin: Actor) -> None:
    from models.registry.households import Villager
    from tests.helpers import type_text

    stores = build_stores(village_db, admin)
    household, _, _ = make_family(stores)
    bus = DataBus()
    screen = RegistryScreen(stores, bus)
    qtbot.addWidget(screen)
    type_text(screen.search_edit, "杨秀")
    assert screen.households_model.rowCount() == 0
    other = Household(new_id(), "0102", household.group_id)
    stores.households.save_household(other)
    stores.villagers.save_villager(Villager(new_id(), other.id, "杨秀英", "户主"))
    bus.changed.emit(Changed(Entity.SYNC))
    assert screen.households_model.rowCount() == 1 and screen.current_household_id() == other.id
