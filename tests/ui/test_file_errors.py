"""A file that cannot be written gets a message that says what to do (issue 20), not the generic 出错了 box: an
.xlsx still open in Excel/WPS, a pulled or missing folder; the command line says the same."""
from __future__ import annotations

import errno
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.core.file_errors import file_error_message
from tests.helpers import run_cli
from tests.ui.modal import answer_next_box
from ui.core import app as app
from ui.core.bus import DataBus
from ui.registry import create_screen

CLOSE_EXCEL = "请先关闭 Excel/WPS 中打开的该文件"


def _export_to(qtbot, stores, monkeypatch, target: Path):
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr(sys, "excepthook", app._report_unexpected_error)  # what the running app installs
    return screen


def test_an_export_into_a_pulled_stick_says_what_to_do(qtbot, stores, monkeypatch, tmp_path: Path) -> None:
    screen = _export_to(qtbot, stores, monkeypatch, tmp_path / "拔出的U盘" / "花名册.xlsx")
    seen = answer_next_box("返回")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert seen.title == "文件无法写入" and "U盘可能已拔出" in seen.text and "拔出的U盘" in seen.text
    assert "意外问题" not in seen.text and seen.buttons == ["返回"]


def test_an_export_over_a_file_open_in_excel_asks_to_close_it(qtbot, stores, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "花名册.xlsx"
    screen = _export_to(qtbot, stores, monkeypatch, target)

    def locked(path: Path) -> int:  # what Windows raises while Excel holds the file open
        error = PermissionError(errno.EACCES, "Permission denied", str(path))
        error.winerror = 32  # type: ignore[attr-defined]
        raise error
    monkeypatch.setattr(screen.stores.roster, "export_roster", locked)
    seen = answer_next_box("返回")
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert seen.title == "文件无法写入" and CLOSE_EXCEL in seen.text and str(target) in seen.text


def test_the_messages_of_a_full_and_a_read_only_stick() -> None:
    assert "已满" in (file_error_message(OSError(errno.ENOSPC, "No space left", "E:/a.zip")) or "")
    assert "只读" in (file_error_message(OSError(errno.EROFS, "Read-only file system", "E:/a.zip")) or "")
    assert file_error_message(OSError(errno.EINVAL, "Invalid argument")) is None


def test_the_command_line_says_the_same(tmp_path: Path) -> None:
    db = tmp_path / "v.sqlite3"
    assert run_cli(["--db", str(db), "demo", "--households", "5"])[0] == 0
    code, _out, err = run_cli(["--db", str(db), "roster", "export", str(tmp_path / "没有" / "花名册.xlsx")])
    assert code == 2 and "U盘可能已拔出" in err
