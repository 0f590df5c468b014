"""乡镇端 交办事项 reads the desk a page at a time as the view scrolls, lists what it listed before, and keeps the
selected matter selected across a reload even when it lies past the first page."""
from __future__ import annotations

from pathlib import Path

from models.core.changes import Changed, Entity
from models.core.village import Mode
from storage.core.backend import build_stores
from tests.storage.test_matters_desk_pages import received_matters, sorted_as_before
from tests.sync.conftest import make_node
from tests.sync.township_setup import REVIEWER
from ui.core.bus import DataBus
from ui.matters.desk import TownshipMattersScreen
from ui.widgets.paged_rows import PAGE


def test_the_desk_reads_a_page_at_a_time_and_keeps_the_selection(qtbot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    db = make_node(tmp_path / "t.sqlite3", Mode.TOWNSHIP)
    received_matters(db, 300)
    store = build_stores(db, REVIEWER).matters
    bus = DataBus()
    screen = TownshipMattersScreen(store, bus, True)
    qtbot.addWidget(screen)
    model = screen.matters_model
    assert model.rowCount() == PAGE and model.canFetchMore() and not screen.empty_label.isVisible()
    before = sorted_as_before(store)
    assert model.index(0, 0).data() == store.village_names().get(before[0].village, before[0].village)
    model.fetchMore()
    far = before[PAGE + 50]
    screen.matters_view.selectRow(PAGE + 50)
    assert screen.selected() == far and screen.events_model.rowCount() == 0  # raw rows carry no timeline
    bus.changed.emit(Changed(Entity.MATTER))  # a bundle's matters arrived: the first page again, read on to it
    assert screen.selected() == far and model.rowCount() == 2 * PAGE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rows() == before  # the whole desk, as the screen sorted it before
    qtmodeltester.check(model)


def test_an_empty_desk_says_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = make_node(tmp_path / "t.sqlite3", Mode.TOWNSHIP)
    screen = TownshipMattersScreen(build_stores(db, REVIEWER).matters, DataBus(), False)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.matters_model.rowCount() == 0 and not screen.matters_model.canFetchMore()
    assert screen.empty_label.isVisible() and not screen.reply_button.isEnabled()
