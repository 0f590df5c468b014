"""核对打印件: a code typed from a paper copy says document, version, print date and whether it still stands."""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from models.core.accounts import Actor
from models.core.print_log import PrintedCopy, RefKind
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.rules.store import SqliteRulebookStore
from tests.storage.workflow_setup import rulebook_in_force
from ui.printing.screen import PrintCenterScreen
from ui.printing.verify_dialog import VerifyDialog
from ui.core.bus import DataBus

LEFT = Qt.MouseButton.LeftButton


def _check(qtbot, dialog: VerifyDialog, code: str) -> str:
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, code)  # ASCII only
    qtbot.mouseClick(dialog.check_button, LEFT)
    return dialog.result_label.text()


def test_current_superseded_and_unknown_codes(qtbot, village_db: Database, admin: Actor) -> None:
    stores = build_stores(village_db, admin)
    rulebook_id = rulebook_in_force(village_db, admin)
    version = stores.rules.load_version(rulebook_id, 1)
    stores.print_log.log_print(PrintedCopy("AB12-CD34", "rules-poster", "《青石村村规民约》", "第1版",
                                           date(2026, 3, 1), RefKind.RULE_VERSION, rulebook_id, version.id))
    dialog = VerifyDialog(stores)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_edit, "ab12-cd34")
    qtbot.mouseClick(dialog.check_button, LEFT)
    assert dialog.result_label.text() == "校验码 AB12-CD34：《青石村村规民约》（第1版），2026-03-01 打印，现行有效"
    rules = SqliteRulebookStore(village_db, admin)
    rules.new_version(rulebook_id)
    rules.put_in_force(rulebook_id, 2, "2026-06-01")
    assert "已被新版本取代（请换贴现行版本）" in _check(qtbot, dialog, "AB12-CD34")
    assert _check(qtbot, dialog, "0000-0000").startswith("未找到校验码 0000-0000")


def test_the_print_centre_opens_it(qtbot, village_db: Database, admin: Actor,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[VerifyDialog] = []
    monkeypatch.setattr(VerifyDialog, "exec", lambda self: opened.append(self) or 0)
    screen = PrintCenterScreen(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(screen)
    qtbot.mouseClick(screen.verify_button, LEFT)
    assert len(opened) == 1 and opened[0].windowTitle() == "核对打印件"


def _page_png(pdf: Path, target: Path) -> Path:
    """Page 1 of a printed PDF as a 150-dpi picture (what a phone photo of the page gives the decoder)."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(target.with_suffix(""))], check=True)
    return target


def test_the_code_is_read_from_a_photo_of_the_pages_qr(qtbot, village_db: Database, admin: Actor, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers import run_json
    from ui.printing import verify_dialog

    rulebook_id = rulebook_in_force(village_db, admin)
    assert village_db.path is not None
    code, printed = run_json(village_db.path, "print", "rules", rulebook_id, "--qr", "--out", str(tmp_path / "r.pdf"))
    assert code == 0
    photo = _page_png(tmp_path / "r.pdf", tmp_path / "page.png")
    dialog = VerifyDialog(build_stores(village_db, admin))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(verify_dialog, "choose_photo", lambda parent: photo)
    qtbot.mouseClick(dialog.photo_button, LEFT)
    assert dialog.code_edit.text() == printed["fingerprint"]
    assert dialog.result_label.text().startswith(f"校验码 {printed['fingerprint']}：《青石村村规民约》（第1版）")
    assert dialog.result_label.text().endswith("现行有效")
    other = tmp_path / "other.png"
    segno.make("https://example.com", error="m").save(str(other), scale=8)
    monkeypatch.setattr(verify_dialog, "choose_photo", lambda parent: other)
    qtbot.mouseClick(dialog.photo_button, LEFT)
    assert "不是本系统打印件上的二维码" in dialog.result_label.text()
    blank = tmp_path / "blank.png"
    QImage(200, 200, QImage.Format.Format_RGB32).save(str(blank))
    monkeypatch.setattr(verify_dialog, "choose_photo", lambda parent: blank)
    qtbot.mouseClick(dialog.photo_button, LEFT)
    assert "没有找到可识别的二维码" in dialog.result_label.text() and "直接输入页脚的校验码" in dialog.result_label.text()
