"""The import preview: a file the reader is not sure of opens it; one click sets a line's role; nothing is saved
until the clerk accepts."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from models.core.accounts import COMMAND_LINE_ACTOR
from models.rules.reading import Role
from storage.core.db import Database
from storage.core.backend import SqliteStores, build_stores
from ui.rules.dialogs import ImportFileDialog
from ui.rules.files import import_rules
from ui.rules.role_preview import RolePreviewDialog


@pytest.fixture
def store(village_db: Database) -> SqliteStores:
    return build_stores(village_db, COMMAND_LINE_ACTOR)


def _click_row(qtbot, dialog: RolePreviewDialog, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = dialog.table.visualItemRect(dialog.table.item(row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_one_click_sets_the_selected_line_role_and_the_summary_follows(qtbot, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "r.txt"
    source.write_text("石桥村公约\n爱护公物\n讲卫生\n护环境\n", encoding="utf-8")
    dialog = RolePreviewDialog(None, store.rule_files.read_lines(source))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.table.item(r, 2).text() for r in range(4)] == ["标题", "条", "条", "条"]  # read as verse
    _click_row(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.role_buttons[Role.CHAPTER], Qt.MouseButton.LeftButton)
    assert dialog.table.item(1, 2).text() == "章"
    assert "将导入 2 条、1 章" in dialog.summary.text()
    _click_row(qtbot, dialog, 3)
    qtbot.mouseClick(dialog.role_buttons[Role.CLOSING], Qt.MouseButton.LeftButton)
    assert [line.role for line in dialog.lines()] == [Role.TITLE, Role.CHAPTER, Role.ARTICLE, Role.CLOSING]
    assert "落款 1 行" in dialog.summary.text()


def test_an_unsure_file_opens_the_preview_and_the_corrected_roles_are_imported(  # type: ignore[no-untyped-def]
        qtbot, store, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "r.txt"
    source.write_text("第一条 讲卫生。\n第三条 护环境。\n附：本约由村民代表会议通过\n", encoding="utf-8")
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: source))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args: QMessageBox.StandardButton.Ok))
    seen: list[list[str]] = []

    def correct() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RolePreviewDialog) and w.isVisible())
        seen.append([dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())])
        _click_row(qtbot, dialog, 2)
        qtbot.mouseClick(dialog.role_buttons[Role.CLOSING], Qt.MouseButton.LeftButton)
        dialog.accept()

    QTimer.singleShot(0, correct)
    result = import_rules(None, store, None)
    assert seen == [["条", "条", "款项"]]
    assert result is not None and result.articles == 2 and result.closing == ("附：本约由村民代表会议通过",)
    assert store.rules.load_version(result.rulebook_id).closing == ("附：本约由村民代表会议通过",)
