"""The registry's search box inside the main window: its hint fits at 1024 and 1366 px; an empty result says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import Actor
from storage.core.backend import SqliteBackend
from storage.core.db import Database
from storage.core.backend import build_stores
from tests.conftest import PASSWORD
from tests.helpers import type_text
from tests.registry_fixtures import make_family
from ui.core.bus import DataBus
from ui.core.main_window import MainWindow
from ui.registry.screen import RegistryScreen


@pytest.mark.parametrize("width", [1024, 1366])
def test_the_search_hint_fits_in_the_main_window(qtbot, village_db: Database, width: int) -> None:  # type: ignore[no-untyped-def]
    path = Path(village_db.path or "")
    backend = SqliteBackend(path)
    window = MainWindow(backend, backend.login("admin", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    screen = window.open_area("registry")
    window.resize(width, 768)
    qtbot.waitUntil(lambda: screen.search_edit.width() > 0 and window.width() == max(width, window.minimumWidth()))
    edit = screen.search_edit
    hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    margins = edit.textMargins()
    # The frame and text margins take about 10 px, the clear button about 24: the hint needs its width beyond.
    assert edit.width() - margins.left() - margins.right() - 34 >= hint, (edit.width(), hint)
    assert "wjh" in edit.placeholderText()


def test_a_search_that_finds_nothing_says_so_in_the_list(qtbot, village_db: Database, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    store = build_stores(village_db, admin)
    make_family(store)
    screen = RegistryScreen(store, DataBus())
    qtbot.addWidget(screen)
    screen.show()
    hint = screen.households_view.empty_hint
    assert hint.isHidden() and screen.households_model.rowCount() == 1
    type_text(screen.search_edit, "张无忌")
    assert screen.households_model.rowCount() == 0
    assert hint.isVisible() and "没有找到“张无忌”" in hint.text() and "拼音" in hint.text()
    screen.search_edit.clear()
    assert hint.isHidden() and screen.households_model.rowCount() == 1
    type_text(screen.search_edit, "wujh")  # 吴 in full, 建华 as initials
    assert screen.households_model.rowCount() == 1 and screen.current_villager().name == "吴建华"  # type: ignore[union-attr]


def test_an_empty_registry_says_how_to_begin(qtbot, village_db: Database, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    screen = RegistryScreen(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.households_view.empty_hint.isVisible()
    assert "导入花名册" in screen.households_view.empty_hint.text()
