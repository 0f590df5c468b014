"""What the print dialog asked for, as a plan of sheets: the pages (range, current page), copies (collated or not), a
blank back after an odd copy when printing two-sided, and A3 tiled onto A4; and the vector route through CUPS.

Pure decisions over a QPrinter's settings (no painting): `print_run.py` carries them out off the GUI thread."""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

MAX_DPI, PDF_FILE_DPI, MIN_DPI = 600, 300, 72
A3_POINTS = QPageSize(QPageSize.PageSizeId.A3).size(QPageSize.Unit.Point)


@dataclass(frozen=True)
class PrintPlan:
    """The pages of one copy (0-based), how many copies we make ourselves, and how."""

    pages: tuple[int, ...]
    copies: int = 1
    collate: bool = True
    duplex: bool = False
    tile: bool = False  # each page halved onto two sheets (A3 onto A4)

    def sheets(self) -> list[int | None]:
        """The page printed on each successive page of paper; None is a blank back (a two-sided copy with an odd
        number of pages ends on a blank, so the next copy starts on a new sheet)."""
        if not self.collate:
            return [page for page in self.pages for _ in range(self.copies)]
        one: list[int | None] = list(self.pages)
        if self.duplex and self.copies > 1 and len(one) % 2:
            one.append(None)
        sheets: list[int | None] = []
        for copy in range(self.copies):
            sheets += one if copy < self.copies - 1 else list(self.pages)
        return sheets


def chosen_pages(printer: QPrinter, page_count: int, current: int = 0) -> tuple[int, ...]:
    """The pages (0-based, in order) the dialog chose: all, a range such as 2-3 or 1-3,5, or the current page."""
    every = tuple(range(page_count))
    mode = printer.printRange()
    if mode is QPrinter.PrintRange.CurrentPage:
        return (current,) if 0 <= current < page_count else every
    if mode is not QPrinter.PrintRange.PageRange:
        return every
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        return tuple(page for page in every if ranges.contains(page + 1))
    first, last = max(printer.fromPage(), 1), printer.toPage() or page_count
    return tuple(page for page in every if first - 1 <= page <= last - 1)


def plan_for(printer: QPrinter, page_count: int, current: int = 0, tile: bool = False) -> PrintPlan:
    """The plan for what the dialog chose. Where the driver makes the copies itself (it says so), we send one; a PDF
    file or a driver that cannot gets every copy from us, and the printer is told to make one."""
    pages = chosen_pages(printer, page_count, current)
    duplex = printer.duplex() is not QPrinter.DuplexMode.DuplexNone
    ours = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat or not printer.supportsMultipleCopies()
    copies = max(printer.copyCount(), 1)
    if not ours:
        return PrintPlan(pages, 1, True, duplex, tile)
    printer.setCopyCount(1)
    return PrintPlan(pages, copies, printer.collateCopies(), duplex, tile)


def render_dpi(printer: QPrinter) -> int:
    """The printer's own resolution, bounded: a driver's 1200 dpi would make a 140 MB picture of one A4 page."""
    ceiling = PDF_FILE_DPI if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat else MAX_DPI
    return max(MIN_DPI, min(printer.resolution(), ceiling))


def is_a3(points: QSizeF) -> bool:
    """An A3 page either way round (within a point)."""
    short, long = sorted((points.width(), points.height()))
    return abs(short - A3_POINTS.width()) < 2 and abs(long - A3_POINTS.height()) < 2


def printer_page_sizes(printer: QPrinter) -> tuple[QPageSize, ...] | None:
    """The papers the chosen printer takes; None when any size goes (a PDF file) or the driver does not say."""
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        return None
    info = QPrinterInfo(printer)
    sizes = () if info.isNull() else tuple(info.supportedPageSizes())
    return sizes or None


def lacks_a3(printer: QPrinter) -> bool:
    """The printer says which papers it takes, and A3 is not among them."""
    sizes = printer_page_sizes(printer)
    return sizes is not None and not any(size.id() is QPageSize.PageSizeId.A3 for size in sizes)


def cups_command(printer: QPrinter, plan: PrintPlan, title: str) -> list[str] | None:
    """The `lp` line that prints the PDF itself (vector, as drawn) on a CUPS printer, or None where there is no CUPS
    (Windows) or the job needs our own painting (a PDF file, tiling)."""
    lp = shutil.which("lp")
    if (sys.platform == "win32" or lp is None or plan.tile or not printer.printerName()
            or printer.outputFormat() is not QPrinter.OutputFormat.NativeFormat):
        return None
    sides = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
             QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge"}.get(printer.duplex(), "one-sided")
    copies = max(printer.copyCount(), plan.copies)
    pages = ",".join(str(page + 1) for page in plan.pages)
    return [lp, "-d", printer.printerName(), "-t", title, "-n", str(copies),
            "-o", f"collate={'true' if printer.collateCopies() else 'false'}", "-o", f"sides={sides}",
            "-o", f"page-ranges={pages}", "-"]
