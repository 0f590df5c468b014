"""红黑榜 screen: 续期 of a published entry into the next cycle, undoable like a nomination; refusals in Chinese."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from models.lists.entries import EntryState, ListKind
from storage.core.backend import SqliteBackend
from tests.list_fixtures import CLERK, seed_registry, store, written
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish
from ui.core.bus import DataBus
from ui.lists.screen import ListsScreen


def test_renew_a_published_entry_into_the_next_cycle(qtbot, monkeypatch, backend: SqliteBackend, stores) -> None:
    seed_registry(backend.db)
    publish(backend.db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    (old,) = store(backend.db, CLERK).entries("2025-03")
    screen = ListsScreen(stores, DataBus(), today=lambda: PUBLISHED + timedelta(1))
    qtbot.addWidget(screen)
    screen.period = "2025-03"
    screen.reload()
    screen.tabs_widget.setCurrentIndex(1)
    screen.select_entry(old.id)
    assert screen.renew_button.isEnabled()
    offered: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: offered.append(kw["text"]) or (kw["text"], True))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    qtbot.mouseClick(screen.renew_button, Qt.MouseButton.LeftButton)
    assert offered == ["2025-04"] and warnings == []
    assert screen.period == screen.period_combo.currentText() == "2025-04"
    new = store(backend.db, CLERK).entry(screen.selected_id)
    assert (new.state, new.period, new.renews_id) == (EntryState.NOMINATED, "2025-04", old.id)
    assert not screen.renew_button.isEnabled()  # a nomination is not renewed
    screen.undo_stack.undo()
    assert store(backend.db, CLERK).entries("2025-04") == []
    screen.undo_stack.redo()
    assert [e.id for e in store(backend.db, CLERK).entries("2025-04")] == [new.id]
    screen.period = "2025-03"
    screen.reload()
    screen.select_entry(old.id)
    qtbot.mouseClick(screen.renew_button, Qt.MouseButton.LeftButton)
    assert warnings and "不能重复续期" in warnings[0]


def test_renew_is_not_offered_for_an_entry_still_in_review(qtbot, backend: SqliteBackend, stores) -> None:
    from models.lists.workflow import Nomination

    seed_registry(backend.db)
    clerk = store(backend.db, CLERK)
    pending = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月9日在河边焚烧秸秆", "网格员龙德军"),
                                            "31", "第12条", on=DAY))
    screen = ListsScreen(stores, DataBus(), today=lambda: DAY)
    qtbot.addWidget(screen)
    screen.period = "2025-03"
    screen.reload()
    screen.select_entry(pending.id)
    assert not screen.renew_button.isEnabled()
