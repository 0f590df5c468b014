"""核对打印件: a code typed from a paper copy says document, version, print date and whether it still stands."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

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
