"""Printing a PDF off the GUI thread, with progress and cancel: the PDF itself to a CUPS printer (vector, `lp`), or
its pages painted at the printer's resolution, in bands, onto the QPrinter (Windows, a PDF file, A3 tiled onto A4).

QtPdf renders pages only to images, so a painted print is a picture of each page; CUPS takes the PDF as it is, which
keeps a 285 KB PDF at its size instead of tens of megabytes of pictures (docs/printing.md, "Sending to the printer").
"""
from __future__ import annotations

import logging
import subprocess
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QRunnable, QSize, QSizeF, Qt, QThreadPool
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from ui.widgets.print_plan import PrintPlan, cups_command, render_dpi

log = logging.getLogger(__name__)
BAND_ROWS = 1024  # a page is rendered in strips of this many pixel rows: 20 MB at 600 dpi, never a whole-page picture
BREATHER = 0.003  # seconds the worker steps aside after each band: on two busy cores the window gets the CPU and GIL
TILE_OVERLAP = 0.03  # each half of a tiled page reaches 3 % past the middle, to trim and paste
NOT_READY = "无法开始打印：打印机没有响应。请检查打印机是否开机、联网后重试。"
Piece = tuple[int, QRectF | None]  # a page and the part of it (in points) on one sheet; None: the whole page


def pieces(document: QPdfDocument, plan: PrintPlan) -> list[Piece | None]:
    """What goes on each sheet: a whole page, half of one when tiling, or None (a blank back)."""
    out: list[Piece | None] = []
    for page in plan.sheets():
        if page is None or not plan.tile:
            out.append(None if page is None else (page, None))
            continue
        size = document.pagePointSize(page)
        wide = size.width() >= size.height()  # halve across the long side: A3 landscape gives two A4 portrait
        half = (size.width() if wide else size.height()) * (0.5 + TILE_OVERLAP)
        first = QRectF(0, 0, half, size.height()) if wide else QRectF(0, 0, size.width(), half)
        second = QRectF(size.width() - half, 0, half, size.height()) if wide \
            else QRectF(0, size.height() - half, size.width(), half)
        out += [(page, first), (page, second)]
    return out


def _fitted(area: QRect, size: QSizeF) -> QRect:
    """`size` scaled into `area`, aspect kept, centred across and set at the top."""
    scaled = QSize(round(size.width() * 1000), round(size.height() * 1000)).scaled(
        area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(), scaled.height())


def _on_white(band: QImage, gray: bool) -> QImage:
    """QtPdf leaves the paper transparent: set the band on white (a grey conversion would turn it black), opaque."""
    opaque = QImage(band.size(), QImage.Format.Format_RGB32)
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, band)
    painter.end()
    return opaque.convertToFormat(QImage.Format.Format_Grayscale8) if gray else opaque


def draw_piece(painter: QPainter, document: QPdfDocument, piece: Piece, dpi: int, gray: bool) -> None:
    """Render the piece at `dpi` band by band and paint each band into its place on the sheet."""
    page, region = piece
    points = document.pagePointSize(page)
    region = region or QRectF(0, 0, points.width(), points.height())
    device = painter.device()
    target = _fitted(QRect(0, 0, device.width(), device.height()), region.size())
    scale = dpi / 72
    full = QSize(round(points.width() * scale), round(points.height() * scale))
    left, top = round(region.x() * scale), round(region.y() * scale)
    width, height = round(region.width() * scale), round(region.height() * scale)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    for row in range(0, height, BAND_ROWS):
        rows = min(BAND_ROWS, height - row)
        options.setScaledClipRect(QRect(left, top + row, width, rows))
        band = _on_white(document.render(page, QSize(width, rows), options), gray)
        upper = target.y() + round(row * target.height() / height)
        lower = target.y() + round((row + rows) * target.height() / height)
        painter.drawImage(QRect(target.x(), upper, target.width(), lower - upper), band)
        time.sleep(BREATHER)


def paint(data: bytes, printer: QPrinter, plan: PrintPlan, progress: Callable[[int, int], None],
          cancelled: Callable[[], bool]) -> int:
    """Paint the plan's sheets onto `printer`; on cancel the job is aborted (the spooler drops it). Returns the
    sheets painted."""
    with tempfile.TemporaryDirectory(prefix="xiangyue-print-") as folder:
        path = Path(folder) / "print.pdf"
        path.write_bytes(data)
        document = QPdfDocument()
        if document.load(str(path)) is not QPdfDocument.Error.None_:
            raise OSError("无法读取要打印的 PDF。请重新生成预览后再打印。")
        sheets, done = pieces(document, plan), 0
        dpi, gray = render_dpi(printer), printer.colorMode() is QPrinter.ColorMode.GrayScale
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(NOT_READY)
        try:
            for piece in sheets:
                if cancelled():
                    printer.abort()
                    break
                if done:
                    printer.newPage()
                if piece is not None:
                    draw_piece(painter, document, piece, dpi, gray)
                done += 1
                progress(done, len(sheets))
        finally:
            painter.end()
            document.close()
    return done


def send_to_cups(command: list[str], data: bytes) -> None:
    """Hand the PDF to CUPS, which prints it as drawn (vector) with the dialog's pages, copies and sides."""
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OSError(f"无法把文件交给打印服务：{error}") from error
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise OSError(f"打印服务拒绝了这份文件：{message or done.returncode}")


class _Job(QRunnable):
    """Runs at the pool's normal priority: an idle-priority thread holding the GIL while the OS leaves it waiting
    behind other work would stall the window (priority inversion through the GIL)."""

    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


@dataclass(frozen=True)
class Outcome:
    """How a run ended: "finished", "cancelled" (sheets painted before the job was aborted) or "failed"."""

    kind: str
    sheets: int
    message: str = ""


class PrintRun:
    """One print job on a worker thread. The GUI thread reads `progress()` and `outcome()` from a QTimer: no Qt
    object crosses threads, so a window closed mid-print leaves nothing for the worker to call into."""

    def __init__(self, data: bytes, printer: QPrinter, plan: PrintPlan, title: str) -> None:
        self._data, self._printer, self._plan, self._title = data, printer, plan, title
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._done, self._total = 0, len(plan.sheets()) * (2 if plan.tile else 1)
        self._outcome: Outcome | None = None
        self.vector = cups_command(printer, plan, title) is not None

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Job(self._work))

    def cancel(self) -> None:
        self._stop.set()

    def progress(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total

    def outcome(self) -> Outcome | None:
        with self._lock:
            return self._outcome

    def _advance(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total

    def _end(self, outcome: Outcome) -> None:
        with self._lock:
            self._outcome = outcome

    def _work(self) -> None:
        try:
            command = cups_command(self._printer, self._plan, self._title)
            if command is not None:
                send_to_cups(command, self._data)
                sent = len(self._plan.sheets())
                self._advance(sent, sent)
            else:
                sent = paint(self._data, self._printer, self._plan, self._advance, self._stop.is_set)
        except OSError as error:
            self._end(Outcome("failed", 0, str(error)))
            return
        except Exception as error:  # reported on the GUI thread, never swallowed
            log.error("printing failed: %s", traceback.format_exc())
            self._end(Outcome("failed", 0, f"打印时出错：{error}"))
            return
        self._end(Outcome("cancelled" if self._stop.is_set() else "finished", sent))
