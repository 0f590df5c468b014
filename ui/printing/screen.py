"""打印中心: choose a printable product, fill it in, render it in the background, preview, save and print."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.core.ports import Stores
from models.core.print_log import register_copy
from models.core.notices import Notice, NoticeKind, paragraphs_from_text, publicity_period
from printing.core import fonts as fonts
from printing.core.catalogue import PRODUCTS as RECORD_PRODUCTS, PrintJob, Product
from printing.core.notice_pdf import NoticeOptions, notice_fingerprint, render_notice_pdf
from ui.core.background import run_in_background
from ui.core.bus import DataBus
from ui.printing.items import ITEM_LABELS, record_items
from ui.widgets.pdf_preview import PdfPreview
from ui.widgets.choice_combo import ChoiceCombo

# The generic notice (a form), then the products of stored records (printing/core/catalogue.py).
PRODUCTS = (("notice", "通用公示 / 公告 / 通知"), *((p.key, p.label) for p in RECORD_PRODUCTS))
PAPERS = (("A4 公文版式（GB/T 9704）", "A4", False), ("A3 张贴大字版", "A3", True))


@dataclass(frozen=True)
class _Shown:
    """The job in the preview and what it is of: the product key, its record's kind and id (print log)."""

    key: str
    item_kind: str
    item_id: str
    job: PrintJob


class _Progress(QObject):
    """Carries page progress from the rendering thread to the GUI thread (queued signal)."""

    page_done = Signal(int)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PrintCenterScreen(QWidget):
    """打印中心 — the printable products and a preview of the PDF itself."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._bus = stores, bus
        self._progress: _Progress | None = None
        self._shown: _Shown | None = None  # what the preview holds, registered when a copy leaves it
        self._build_ui()
        self._connect_signals()
        self._fill_defaults()

    def _build_ui(self) -> None:
        self.products_list = QListWidget()
        for _, label in PRODUCTS:
            self.products_list.addItem(label)
        self.products_list.setCurrentRow(0)
        self.products_list.setMaximumWidth(240)
        self.products_list.setSpacing(3)
        self.font_label = QLabel()
        self.font_label.setWordWrap(True)
        self.preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(self.products_list)
        self.form_stack = QStackedWidget()
        self.form_stack.addWidget(self._build_form())
        self.form_stack.addWidget(self._build_record_form())
        self.render_button = QPushButton("生成预览")
        self.render_button.setMinimumHeight(36)
        self.verify_button = QPushButton("核对打印件…")
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(self.form_stack, 1)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(self.render_button)
        column.addLayout(row)
        splitter.addWidget(panel)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.font_label)
        layout.addWidget(splitter, 1)

    def _build_form(self) -> QWidget:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("关于……的公示")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText("每行一段。以“一、”“（一）”开头的行按标题层级排版。")
        self.period_check = QCheckBox("写明公示期（公示必须写明）")
        self.start_edit, self.end_edit, self.signed_edit = QDateEdit(), QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit, self.signed_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy年M月d日")
        self.signer_edit = QLineEdit()
        self.paper_combo = QComboBox()
        for label, _, _ in PAPERS:
            self.paper_combo.addItem(label)
        self.qr_check = QCheckBox("页脚加印校验码二维码")
        form = QFormLayout()
        for label, widget in (("标题：", self.title_edit), ("正文：", self.body_edit), ("", self.period_check),
                              ("公示开始：", self.start_edit), ("公示结束：", self.end_edit),
                              ("落款：", self.signer_edit), ("成文日期：", self.signed_edit),
                              ("纸张：", self.paper_combo), ("", self.qr_check)):
            form.addRow(label, widget)
        panel = QWidget()
        panel.setLayout(form)
        return panel

    def _build_record_form(self) -> QWidget:
        """Products of stored records: choose the rulebook or meeting; the rest comes from the record."""
        self.item_label = QLabel()
        self.item_combo: ChoiceCombo[str] = ChoiceCombo()
        self.item_combo.setMinimumWidth(260)
        self.record_hint = QLabel()
        self.record_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.item_label, self.item_combo)
        form.addRow("", self.record_hint)
        panel = QWidget()
        panel.setLayout(form)
        return panel

    def _connect_signals(self) -> None:
        self.products_list.currentRowChanged.connect(self._on_products_list_current_row_changed)
        self.render_button.clicked.connect(self._on_render_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.preview.delivered.connect(self._on_preview_delivered)
        self._bus.changed.connect(self._on_bus_changed)
        self.title_edit.textEdited.connect(self._on_title_edit_text_edited)
        self.period_check.toggled.connect(self._on_period_check_toggled)
        self.start_edit.dateChanged.connect(self._on_start_edit_date_changed)

    def _fill_defaults(self) -> None:
        today = date.today()
        self.signed_edit.setDate(_qdate(today))
        self.start_edit.setDate(_qdate(today))
        self.end_edit.setDate(_qdate(publicity_period(today).end))
        self.period_check.setChecked(True)
        self.signer_edit.setText(self._default_signer())
        warnings = fonts.font_setup().warnings
        self.font_label.setText("\n".join(f"字体提示：{w}" for w in warnings))
        self.font_label.setVisible(bool(warnings))

    def _default_signer(self) -> str:
        try:
            return f"{self._stores.profile.get().village}村民委员会"
        except (DomainError, AttributeError):
            return ""

    def record_product(self) -> Product[object] | None:
        """The chosen product of a stored record (None: the generic notice)."""
        row = self.products_list.currentRow()
        return RECORD_PRODUCTS[row - 1] if row > 0 else None

    def _on_products_list_current_row_changed(self, row: int) -> None:
        product = self.record_product()
        self.form_stack.setCurrentIndex(0 if product is None else 1)
        if product is not None:
            self._fill_items(product)

    def _on_bus_changed(self, _changed: Changed) -> None:
        """Records changed elsewhere: list them again, keeping the chosen one."""
        product, chosen = self.record_product(), self.item_combo.current_value()
        if product is not None:
            self._fill_items(product)
            self.item_combo.setCurrentIndex(max(0, self.item_combo.index_of(chosen)))

    def _fill_items(self, product: Product[object]) -> None:
        """List the rulebooks (latest version) or the meetings (newest first) the product can print."""
        self.item_label.setText(ITEM_LABELS[product.item])
        self.item_combo.clear_choices()
        today = date.today()
        items = product.choices(self._stores, today) if product.choices else record_items(self._stores, product.item)
        for label, item_id in items:
            self.item_combo.add_choice(label, item_id)
        self.record_hint.setText("" if items else "还没有可以打印的记录。")

    def _on_title_edit_text_edited(self, text: str) -> None:
        if NoticeKind.from_title(text) is NoticeKind.PUBLICITY:
            self.period_check.setChecked(True)

    def _on_period_check_toggled(self, checked: bool) -> None:
        self.start_edit.setEnabled(checked)
        self.end_edit.setEnabled(checked)

    def _on_start_edit_date_changed(self, value: QDate) -> None:
        self.end_edit.setDate(_qdate(publicity_period(_pydate(value)).end))

    def notice(self) -> Notice:
        """The notice the form describes (DomainError when something required is missing)."""
        if not self.signer_edit.text().strip():
            raise DomainError("请填写落款单位，例如“青石村村民委员会”。")
        title = self.title_edit.text().strip()
        period = publicity_period(_pydate(self.start_edit.date()), _pydate(self.end_edit.date())) \
            if self.period_check.isChecked() else None
        return Notice(NoticeKind.from_title(title), title, paragraphs_from_text(self.body_edit.toPlainText()),
                      self.signer_edit.text().strip(), _pydate(self.signed_edit.date()), period)

    def options(self) -> NoticeOptions:
        _, paper, poster = PAPERS[self.paper_combo.currentIndex()]
        return NoticeOptions(paper=paper, poster=poster, qr=self.qr_check.isChecked())

    def job(self) -> PrintJob:
        """What the form asks to print (DomainError when something required is missing)."""
        return self._chosen().job

    def _chosen(self) -> _Shown:
        product = self.record_product()
        if product is not None:
            item_id, today = self.item_combo.current_value(), date.today()
            if item_id is None:
                raise DomainError("请先选择要打印的记录。")
            return _Shown(product.key, product.item, item_id,
                          product.build(product.gather(self._stores, item_id, today), today))
        notice, options = self.notice(), self.options()
        return _Shown("notice", "other", "", PrintJob(notice.title, notice_fingerprint(notice),
                                                     lambda progress: render_notice_pdf(notice, options, progress)))

    def _on_verify_button_clicked(self) -> None:
        from ui.printing.verify_dialog import VerifyDialog
        VerifyDialog(self._stores, self).exec()

    def _on_preview_delivered(self) -> None:
        """A copy was saved, opened or printed: register its 校验码 as `print …` does (print verify, 核对打印件); a
        public notice or board also registers as a disclosure (打印即登记, issue 23)."""
        from models.disclosures.printed import PrintedNotice

        shown = self._shown
        if shown is None or shown.key == "notice":  # as `print notice`, which needs no database, the notice is not
            return                                   # registered
        today = date.today()
        meeting = shown.item_id if shown.key in ("resolution-notice", "result-notice") else ""
        month = shown.item_id if shown.key == "finance-board" else ""
        try:
            changes = [register_copy(self._stores, shown.key, shown.job.title, shown.job.fingerprint,
                                     shown.item_kind, shown.item_id, today),
                       self._stores.publications.register_printed(
                           PrintedNotice(shown.key, shown.job.title, shown.job.fingerprint, today, meeting, month))]
        except DomainError as error:
            QMessageBox.warning(self, "无法登记打印件", error.message)
            return
        for changed in changes:
            if changed is not None:
                self._bus.changed.emit(changed)

    def _on_render_button_clicked(self) -> None:
        self._shown = None
        try:
            shown = self._chosen()
            job = shown.job
        except DomainError as error:
            QMessageBox.warning(self, "无法生成", error.message)
            return
        self.render_button.setEnabled(False)
        self.preview.show_status("正在排版……")
        self._progress = _Progress()
        self._progress.page_done.connect(self._on_page_done)
        progress = self._progress

        def work() -> bytes:
            fonts.require_fonts(allow_last_resort=True)
            return job.render(progress.page_done.emit)

        run_in_background(work, lambda data: self._on_rendered(shown, data), self._on_render_failed, self)

    def _on_page_done(self, page: int) -> None:
        self.preview.show_status(f"正在排版第 {page} 页……")

    def _on_rendered(self, shown: _Shown, data: bytes) -> None:
        self.render_button.setEnabled(True)
        self._shown, job = shown, shown.job
        self.preview.show_pdf(data, f"{job.title}.pdf", f"预览：{job.title}（校验码 {job.fingerprint}）")

    def _on_render_failed(self, error: Exception) -> None:
        self.render_button.setEnabled(True)
        message = error.message if isinstance(error, DomainError) else f"生成 PDF 时出错：{error}"
        self.preview.show_status("生成失败。")
        QMessageBox.warning(self, "无法生成", message)
