"""The sync screen's review panel: a held village bundle accepted by fingerprint, and the quarantine list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.village import Mode
from storage.sync.keys import my_identity, trust_peer
from storage.sync.service import SqliteSyncService
from tests.sync.conftest import Pair, export, make_node, notes, pair  # noqa: F401 (fixture)
from tests.sync.test_sync_held import half_paired  # noqa: F401 (fixture)
from ui.core.bus import DataBus
from ui.sync import review as review_module
from ui.sync import screen as screen_module
from ui.sync.review_models import HeldTableModel, QuarantineTableModel
from ui.sync.screen import SyncScreen
from tests.sync.conftest import write_notes
from storage.core.backend import township_returns


def _screen(qtbot, db) -> SyncScreen:  # type: ignore[no-untyped-def]
    widget = SyncScreen(SqliteSyncService(db, COMMAND_LINE_ACTOR, township_returns), DataBus(), lambda: [])
    qtbot.addWidget(widget)
    return widget


def _import(qtbot, screen: SyncScreen, bundle: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(screen_module, "choose_bundle", lambda parent: bundle)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10000)


def test_held_bundle_is_shown_then_accepted_by_fingerprint(qtbot, half_paired: Pair,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    write_notes(half_paired.village, 2)
    screen = _screen(qtbot, half_paired.township)
    assert not screen.review_panel.accept_button.isEnabled()
    _import(qtbot, screen, export(half_paired.village, half_paired.stick), monkeypatch)
    fingerprint = my_identity(half_paired.village).fingerprint
    assert fingerprint in screen.summary_label.text() and notes(half_paired.township) == []
    assert screen.review_panel.held_model.rowCount() == 1 and screen.review_panel.accept_button.isEnabled()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(review_module, "ask_fingerprint", lambda parent: "ABCD " * 8)
    qtbot.mouseClick(screen.review_panel.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "不符" in warnings[0] and notes(half_paired.township) == []
    monkeypatch.setattr(review_module, "ask_fingerprint", lambda parent: fingerprint)
    with qtbot.waitSignal(screen._bus.changed, timeout=10000):
        qtbot.mouseClick(screen.review_panel.accept_button, Qt.MouseButton.LeftButton)
    assert "已信任" in screen.summary_label.text() and "写入 3 条" in screen.summary_label.text()
    assert notes(half_paired.township) == notes(half_paired.village)
    assert screen.review_panel.held_model.rowCount() == 0 and screen.peers_model.rowCount() == 1


def test_quarantined_rows_listed_with_reason(qtbot, qtmodeltester, pair: Pair,  # type: ignore[no-untyped-def]
                                             monkeypatch) -> None:
    with pair.village.atomic():  # a forged township-owned row written on the village PC
        pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title) "
                             "VALUES('forged', ?, ?, '', '', '准予备案')",
                             [pair.township.node_id, pair.village.next_hlc()])
    screen = _screen(qtbot, pair.township)
    assert screen.review_panel.quarantine_model.rowCount() == 0
    _import(qtbot, screen, export(pair.village, pair.stick), monkeypatch)
    model = screen.review_panel.quarantine_model
    assert model.rowCount() == 1
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {name: model.index(0, c).data() for c, name in enumerate(columns)}
    assert (row["表"], row["记录编号"], row["原因"]) == ("notes", "forged", "发送方不是这条记录的所有者")
    assert row["所有者"] == f"黎平县德化乡（{pair.township.node_id}）" and row["发送方"].endswith(f"（{pair.village.node_id}）")
    assert not (model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    service = SqliteSyncService(pair.township, COMMAND_LINE_ACTOR, township_returns)
    qtmodeltester.check(QuarantineTableModel(service.quarantined))
    qtmodeltester.check(HeldTableModel(service.pending))


def test_held_bundle_discarded_after_confirmation(qtbot, half_paired: Pair,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    write_notes(half_paired.village, 2)
    screen = _screen(qtbot, half_paired.township)
    assert not screen.review_panel.discard_button.isEnabled()
    _import(qtbot, screen, export(half_paired.village, half_paired.stick), monkeypatch)
    panel = screen.review_panel
    assert panel.discard_button.isEnabled()
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        return lambda parent, title, text, *rest: asked.append(text) or reply

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert "不能撤销" in asked[0] and my_identity(half_paired.village).fingerprint in asked[0]
    assert panel.held_model.rowCount() == 1  # declined: nothing dropped
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(screen._bus.changed, timeout=5000):
        qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert panel.held_model.rowCount() == 0 and not panel.held_box.isVisibleTo(screen)
    assert "已丢弃" in screen.summary_label.text() and notes(half_paired.township) == []
    assert half_paired.township.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'sync_discard'").fetchone()[0] == 1


def test_quarantined_row_released_or_discarded_after_confirmation(qtbot, pair: Pair,  # type: ignore[no-untyped-def]
                                                                  monkeypatch) -> None:
    from storage.core.tracking import create_synced_table, insert_synced

    with pair.village.atomic():  # a table the township's program does not know yet, and a forged row
        create_synced_table(pair.village, "parcels", "name TEXT NOT NULL")
        insert_synced(pair.village, "parcels", {"name": "后山林地"})
        pair.village.execute("INSERT INTO notes(id, owner, hlc, created_at, updated_at, title) "
                             "VALUES('forged', ?, ?, '', '', '准予备案')",
                             [pair.township.node_id, pair.village.next_hlc()])
    screen = _screen(qtbot, pair.township)
    panel = screen.review_panel
    assert not panel.release_row_button.isEnabled()
    _import(qtbot, screen, export(pair.village, pair.stick), monkeypatch)
    assert panel.quarantine_model.rowCount() == 2 and panel.release_row_button.isEnabled()
    with pair.township.atomic():  # the township's program upgraded: it knows the table now
        create_synced_table(pair.township, "parcels", "name TEXT NOT NULL")
    asked: list[str] = []
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))

    def select_and_click(row_id: str, button, reply) -> None:  # type: ignore[no-untyped-def]
        monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or reply)
        row = next(r for r in range(panel.quarantine_model.rowCount())
                   if panel.quarantine_model.index(r, 3).data() == row_id)
        panel.quarantine_view.selectRow(row)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    select_and_click("forged", panel.release_row_button, QMessageBox.StandardButton.Yes)
    assert "发送方不是这条记录的所有者" in warnings[0] and notes(pair.township) == []
    select_and_click("forged", panel.discard_row_button, QMessageBox.StandardButton.No)
    assert "不能撤销" in asked[-1] and panel.quarantine_model.rowCount() == 2  # declined: nothing changed
    with qtbot.waitSignal(screen._bus.changed, timeout=5000):
        select_and_click("forged", panel.discard_row_button, QMessageBox.StandardButton.Yes)
    assert panel.quarantine_model.rowCount() == 1 and "已丢弃" in screen.summary_label.text()
    parcel_id = panel.quarantine_model.index(0, 3).data()
    with qtbot.waitSignal(screen._bus.changed, timeout=5000):
        select_and_click(parcel_id, panel.release_row_button, QMessageBox.StandardButton.Yes)
    assert "已放行" in screen.summary_label.text() and panel.quarantine_model.rowCount() == 0
    assert pair.township.conn.execute("SELECT name FROM parcels").fetchall() == [("后山林地",)]
    assert not panel.release_row_button.isEnabled() and not panel.discard_row_button.isEnabled()


def test_peer_audit_entries_shown_read_only_and_filtered_by_peer(qtbot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                                 pair: Pair, monkeypatch) -> None:
    write_notes(pair.village, 2)
    screen = _screen(qtbot, pair.township)
    panel = screen.peer_audit_panel
    assert panel.model.rowCount() == 0 and screen.tabs.tabText(1) == "对方的操作记录"
    _import(qtbot, screen, export(pair.village, pair.stick), monkeypatch)
    assert panel.model.rowCount() > 0
    columns = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    assert columns == ["时间", "对方", "操作人", "操作", "对象", "内容"]
    first = {name: panel.model.index(0, c).data() for c, name in enumerate(columns)}
    assert first["对方"] == f"德化乡青石村（{pair.village.node_id}）"
    assert not (panel.model.flags(panel.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    everything = panel.model.rowCount()
    assert [panel.peer_combo.itemText(i) for i in range(panel.peer_combo.count())][0] == "全部"
    panel.peer_combo.set_current_value(pair.village.node_id)
    assert panel.model.rowCount() == everything
    other = make_node(pair.township.path.parent.parent / "other" / "o.sqlite3", Mode.VILLAGE, "白石村")
    trust_peer(pair.township, my_identity(other))  # a second village, nothing received from it yet
    panel.reload()
    panel.peer_combo.set_current_value(other.node_id)
    assert panel.model.rowCount() == 0
    panel.peer_combo.setCurrentIndex(0)
    assert panel.model.rowCount() == everything
    qtmodeltester.check(panel.model)


def test_peer_audit_read_a_page_at_a_time_as_the_view_scrolls(qtbot, qtmodeltester,  # type: ignore[no-untyped-def]
                                                               pair: Pair) -> None:
    from models.core.changes import Changed, Entity
    from storage.sync.audit_trail import peer_audit
    from tests.sync.conftest import received_audit
    from ui.sync.review_models import PAGE

    received_audit(pair.township, ("V-甲村", "V-乙村"), 230)  # 460 entries: two pages and a part
    screen = _screen(qtbot, pair.township)
    model = screen.peer_audit_panel.model
    assert model.rowCount() == PAGE and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert [model.row_at(row) for row in range(model.rowCount())] == peer_audit(pair.township)  # the old reading
    screen._bus.changed.emit(Changed(Entity.SYNC))  # a reload reads the newest page again
    assert model.rowCount() == PAGE
    model.set_origin("V-乙村")
    while model.canFetchMore():
        model.fetchMore()
    assert [model.row_at(row) for row in range(model.rowCount())] == peer_audit(pair.township, "V-乙村")
    qtmodeltester.check(model)
