"""The lists screen reads what it shows (issue 17): on a reload the shown period's entries (read once for the
entries tab and once for the board, not once per board column), the distinct periods and the waiting entries
from their own queries; and what it shows is what reading every entry of every period showed before."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from models.core.changes import Changed, Entity
from models.lists.entries import EntryState, ListKind
from models.lists.services import make_board
from models.lists.workflow import ADVANCE_PERMISSION, Nomination
from storage.core.backend import SqliteBackend, SqliteStores, build_stores
from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, seed_registry
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen
from ui.lists.table_model import is_waiting

DAY = date(2025, 3, 3)


def _history(backend: SqliteBackend) -> None:
    """Entries in three months: one published, one in publicity, the rest nominated."""
    clerk = build_stores(backend.db, CLERK).list_entries
    made = []
    for period, household, kind in (("2025-01", "12", ListKind.YELLOW), ("2025-02", "15", ListKind.RED),
                                    ("2025-03", "12", ListKind.YELLOW), ("2025-03", "31", ListKind.RED)):
        made.append(clerk.nominate(Nomination(kind, period, "在村道旁堆放建筑垃圾未清理" if kind is ListKind.YELLOW
                                              else "带头清扫村道", CLERK.name, CLERK.user_id), household,
                                   "第12条" if kind is ListKind.YELLOW else "", on=DAY).id)
    for step, (actor, note) in enumerate(((APPROVER, "执委会评议同意"), (SUPERVISOR, "监委会审核同意"),
                                          (APPROVER, "书面告知本户"))):
        build_stores(backend.db, actor).list_entries.advance(made[2], note, on=DAY + timedelta(step))
    build_stores(backend.db, APPROVER).list_entries.advance(made[2], "公示无异议", on=DAY + timedelta(12))


def test_a_reload_reads_the_shown_period_and_shows_what_reading_everything_showed(
        qtbot, backend: SqliteBackend, stores: SqliteStores) -> None:  # type: ignore[no-untyped-def]
    seed_registry(backend.db)
    _history(backend)
    today = DAY + timedelta(13)
    bus = DataBus()
    screen = ListsScreen(stores, bus, today=lambda: today)
    qtbot.addWidget(screen)
    store = stores.list_entries
    asked: list[Any] = []
    real = store.entries
    store.entries = lambda period=None: asked.append(period) or real(period)  # type: ignore[method-assign]
    bus.changed.emit(Changed(Entity.SYNC))
    assert asked == ["2025-03", "2025-03"]  # the entries tab and the one board: never every period's entries
    del store.entries

    every = store.entries()  # what the screen read before: every entry of every period
    assert {e.state for e in every} >= {EntryState.PUBLISHED, EntryState.NOMINATED}
    listed = [screen.period_combo.itemText(i) for i in range(screen.period_combo.count())]
    assert listed == sorted({e.period for e in every} | {"2025-03"}, reverse=True)
    waiting = sorted((e for e in every if is_waiting(e) and stores.actor.can(ADVANCE_PERMISSION[e.state])),
                     key=lambda e: (e.period, e.household_no, e.id))
    assert screen.queue_model.rows() == waiting and len(waiting) == 3
    assert screen.entries_model.rows() == [e for e in every if e.period == "2025-03"]
    board = make_board(store, stores.naming_bases, stores.list_settings, "2025-03", today)
    assert {kind: screen.board_models[kind].rows() for kind in ListKind} == {kind: list(board.lines(kind))
                                                                            for kind in ListKind}
    assert len(screen.board_models[ListKind.YELLOW].rows()) == 1


def test_an_unreadable_period_empties_the_board_and_says_why(qtbot, backend: SqliteBackend,  # type: ignore[no-untyped-def]
                                                             stores: SqliteStores) -> None:
    seed_registry(backend.db)
    _history(backend)
    screen = ListsScreen(stores, DataBus(), today=lambda: DAY + timedelta(13))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.board_models[ListKind.YELLOW].rowCount() == 1
    screen.period = "不是期次"
    screen._show_board()
    assert all(model.rowCount() == 0 for model in screen.board_models.values())
