"""打印中心: fill in a notice, render in the background, preview it, save it, print it to a PDF printer."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from models.core.accounts import Actor
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from tests.printing import pdfcheck
from ui.core.areas import AREAS
from ui.core.bus import DataBus
from ui.widgets.print_dialogs import PrintDialog, SavePdfDialog
from printing.core.catalogue import PRODUCTS as RECORD_PRODUCTS
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
    assert screen.products_list.count() == 1 + len(RECORD_PRODUCTS) and screen.form_stack.currentIndex() == 0


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

    def accept(cls, parent, printer: QPrinter, pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintDialog, "ask", classmethod(accept))
    screen.preview.print_button.click()
    qtbot.waitUntil(lambda: not screen.preview.printing, timeout=20_000)
    assert printed.exists() and len(pdfcheck.reader(printed.read_bytes()).pages) == 1


def test_missing_title_is_explained(qtbot, screen: PrintCenterScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: shown.append(args[2]))
    type_text(screen.body_edit, "正文")
    screen.render_button.click()
    assert shown and "标题" in shown[0]


@pytest.fixture
def demo_screen(qtbot, tmp_path: Path, demo_copy: Callable[..., Database]) -> PrintCenterScreen:
    from models.core.accounts import COMMAND_LINE_ACTOR

    database = demo_copy(tmp_path / "demo.sqlite3", households=20)  # what `demo --households 20` builds
    widget = PrintCenterScreen(build_stores(database, COMMAND_LINE_ACTOR), DataBus())
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("label", "expected"), [("户代表签字表", "序号户号户主签字手印"),
                                                 ("修改对照表（最新版与上一版）", "原条文修改后条文修改理由"),
                                                 ("会议记录本页面", "主持人（签字）："),
                                                 ("村民小组花名册", "户号姓名与户主关系"),
                                                 ("爱心超市兑换凭证", "凭证编号"),
                                                 ("积分细则（张贴用，附兑换价格）", "爱心超市兑换价格"),
                                                 ("议事信息员工作日志（一人一月）", "议事信息员工作日志")])
def test_record_products_render_in_the_preview(qtbot, demo_screen: PrintCenterScreen, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, label: str, expected: str) -> None:
    screen = demo_screen
    labels = [screen.products_list.item(row).text() for row in range(screen.products_list.count())]
    screen.products_list.setCurrentRow(labels.index(label))
    assert screen.form_stack.currentIndex() == 1 and screen.item_combo.count() >= 1
    screen.item_combo.setCurrentIndex(screen.item_combo.count() - 1)
    chosen = screen.item_combo.current_value()
    screen._bus.changed.emit(None)  # another screen changed records: the list is refreshed, the choice kept
    assert screen.item_combo.current_value() == chosen
    _render(qtbot, screen)
    assert "校验码" in screen.preview.status_label.text()
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    screen.preview.save_button.click()
    assert expected in pdfcheck.text_of(target.read_bytes())
    screen.products_list.setCurrentRow(0)
    assert screen.form_stack.currentIndex() == 0


def test_draft_meeting_notice_is_refused(qtbot, demo_screen: PrintCenterScreen,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    screen = demo_screen
    labels = [screen.products_list.item(row).text() for row in range(screen.products_list.count())]
    screen.products_list.setCurrentRow(labels.index("决议公开公告"))
    drafts = [m.id for m in screen._stores.meetings.list_meetings() if m.status == "draft"]
    screen.item_combo.set_current_value(drafts[0])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    screen.render_button.click()
    assert warned and "还没有定稿" in warned[0]


@pytest.mark.parametrize(("label", "expected", "category"), [
    ("财务公开栏（某月收支明细）", "财务公开", "财务收支"),
    ("十星级文明户公示栏", "十星级文明户", "村民普遍关心的其他事项"),
    ("星级牌和荣誉证书", "星", None)])
def test_disclosure_and_star_products_print_and_public_ones_register(
        qtbot, demo_screen: PrintCenterScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, label: str,
        expected: str, category: str | None) -> None:
    """Issue 23's products are in 打印中心; saving a public board registers it as a disclosure (打印即登记), a
    household's plaque is no disclosure."""
    screen = demo_screen
    labels = [screen.products_list.item(row).text() for row in range(screen.products_list.count())]
    screen.products_list.setCurrentRow(labels.index(label))
    assert screen.item_combo.count() >= 1
    _render(qtbot, screen)
    before = {p.id for p in screen._stores.publications.publications()}
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    screen.preview.save_button.click()
    assert expected in pdfcheck.text_of(target.read_bytes())
    added = [p for p in screen._stores.publications.publications() if p.id not in before]
    assert [p.category for p in added] == ([category] if category else [])
    assert all(p.note.startswith("打印登记") for p in added)


def test_the_points_board_of_last_month_renders_from_its_period_choice(qtbot, demo_screen: PrintCenterScreen,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    screen = demo_screen
    labels = [screen.products_list.item(row).text() for row in range(screen.products_list.count())]
    screen.products_list.setCurrentRow(labels.index("积分榜（按期排名，张贴公示）"))
    assert screen.item_label.text() == "积分周期："
    newest = screen._stores.points.tally.scored_months()[0]  # the choices are the months holding confirmed points
    assert screen.item_combo.current_value() == newest
    _render(qtbot, screen)
    target = tmp_path / "board.pdf"
    monkeypatch.setattr(SavePdfDialog, "ask", classmethod(lambda cls, parent, name: target))
    screen.preview.save_button.click()
    assert f"{newest[:4]}年{int(newest[5:])}月积分榜" in pdfcheck.text_of(target.read_bytes())
