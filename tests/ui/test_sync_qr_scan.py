"""识别二维码图片: the QR code on one sync screen, saved as a picture, pairs the other installation."""
from __future__ import annotations

from pathlib import Path

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.errors import DomainError
from models.core.village import Mode
from storage.sync.keys import list_peers, my_identity
from storage.sync.service import SqliteSyncService
from tests.sync.conftest import make_node
from ui.core.bus import DataBus
from ui.sync import pairing as pairing_module
from ui.widgets.qr_scan import decode_qr_image
from ui.sync.screen import SyncScreen
from storage.core.backend import township_returns


def _screen(qtbot, db) -> SyncScreen:  # type: ignore[no-untyped-def]
    widget = SyncScreen(SqliteSyncService(db, COMMAND_LINE_ACTOR, township_returns), DataBus(), lambda: [])
    qtbot.addWidget(widget)
    return widget


def _photo(source: Path, target: Path) -> Path:
    """The screenshot as a phone would take it: bigger, turned a little, on a grey desk, saved as JPEG."""
    image = QImage(str(source)).scaled(700, 700).transformed(QTransform().rotate(12),
                                                             Qt.TransformationMode.SmoothTransformation)
    desk = QImage(image.width() + 200, image.height() + 200, QImage.Format.Format_RGB32)
    desk.fill(QColor(170, 170, 170))
    painter = QPainter(desk)
    painter.drawImage(100, 100, image)
    painter.end()
    desk.save(str(target), "JPG", 80)
    return target


def test_township_qr_screenshot_and_photo_pair_the_village(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    township = make_node(tmp_path / "t" / "t.sqlite3", Mode.TOWNSHIP)
    village = make_node(tmp_path / "v" / "v.sqlite3", Mode.VILLAGE)
    shot = tmp_path / "township-qr.png"
    assert _screen(qtbot, township).qr_label.pixmap().save(str(shot))
    text = SqliteSyncService(township, COMMAND_LINE_ACTOR, township_returns).public_key_text()
    assert decode_qr_image(shot) == text
    assert decode_qr_image(_photo(shot, tmp_path / "photo.jpg")) == text
    screen = _screen(qtbot, village)
    monkeypatch.setattr(pairing_module, "choose_qr_image", lambda parent: tmp_path / "photo.jpg")
    qtbot.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    fingerprint = my_identity(township).fingerprint
    assert fingerprint in screen.summary_label.text() and "逐组核对" in screen.summary_label.text()
    assert [(p.node, p.kind) for p in list_peers(village)] == [(township.node_id, "township")]
    assert screen.peers_model.rowCount() == 1


def test_pictures_without_a_key_are_refused_and_nothing_trusted(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    village = make_node(tmp_path / "v" / "v.sqlite3", Mode.VILLAGE)
    blank = QImage(400, 300, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    blank.save(str(tmp_path / "blank.png"))
    segno.make("https://example.org/不是公钥", error="m").save(str(tmp_path / "other.png"), scale=4)
    (tmp_path / "notes.png").write_text("不是图片", encoding="utf-8")
    with pytest.raises(DomainError, match="没有找到可识别的二维码"):
        decode_qr_image(tmp_path / "blank.png")
    with pytest.raises(DomainError, match="无法打开图片"):
        decode_qr_image(tmp_path / "notes.png")
    screen = _screen(qtbot, village)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    for name in ("blank.png", "other.png", "notes.png"):
        monkeypatch.setattr(pairing_module, "choose_qr_image", lambda parent, name=name: tmp_path / name)
        qtbot.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    assert "没有找到可识别的二维码" in warnings[0] and "不是乡约的公钥" in warnings[1] and "无法打开图片" in warnings[2]
    assert list_peers(village) == []
