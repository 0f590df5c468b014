"""Where to save a PDF, and the system print dialog (each behind an `ask` for tests); 打印中心 and the lists' prints."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


class SavePdfDialog:
    """Asks where to save the PDF."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, "另存为 PDF", suggested, "PDF 文件 (*.pdf)")
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


class PrintDialog:
    """The system print dialog: printer, paper, copies."""

    @classmethod
    def ask(cls, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("打印")
        return dialog.exec() == QDialog.DialogCode.Accepted
