"""Empty tables say so: the grey "暂无……" line over the sync and list tables, hidden once a row arrives."""
from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.sync.service import SqliteSyncService
from tests.sync.conftest import Pair, pair  # noqa: F401 (fixture)
from ui.core.bus import DataBus
from ui.sync.screen import SyncScreen
from ui.widgets.empty_hint import add_empty_hint
from storage.core.backend import township_returns


def test_hint_follows_the_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(0, 2)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    hint = add_empty_hint(view, "暂无记录")
    view.show()
    assert hint.isVisible() and hint.text() == "暂无记录"
    model.appendRow([QStandardItem("a"), QStandardItem("b")])
    assert not hint.isVisible()
    model.removeRows(0, 1)
    assert hint.isVisible() and hint.geometry() == view.viewport().rect()


def test_sync_tables_have_hints(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    screen = SyncScreen(SqliteSyncService(pair.village, COMMAND_LINE_ACTOR, township_returns), DataBus(), lambda: [])
    qtbot.addWidget(screen)
    review, audit = screen.review_panel, screen.peer_audit_panel
    assert review.quarantine_view.empty_hint.text() == "暂无隔离记录" and not review.quarantine_view.empty_hint.isHidden()
    assert audit.view.empty_hint.text().startswith("暂无对方的操作记录")
    assert audit.view.empty_hint.isHidden() == (audit.model.rowCount() > 0)
    peers = screen.peers_view.empty_hint
    assert peers.text().startswith("暂无配对的同步对方") and peers.isHidden() == (screen.peers_model.rowCount() > 0)
