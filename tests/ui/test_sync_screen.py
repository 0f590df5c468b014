"""The 同步 screen: drives appear by polling, export to the stick, import on the other side, peers listed."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.changes import Entity
from storage.sync.service import SqliteSyncService
from tests.sync.conftest import Pair, notes, pair, write_notes  # noqa: F401 (fixture)
from ui.core.bus import DataBus
from ui.sync import screen as screen_module
from ui.sync.dialogs import Drive
from ui.sync.screen import SyncScreen
from ui.sync.table_model import PeerTableModel
from storage.core.backend import township_returns




def _screen(qtbot, db, drives: list[Drive]) -> SyncScreen:  # type: ignore[no-untyped-def]
    widget = SyncScreen(SqliteSyncService(db, COMMAND_LINE_ACTOR, township_returns), DataBus(), lambda: list(drives))
    qtbot.addWidget(widget)
    return widget


def test_export_to_stick_then_import_on_the_township(qtbot, pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_notes(pair.village, 2)
    drives: list[Drive] = []
    village = _screen(qtbot, pair.village, drives)
    village.show()
    village.drive_timer.setInterval(100)  # the real 1.5 s poll, shortened for the test
    assert not village.export_button.isEnabled()
    drives.append(Drive(pair.stick, "U盘", 8 * 1024 ** 3))  # the clerk plugs the stick in
    qtbot.waitUntil(lambda: village.drive_combo.count() == 1, timeout=4000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(village.export_button, screen_module.Qt.MouseButton.LeftButton)
    assert village.busy and not village.import_button.isEnabled()  # running on a worker thread
    qtbot.waitUntil(lambda: "可以安全拔出" in village.summary_label.text(), timeout=10000)
    assert not village.busy and village.import_button.isEnabled()
    bundle = next(pair.stick.glob("*.xybundle"))
    township = _screen(qtbot, pair.township, [])
    monkeypatch.setattr(screen_module, "choose_bundle", lambda parent: bundle)
    with qtbot.waitSignal(township._bus.changed, timeout=10000) as heard:
        qtbot.mouseClick(township.import_button, screen_module.Qt.MouseButton.LeftButton)
        assert township.busy
    assert "写入 3 条" in township.summary_label.text()
    changed = heard.args[0]  # what the import touched, not a bare "something synced"
    assert changed.entity == Entity.SYNC_STATE and {p.entity for p in changed.parts()} == {
        Entity.SYNC_STATE, Entity.PROFILE, Entity.SYNC}  # the profile, and the test's own notes table
    assert notes(pair.township) == notes(pair.village)
    assert township.peers_model.rowCount() == 1


def test_refused_bundle_shows_a_warning_and_changes_nothing(qtbot, pair: Pair, monkeypatch,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    bad = tmp_path / "bad.xybundle"
    bad.write_bytes(b"XYB1" + b"\x00" * 10)
    township = _screen(qtbot, pair.township, [])
    warnings: list[str] = []
    monkeypatch.setattr(screen_module, "choose_bundle", lambda parent: bad)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    qtbot.mouseClick(township.import_button, screen_module.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "同步包" in warnings[0] and not township.busy
    assert notes(pair.township) == []


def test_identity_and_peer_model(qtbot, qtmodeltester, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    widget = _screen(qtbot, pair.village, [])
    service = SqliteSyncService(pair.village, COMMAND_LINE_ACTOR, township_returns)
    assert widget.fingerprint_label.text() == service.identity().fingerprint
    model = PeerTableModel(service)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.headerData(2, screen_module.Qt.Orientation.Horizontal) == "指纹"


def test_public_key_qr_code_is_shown(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    widget = _screen(qtbot, pair.village, [])
    pixmap = widget.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 80


def test_screen_fits_a_laptop_display_with_the_qr_code_whole(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    """The QR code under the fingerprint made the screen ~840 px high: the window grew off a 768-px display."""
    widget = _screen(qtbot, pair.village, [])
    assert widget.minimumSizeHint().height() <= 720
    assert widget.qr_label.minimumSize() == widget.qr_label.pixmap().size()  # never clipped: it must scan


def test_export_and_import_jobs_run_on_their_own_connection(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    """The job runs on a worker thread; the store's own connection is never used there."""
    import threading

    from ui.core.background import run_in_background

    write_notes(pair.village, 1)
    job = SqliteSyncService(pair.village, COMMAND_LINE_ACTOR, township_returns).export_job(pair.stick)
    seen: dict[str, object] = {}

    def work():  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread()
        return job()

    run_in_background(work, lambda result: seen.setdefault("result", result))
    qtbot.waitUntil(lambda: "result" in seen, timeout=10000)
    assert seen["thread"] is not threading.main_thread()
    bundle = Path(seen["result"].file)  # type: ignore[attr-defined]
    imported = SqliteSyncService(pair.township, COMMAND_LINE_ACTOR, township_returns).import_job(bundle)()
    assert imported.applied == 2 and notes(pair.township) == notes(pair.village)


def test_revoking_a_peer_asks_for_a_reason_and_a_confirmation(qtbot, pair: Pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 10: the confirmed button; refusing the confirmation revokes nothing."""
    from PySide6.QtWidgets import QInputDialog

    from storage.sync.revocation import revoked
    township = _screen(qtbot, pair.township, [])
    township.peers_view.selectRow(0)
    from ui.sync.table_model import PEER_ROLE
    fingerprint = township.peers_model.rowCount() and township.peers_view.selectionModel().selectedRows()[0].data(
        PEER_ROLE).fingerprint
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("电脑被盗", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(township.revoke_button, screen_module.Qt.MouseButton.LeftButton)
    assert revoked(pair.township, fingerprint) is None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(township.revoke_button, screen_module.Qt.MouseButton.LeftButton)
    assert revoked(pair.township, fingerprint).reason == "电脑被盗"
    assert "已吊销" in township.summary_label.text()
