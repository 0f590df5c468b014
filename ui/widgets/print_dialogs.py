"""Where to save a PDF, and the system print dialog (each behind an `ask` for tests); 打印中心 and the lists' prints."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


class SavePdfDialog:
    """Asks where to save the PDF."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, "另存为 PDF", suggested, "PDF 文件 (*.pdf)")
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


class PrintDialog:
    """The system print dialog: printer, paper, pages (all, a range, the page shown), copies, collate, two-sided."""

    @classmethod
    def ask(cls, parent: QWidget, printer: QPrinter, pages: int) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("打印")
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(option.PrintToFile | option.PrintPageRange | option.PrintCollateCopies
                          | option.PrintCurrentPage | option.PrintShowPageSize)
        dialog.setMinMax(1, max(pages, 1))
        return dialog.exec() == QDialog.DialogCode.Accepted


class PaperChoice:
    """An A3 document and a printer without A3: tile each page onto two A4 sheets, shrink it onto one, or not print."""

    TILE, SHRINK = "tile", "shrink"

    @classmethod
    def ask(cls, parent: QWidget, printer_name: str) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Warning, "打印机没有 A3 纸",
                          f"这份文件是 A3 的（张贴用），打印机“{printer_name}”不能打 A3。\n\n"
                          "拼贴：每页分成两张 A4 打印，中间重叠一点，剪齐后拼贴成 A3 大小，字号不变。\n"
                          "缩小：每页缩小到一张 A4 上，字会变小，远看不清。", QMessageBox.StandardButton.NoButton, parent)
        tile = box.addButton("拼贴到两张 A4", QMessageBox.ButtonRole.AcceptRole)
        shrink = box.addButton("缩小到一张 A4", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("不打印", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(tile)
        box.exec()
        clicked = box.clickedButton()
        return cls.TILE if clicked is tile else cls.SHRINK if clicked is shrink else None
