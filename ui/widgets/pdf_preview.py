"""The PDF preview (QtPdf's QPdfView) with save, open-in-viewer and print (pages at 300 dpi), and `write_file`."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.core.file_errors import file_error_message
from ui.widgets.print_dialogs import PrintDialog, SavePdfDialog

PRINT_DPI = 300


def write_file(path: Path, data: bytes) -> None:
    """Write atomically (temporary name, flush, fsync, rename): a failed save never leaves half a PDF.

    The screens' one copy of storage/core/files.atomic_write: ui/ may not import storage/."""
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def print_document(document: QPdfDocument, printer: QPrinter) -> None:
    """QtPdf cannot print: render each page at 300 dpi and paint it onto the printer, full page, aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印：打印机没有响应。请检查打印机是否开机、联网后重试。")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() / 72 * PRINT_DPI),
                                                 round(points.height() / 72 * PRINT_DPI)))
            area = QRect(0, 0, painter.device().width(), painter.device().height())
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(),
                                    size.height()), image)
    finally:
        painter.end()


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
        buttons = QHBoxLayout()
        for button in (self.save_button, self.open_button, self.print_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pdf_view, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.save_button, self.open_button, self.print_button):
            button.setEnabled(ready)

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

    def _on_print_button_clicked(self) -> None:
        printer = prepare_printer(self.document)
        if not PrintDialog.ask(self, printer):
            return
        try:
            print_document(self.document, printer)
        except OSError as error:
            QMessageBox.warning(self, "打印失败", str(error))
            return
        self.status_label.setText(f"已送往打印机：{printer.printerName() or printer.outputFileName()}")
        self.delivered.emit()
