"""The lists screen and its settings panel learn of writes made elsewhere (a sync import, another session) from
the Changed on the bus alone."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtGui import QUndoStack

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.changes import Changed, Entity
from models.lists.entries import ListKind
from models.lists.workflow import Nomination
from storage.core.backend import SqliteBackend, SqliteStores, build_stores
from tests.list_fixtures import CLERK, seed_registry
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen
from ui.lists.settings_panel import ListSettingsPanel

DAY = date(2025, 3, 3)


def test_a_sync_notice_shows_new_entries_and_volunteers(qtbot, backend: SqliteBackend, stores: SqliteStores) -> None:
    seed_registry(backend.db)
    bus = DataBus()
    screen = ListsScreen(stores, bus, today=lambda: DAY)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.entries_model.rowCount() == 0 and screen.volunteers.participations_model.rowCount() == 0

    other = build_stores(backend.db, CLERK)  # written as an import writes: not through this screen
    other.list_entries.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月2日在村道旁堆放建筑垃圾未清理", CLERK.name,
                                           CLERK.user_id), "12", "第12条", on=DAY)
    other.volunteer_records.add_participation("15", "清扫村道", date(2025, 3, 8), 2.5)
    bus.changed.emit(Changed(Entity.SYNC))

    assert screen.entries_model.rowCount() == 1 and screen.entries_model.row_at(0).household_no == "12"
    assert screen.volunteers.participations_model.rowCount() == 1


def test_settings_saved_elsewhere_show_in_the_settings_panel(qtbot, backend: SqliteBackend,
                                                             stores: SqliteStores) -> None:
    bus = DataBus()
    panel = ListSettingsPanel(stores, bus, QUndoStack())
    qtbot.addWidget(panel)
    before = stores.list_settings.settings
    other = build_stores(backend.db, COMMAND_LINE_ACTOR)  # another session, or rows a bundle brought
    other.list_settings.save_settings(replace(before, publicity_days=before.publicity_days + 3))
    bus.changed.emit(Changed(Entity.SYNC))
    assert panel.publicity_spin.value() == before.publicity_days + 3
    assert stores.list_settings.settings.publicity_days == before.publicity_days + 3
