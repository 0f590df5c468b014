"""The registry screen reads its households a page at a time (issue 17): the count it knows, and what it says
when a search finds more than one page."""
from __future__ import annotations

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.installation import open_memory_database
from storage.demo import DemoOptions, run_demo
from tests.helpers import type_text
from ui.core.bus import DataBus
from ui.registry.screen import RegistryScreen
from ui.registry.table_model import PAGE


def test_households_arrive_a_page_at_a_time_and_the_status_says_how_many(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    db = open_memory_database()
    run_demo(db, DemoOptions(seed=7, households=450))
    stores = build_stores(db, COMMAND_LINE_ACTOR)
    screen = RegistryScreen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.show()
    model = screen.households_model
    assert model.rowCount() == PAGE and model.canFetchMore()
    assert screen.status_label.text().startswith("显示 450 户（共 450 户）")  # no filter: the count is known
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    numbers = [s.household.household_no for s in model.rows()]
    assert numbers == sorted(numbers) and len(set(numbers)) == 2 * PAGE

    type_text(screen.search_edit, "1")  # in every ID number: more than a page
    assert model.rowCount() == PAGE and screen.status_label.text().startswith("显示前 200 户，向下滚动显示更多（共 450 户）")
    while model.canFetchMore():
        model.fetchMore()
    screen._show_count(screen.listing())  # every match loaded: the count is exact again
    assert screen.status_label.text().startswith(f"显示 {model.rowCount()} 户")

    screen.search_edit.clear()
    type_text(screen.search_edit, stores.villagers.members(model.row_at(0).household.id)[0].name)
    assert 0 < model.rowCount() < PAGE and screen.status_label.text().startswith(f"显示 {model.rowCount()} 户")
    screen.search_edit.clear()
    qtmodeltester.check(model)  # it fetches every page as it checks
    assert model.rowCount() == 450 and not model.canFetchMore()
