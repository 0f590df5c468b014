"""The 打印 tab of 群众说事: the month's three lists for the board, or the wall chart, previewed before printing.

The data are gathered on the GUI thread (through the session's stores), the PDF laid out on a worker thread."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.core.errors import DomainError
from ui.core.background import run_in_background
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.job_printer import render_with_fonts
from ui.widgets.pdf_preview import PdfPreview

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob

LISTS, CHART = "lists", "chart"
MakeJob = Callable[[str, str], "PrintJob"]  # (product, month such as 2026-11) -> the job


class MattersPrintTab(QWidget):
    """Choose 三张清单 (a month) or 挂图作战, 生成预览, then save or print from the preview."""

    def __init__(self, make_job: MakeJob) -> None:
        super().__init__()
        self._make_job = make_job
        self.product_combo: ChoiceCombo[str] = ChoiceCombo()
        self.product_combo.add_choices(((self.tr("问题、交办、销号清单（当月，张贴用）"), LISTS),
                                        (self.tr("挂图作战（未销号事项，A3）"), CHART)))
        self.month_edit = QLineEdit(date.today().strftime("%Y-%m"))
        self.month_edit.setMaximumWidth(90)
        self.render_button = QPushButton(self.tr("生成预览"))
        self.preview = PdfPreview()
        row = QHBoxLayout()
        row.addWidget(self.product_combo, 1)
        row.addWidget(self.month_edit)
        row.addWidget(self.render_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        self.product_combo.value_changed.connect(lambda value: self.month_edit.setEnabled(value == LISTS))
        self.render_button.clicked.connect(self._on_render_button_clicked)

    def _on_render_button_clicked(self) -> None:
        try:
            job = self._make_job(self.product_combo.current_value() or LISTS, self.month_edit.text().strip())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("无法生成"), error.message)
            return
        self.render_button.setEnabled(False)
        self.preview.show_status(self.tr("正在排版……"))

        run_in_background(lambda: render_with_fonts(job), lambda data: self._on_rendered(job, data), self._on_render_failed, self)

    def _on_rendered(self, job: PrintJob, data: bytes) -> None:
        self.render_button.setEnabled(True)
        self.preview.show_pdf(data, f"{job.title}.pdf", f"预览：{job.title}（校验码 {job.fingerprint}）")

    def _on_render_failed(self, error: Exception) -> None:
        self.render_button.setEnabled(True)
        self.preview.show_status(self.tr("生成失败。"))
        QMessageBox.warning(self, self.tr("无法生成"), error.message if isinstance(error, DomainError)
                            else f"生成 PDF 时出错：{error}")
