"""Printing from the preview: the print dialog's pages, copies and two-sided setting are honoured; the job runs off
the GUI thread (the window stays responsive) and can be cancelled; an A3 page goes onto A4 tiled or shrunk; a CUPS
printer gets the PDF itself. Printed to Qt's PDF printer and read back (pages, paper, what is on each page)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QElapsedTimer, QSize, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen import canvas

from ui.widgets import pdf_preview
from ui.widgets.pdf_preview import PdfPreview
from ui.widgets.print_dialogs import PaperChoice, PrintDialog
from ui.widgets.print_plan import PrintPlan, cups_command, is_a3
from ui.widgets.print_run import send_to_cups
from tests.ui.modal import answer_next_box

A3_LANDSCAPE = landscape(A3)


def _bars_pdf(pages: int, size: tuple[float, float] = A4) -> bytes:
    """Page n is black over its top n/(pages+1): what came out of the printer shows which page it was."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=size)
    width, height = size
    for number in range(1, pages + 1):
        share = number / (pages + 1)
        sheet.rect(0, height * (1 - share), width, height * share, stroke=0, fill=1)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _black_shares(path: Path) -> list[float]:
    """For each printed page, the share of its height that is black (read down the middle)."""
    document = QPdfDocument()
    assert document.load(str(path)) is QPdfDocument.Error.None_
    shares = []
    for page in range(document.pageCount()):
        image = document.render(page, QSize(20, 200))
        colours = [QColor.fromRgba(image.pixel(10, y)) for y in range(200)]
        dark = sum(c.alpha() > 128 and c.lightness() < 128 for c in colours)  # no paint is white paper
        shares.append(round(dark / 200, 1))
    document.close()
    return shares


def _to_pdf_printer(monkeypatch: pytest.MonkeyPatch, target: Path, pages: tuple[int, int] | None = None,
                    copies: int = 1, collate: bool = True, duplex: bool = False, dpi: int = 96) -> None:
    """Answer the print dialog: the PDF printer, a page range, copies, two-sided (96 dpi keeps the test quick)."""
    def answer(cls: type, parent: object, printer: QPrinter, count: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(dpi)
        if pages is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        printer.setCopyCount(copies)
        printer.setCollateCopies(collate)
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone)
        return True
    monkeypatch.setattr(PrintDialog, "ask", classmethod(answer))


@pytest.fixture
def preview(qtbot) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _print(qtbot, preview: PdfPreview, data: bytes) -> None:
    preview.show_pdf(data, "测试.pdf", "预览")
    preview.print_button.click()
    qtbot.waitUntil(lambda: not preview.printing, timeout=60_000)


def test_pages_two_to_three_of_five_come_out_as_two_pages(qtbot, preview: PdfPreview, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "printed.pdf"
    _to_pdf_printer(monkeypatch, target, pages=(2, 3))
    _print(qtbot, preview, _bars_pdf(5))
    assert len(pypdf.PdfReader(target).pages) == 2
    assert _black_shares(target) == [0.3, 0.5]  # pages 2 and 3 (2/6 and 3/6 black)
    assert "已送往打印机" in preview.status_label.text() and preview.progress_bar.isHidden()


def test_copies_collated_or_not(qtbot, preview: PdfPreview, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    uncollated = tmp_path / "uncollated.pdf"
    _to_pdf_printer(monkeypatch, uncollated, pages=(2, 3), copies=2, collate=False)
    _print(qtbot, preview, _bars_pdf(5))
    assert _black_shares(uncollated) == [0.3, 0.3, 0.5, 0.5]
    collated = tmp_path / "collated.pdf"
    _to_pdf_printer(monkeypatch, collated, pages=(1, 3), copies=2, duplex=True)  # a PDF file has no two sides
    _print(qtbot, preview, _bars_pdf(5))
    assert _black_shares(collated) == [0.2, 0.3, 0.5, 0.2, 0.3, 0.5]


def test_sheets_of_a_plan() -> None:
    """Two-sided copies made by us: a copy of an odd number of pages ends on a blank back, so the next starts on a
    sheet of its own."""
    assert PrintPlan((0, 1), copies=2).sheets() == [0, 1, 0, 1]
    assert PrintPlan((4,), copies=3, duplex=True).sheets() == [4, None, 4, None, 4]
    assert PrintPlan((0, 1), copies=2, duplex=True).sheets() == [0, 1, 0, 1]


def _opinion_forms() -> bytes:
    from printing.core import fonts
    from printing.workflow.opinion_forms_pdf import OpinionForms, form_serial, render_opinion_forms_pdf

    fonts.require_fonts(allow_last_resort=True)
    households = tuple((form_serial(2026, f"{n:04d}"), f"{n:04d}", "王秀英") for n in range(1, 151))
    return render_opinion_forms_pdf(OpinionForms("青石村村规民约", 2, households))


def test_printing_150_forms_keeps_the_window_responsive_and_can_be_cancelled(qtbot, preview: PdfPreview,
                                                                            tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    forms = _opinion_forms()
    whole = tmp_path / "forms.pdf"
    _to_pdf_printer(monkeypatch, whole)
    gaps: list[int] = []
    clock, timer = QElapsedTimer(), QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    preview.show_pdf(forms, "意见征求表.pdf", "预览")
    pages = preview.document.pageCount()
    clock.start()
    timer.start()
    preview.print_button.click()
    assert preview.printing and not preview.cancel_button.isHidden()  # the click returned while the job runs
    qtbot.waitUntil(lambda: not preview.printing, timeout=120_000)
    timer.stop()
    assert len(pypdf.PdfReader(whole).pages) == pages == 75
    assert len(gaps) >= 10 and max(gaps[1:]) < 100, gaps  # the event loop never waited 100 ms

    cancelled = tmp_path / "cancelled.pdf"
    _to_pdf_printer(monkeypatch, cancelled)
    preview.print_button.click()
    qtbot.waitUntil(lambda: preview.progress_bar.value() >= 3, timeout=60_000)
    preview.cancel_button.click()
    qtbot.waitUntil(lambda: not preview.printing, timeout=60_000)
    assert "已取消打印" in preview.status_label.text() and "已送往" not in preview.status_label.text()
    printed = len(pypdf.PdfReader(cancelled).pages) if cancelled.exists() and cancelled.stat().st_size else 0
    assert printed < pages
    assert preview.print_button.isEnabled() and preview.cancel_button.isHidden()


@pytest.mark.parametrize(("button", "sizes"), [("拼贴到两张 A4", [(210, 297)] * 4),
                                               ("缩小到一张 A4", [(297, 210)] * 2)])
def test_an_a3_poster_on_a_printer_without_a3_is_tiled_or_shrunk_onto_a4(qtbot, preview: PdfPreview,
                                                                         tmp_path: Path, button: str,
                                                                         sizes: list[tuple[int, int]],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The real warning box is answered by its button; tiled, an A3 landscape page is two A4 portrait sheets."""
    monkeypatch.setattr(pdf_preview, "lacks_a3", lambda printer: True)  # the office printer takes A4 only
    target = tmp_path / "poster.pdf"
    _to_pdf_printer(monkeypatch, target)
    seen = answer_next_box(button)
    _print(qtbot, preview, _bars_pdf(2, A3_LANDSCAPE))
    assert seen.title == "打印机没有 A3 纸" and "拼贴" in seen.text and "不打印" in seen.buttons
    reader = pypdf.PdfReader(target)
    assert [(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
            for p in reader.pages] == sizes


def test_not_printing_an_a3_poster_leaves_nothing(qtbot, preview: PdfPreview, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_preview, "lacks_a3", lambda printer: True)
    target = tmp_path / "poster.pdf"
    _to_pdf_printer(monkeypatch, target)
    seen = answer_next_box("不打印")
    _print(qtbot, preview, _bars_pdf(1, A3_LANDSCAPE))
    assert seen.opened and not target.exists() and "已送往" not in preview.status_label.text()


def test_an_a3_poster_on_a_pdf_file_is_not_questioned(qtbot, preview: PdfPreview, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PaperChoice, "ask", classmethod(lambda cls, parent, name: pytest.fail("asked")))
    target = tmp_path / "poster.pdf"
    _to_pdf_printer(monkeypatch, target)
    _print(qtbot, preview, _bars_pdf(1, A3_LANDSCAPE))
    assert len(pypdf.PdfReader(target).pages) == 1
    assert is_a3(preview.document.pagePointSize(0)) and not is_a3(QPdfDocument().pagePointSize(0))


class _CupsPrinter:
    """What cups_command reads of a QPrinter set to a CUPS printer (this machine has none)."""

    def printerName(self) -> str:  # noqa: N802 - Qt's name
        return "Office"

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat

    def duplex(self) -> QPrinter.DuplexMode:
        return QPrinter.DuplexMode.DuplexLongSide

    def copyCount(self) -> int:  # noqa: N802
        return 2

    def collateCopies(self) -> bool:  # noqa: N802
        return True


@pytest.mark.skipif(os.name == "nt", reason="CUPS is not on Windows")
def test_a_cups_printer_gets_the_pdf_itself_with_pages_copies_and_sides(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    log, received = tmp_path / "lp.args", tmp_path / "lp.pdf"
    lp = tmp_path / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > {log}\ncat > {received}\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    command = cups_command(_CupsPrinter(), PrintPlan((1, 2)), "测试")  # type: ignore[arg-type]
    assert command is not None and command[0] == str(lp)
    data = _bars_pdf(5)
    send_to_cups(command, data)
    assert log.read_text().split() == ["-d", "Office", "-t", "测试", "-n", "2", "-o", "collate=true", "-o",
                                       "sides=two-sided-long-edge", "-o", "page-ranges=2,3", "-"]
    assert received.read_bytes() == data  # the PDF as drawn: no picture of it
    assert cups_command(_CupsPrinter(), PrintPlan((0,), tile=True), "测试") is None  # type: ignore[arg-type]
