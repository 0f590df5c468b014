"""汇总与积分榜: a period's roll-up by household, group, grid or village (confirmed entries only), the deduction
share, the board printed for the display board (names only with a recorded basis, R40) and its publication (R37)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from models.core.errors import DomainError
from models.core.ports import Stores
from models.lists.entries import Period
from models.points.rollup import TallyBy
from models.points.print_sources import board_source
from ui.core.background import run_in_background
from ui.core.bus import DataBus
from ui.points.publication_box import PublicationBox
from ui.points.table_model import TallyModel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.job_printer import render_with_fonts
from ui.widgets.pdf_preview import write_file
from ui.widgets.print_dialogs import SavePdfDialog

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob


class TallyTab(QWidget):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self.publication_box = PublicationBox(stores, bus)
        self.period_edit = QLineEdit(date.today().strftime("%Y-%m"))
        self.by_combo: ChoiceCombo[TallyBy] = ChoiceCombo()
        self.by_combo.add_choices([(by.label, by) for by in TallyBy])
        self.tally_button, self.print_button = QPushButton(self.tr("汇总")), QPushButton(self.tr("打印积分榜…"))
        self.share_label, self.status = QLabel(), QLabel()
        self.share_label.setWordWrap(True)
        self.model = TallyModel()
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        form = QFormLayout()
        form.addRow(self.tr("期间（2026-03、2026-Q1 或 2026）"), self.period_edit)
        form.addRow(self.tr("汇总到"), self.by_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.tally_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.share_label)
        layout.addWidget(self.status)
        layout.addWidget(self.publication_box)
        layout.addWidget(table, 1)
        self.tally_button.clicked.connect(self.reload)
        self.period_edit.returnPressed.connect(self.reload)
        self.by_combo.currentIndexChanged.connect(self.reload)
        self.print_button.clicked.connect(self._on_print_clicked)

    def _period(self) -> Period | None:
        try:
            return Period.parse(self.period_edit.text())
        except DomainError as error:
            self.status.setText(error.message)
            return None

    def reload(self) -> None:
        period = self._period()
        if period is None:
            return
        tally = self._stores.points.tally
        self.model.set_rows(tally.tally(period, self.by_combo.current_value() or TallyBy.HOUSEHOLD))
        board = tally.board(period)
        self.share_label.setText(board.warning or self.tr("本期扣分记录占 {0}%（设定上限 {1}%）。").format(
            board.deduction_share, board.share_limit))
        self.status.setText("")
        self.publication_box.show_period(period)

    def _on_print_clicked(self) -> None:
        period = self._period()
        if period is None:
            return
        from printing.points.board_pdf import board_job  # reportlab: at the first print, not at opening

        try:
            job = board_job(board_source(self._stores, period.code, date.today()))
        except DomainError as error:
            self.status.setText(error.message)
            return
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("正在生成积分榜…"))

        run_in_background(lambda: render_with_fonts(job), lambda data: self._on_rendered(job, data), self._on_failed, self)

    def _on_rendered(self, job: PrintJob, data: bytes) -> None:
        self.print_button.setEnabled(True)
        path = SavePdfDialog.ask(self, f"{job.title}.pdf")
        if path is None:
            self.status.setText(self.tr("没有保存。"))
            return
        try:
            write_file(Path(path), data)
        except OSError as error:
            self.status.setText(self.tr("无法保存到 {0}：{1}").format(path, error.strerror or error))
            return
        self.status.setText(self.tr("已保存到 {0}（校验码 {1}）。").format(path, job.fingerprint))
        from models.disclosures.printed import PrintedNotice

        try:  # 打印即登记 (issue 23): the saved points board is a village-affairs disclosure
            changed = self._stores.publications.register_printed(
                PrintedNotice("points-board", job.title, job.fingerprint, date.today()))
        except DomainError as error:
            self.status.setText(self.tr("已保存，但未能登记公开：{0}").format(error.message))
            return
        if changed is not None:
            self._bus.changed.emit(changed)

    def _on_failed(self, error: Exception) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(error.message if isinstance(error, DomainError) else f"生成 PDF 时出错：{error}")
