"""The PDF preview (QtPdf's QPdfView) with save, open-in-viewer and print (the dialog's pages, copies and sides, off
the GUI thread with progress and cancel: ui/widgets/print_run.py), and `write_file`."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget

from models.core.file_errors import file_error_message
from ui.widgets.print_dialogs import PaperChoice, PrintDialog, SavePdfDialog
from ui.widgets.print_plan import is_a3, lacks_a3, plan_for
from ui.widgets.print_run import PrintRun
from ui.widgets.save_file import write_file as write_file  # where the other screens import it from

POLL_MS = 50  # how often the GUI thread looks at a running print (no signal crosses from the worker)


def prepare_printer(document: QPdfDocument) -> QPrinter:
    """A high-resolution printer set to the document's paper and orientation."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    if document.pageCount():
        points = document.pagePointSize(0)
        landscape = points.width() > points.height()
        portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
        printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
    return printer


class PdfPreview(QWidget):
    """Shows the PDF that will be printed — the PDF is the one source of what is printed. `delivered` is emitted
    when a copy leaves the preview (saved, opened in the system reader, sent to the printer), so the screen can
    register it in the print log."""

    delivered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._name = "打印.pdf"
        self._buffer: QBuffer | None = None
        self._run: PrintRun | None = None
        self._target = ""  # the printer or file of the running print, for the status line
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._build_ui()
        self._connect_signals()
        self._set_ready(False)

    def _build_ui(self) -> None:
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status_label = QLabel("还没有生成预览。填好左边的内容后点“生成预览”。")
        self.save_button = QPushButton("另存为 PDF…")
        self.open_button = QPushButton("用系统阅读器打开")
        self.print_button = QPushButton("打印…")
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat("已送出 %v / %m 页")
        self.cancel_button = QPushButton("取消打印")
        buttons, progress = QHBoxLayout(), QHBoxLayout()
        for button in (self.save_button, self.open_button, self.print_button, self.cancel_button):
            button.setMinimumHeight(36)
        for button in (self.save_button, self.open_button, self.print_button):
            buttons.addWidget(button)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        for widget in (self.progress_bar, self.cancel_button):  # the page view keeps its size while printing:
            policy = widget.sizePolicy()                       # resized, it would render every page again
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self._show_printing(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pdf_view, 1)
        layout.addLayout(progress)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self._poll.timeout.connect(self._on_poll_timeout)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.save_button, self.open_button):
            button.setEnabled(ready)
        self.print_button.setEnabled(ready and self._run is None)

    def show_pdf(self, data: bytes, name: str, status: str) -> None:
        """Load new PDF bytes into the view."""
        self.document.close()
        self._data, self._name = data, name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.status_label.setText(status)
        self._set_ready(self.document.pageCount() > 0)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _on_save_button_clicked(self) -> None:
        path = SavePdfDialog.ask(self, self._name)
        if path is None:
            return
        try:
            write_file(path, self._data)
        except OSError as error:
            QMessageBox.warning(self, "保存失败", file_error_message(error) or f"无法保存到 {path}：{error.strerror or error}。请换一个位置。")
            return
        self.status_label.setText(f"已保存：{path}")
        self.delivered.emit()

    def _on_open_button_clicked(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="xiangyue-print-"))
        path = folder / self._name
        write_file(path, self._data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, "无法打开", f"本机没有可以打开 PDF 的程序。文件已保存在 {path}。")
        self.delivered.emit()

    def _show_printing(self, printing: bool) -> None:
        self.progress_bar.setVisible(printing)
        self.cancel_button.setVisible(printing)
        self.cancel_button.setEnabled(printing)
        self.print_button.setEnabled(not printing and self.document.pageCount() > 0)

    @property
    def printing(self) -> bool:
        return self._run is not None

    def _on_print_button_clicked(self) -> None:
        if self._run is not None:
            return
        printer = prepare_printer(self.document)
        current = self.pdf_view.pageNavigator().currentPage()
        if not PrintDialog.ask(self, printer, self.document.pageCount()):
            return
        tile = False
        if self.document.pageCount() and is_a3(self.document.pagePointSize(0)) and lacks_a3(printer):
            choice = PaperChoice.ask(self, printer.printerName())
            if choice is None:
                return
            tile = choice == PaperChoice.TILE
            fit_a4(printer, self.document.pagePointSize(0), tile)
        plan = plan_for(printer, self.document.pageCount(), current, tile)
        if not plan.pages:
            QMessageBox.warning(self, "没有要打印的页", f"这份文件只有 {self.document.pageCount()} 页，所选页码范围里没有页。")
            return
        self._start(PrintRun(self._data, printer, plan, self._name), printer)

    def _start(self, run: PrintRun, printer: QPrinter) -> None:
        self._run, self._target = run, printer.printerName() or printer.outputFileName()
        done, total = run.progress()
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._show_printing(True)
        self.status_label.setText("正在送往打印机……可以继续做别的事。")
        self.destroyed.connect(lambda *_: run.cancel())  # the window closed mid-print: the job stops at the next sheet
        run.start()
        self._poll.start()

    def _on_cancel_button_clicked(self) -> None:
        if self._run is not None:
            self._run.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText("正在取消打印……")

    def _on_poll_timeout(self) -> None:
        run = self._run
        if run is None:
            self._poll.stop()
            return
        done, total = run.progress()
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        outcome = run.outcome()
        if outcome is None:
            return
        self._poll.stop()
        self._run = None
        self._show_printing(False)
        if outcome.kind == "failed":
            self.status_label.setText("打印没有完成。")
            QMessageBox.warning(self, "打印失败", outcome.message)
        elif outcome.kind == "cancelled":
            self.status_label.setText(f"已取消打印（取消前已处理 {outcome.sheets} 页，打印任务已撤销）。")
        else:
            self.status_label.setText(f"已送往打印机：{self._target}（{outcome.sheets} 页）")
            self.delivered.emit()


def fit_a4(printer: QPrinter, page: QSizeF, tile: bool) -> None:
    """A4 instead of A3: each half of a tiled page on its own sheet (turned across), or the whole page shrunk."""
    landscape = page.width() > page.height()
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape != tile
                               else QPageLayout.Orientation.Portrait)
