"""打印中心: fill in a notice, render in the background, preview it, save it, print it to a PDF printer."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from models.accounts import Actor
from storage.backend import build_stores
from storage.db import Database
from tests.helpers import type_text
from tests.printing import pdfcheck
from ui.areas import AREAS
from ui.bus import DataBus
from ui.printing.dialogs import PrintDialog, SavePdfDialog
from ui.printing.screen import PrintCenterScreen


@pytest.fixture
def screen(qtbot, village_db: Database, admin: Actor) -> PrintCenterScreen:
    area = next(a for a in AREAS if a.key == "printing")
    widget = area.load_factory()(build_stores(village_db, admin), DataBus())
    qtbot.addWidget(widget)
    return widget


def _fill(screen: PrintCenterScreen) -> None:
    type_text(screen.title_edit, "关于王堌家翻建住房的公示")
    type_text(screen.body_edit, "经村民代表会议研究，同意王堌家翻建住房。")


def _render(qtbot, screen: PrintCenterScreen) -> None:
    qtbot.mouseClick(screen.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.preview.document.pageCount() > 0, timeout=15000)


def test_defaults_come_from_the_village_profile(screen: PrintCenterScreen) -> None:
    assert screen.signer_edit.text() == "青石村村民委员会"
    assert screen.period_check.isChecked()
    assert screen.products_list.count() == 1


def test_render_preview_save_and_print(qtbot, screen: PrintCenterScreen, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(screen)
    _render(qtbot, screen)
    assert "校验码" in screen.preview.status_label.text()
    assert screen.preview.print_button.isEnabled()

    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    screen.preview.save_button.click()
    pdfcheck.assert_in_order(target.read_bytes(), ["关于王堌家翻建住房的公示", "王堌家翻建住房", "特此公示"])

    printed = tmp_path / "printed.pdf"

    def accept(cls, parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintDialog, "ask", classmethod(accept))
    screen.preview.print_button.click()
    assert printed.exists() and len(pdfcheck.reader(printed.read_bytes()).pages) == 1


def test_missing_title_is_explained(qtbot, screen: PrintCenterScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: shown.append(args[2]))
    type_text(screen.body_edit, "正文")
    screen.render_button.click()
    assert shown and "标题" in shown[0]
