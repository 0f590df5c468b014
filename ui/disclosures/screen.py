"""三务公开: the items due with their status (R41), the postings (R42) with the board's photo, finance import."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import AttachmentStore
from models.disclosures.calendar import Obligation, Status
from models.disclosures.catalogue import Place
from models.disclosures.finance import FinanceSheet, yuan
from models.disclosures.ports import DisclosureCalendar, FinanceSheets, PublicationStore
from models.disclosures.printed import PrintedNotice
from models.disclosures.records import DisclosureObjection, Publication
from ui.core.bus import DataBus
from ui.disclosures.dialogs import PostingAnswerDialog, PostingForm, PostingObjectionDialog, PublicationDialog
from ui.widgets.attachments import FILE_NAME, AttachmentsPanel
from ui.widgets.job_printer import JobPrinter
from ui.widgets.tables import table_view
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob


DueRow = tuple[Obligation, Status]
DUE_COLUMNS = (("应公开日期", lambda r: r[0].due.isoformat()), ("类别", lambda r: r[0].kind.label),
               ("事项", lambda r: r[0].category), ("期间", lambda r: r[0].subject or r[0].period),
               ("状态", lambda r: r[1].label))
POSTED_COLUMNS = (("开始", lambda p: p.start.isoformat()), ("结束", lambda p: p.end.isoformat()),
                  ("事项", lambda p: p.category), ("期间", lambda p: p.title or p.period),
                  ("地点", lambda p: p.place.label), ("张贴人", lambda p: p.posted_by),
                  ("按时", lambda p: "仅作补充" if p.place is Place.WECHAT else "按时" if p.on_time else "逾期"),
                  ("监委会签字", lambda p: f"{p.signed_off_by} {p.signed_off_on}" if p.signed_off_by else "未签"))
OBJECTION_COLUMNS = (("收到", lambda o: o.received_on.isoformat()), ("提出人", lambda o: o.raised_by),
                     ("异议", lambda o: o.content), ("答复", lambda o: o.answer or "未答复"))
_CONCERNS = (Entity.DISCLOSURE, Entity.DISCLOSURE_SETTINGS, Entity.FOUR_TWO_MATTER)


class DisclosuresScreen(QWidget):
    """三务公开. `today` is the screen's clock (a seam for the walks)."""

    def __init__(self, calendar: DisclosureCalendar, publications: PublicationStore, finance: FinanceSheets,
                 attachments: AttachmentStore, bus: DataBus, finance_board: Callable[[str], PrintJob],
                 today: Callable[[], date] = date.today, can_sign_off: bool = False) -> None:
        super().__init__()
        self._can_sign_off = can_sign_off  # R42: a supervision committee member's account
        self._finance_board, self.printer = finance_board, JobPrinter(self)
        self._calendar, self._publications, self._finance, self._bus = calendar, publications, finance, bus
        self.today = today
        self.undo_stack = QUndoStack(self)
        self._due: list[DueRow] = []
        self._posted: list[Publication] = []
        self.due_model = RowsTableModel(DUE_COLUMNS, lambda: self._due)
        self.posted_model = RowsTableModel(POSTED_COLUMNS, lambda: self._posted)
        self._objections: list[DisclosureObjection] = []
        self.objections_model = RowsTableModel(OBJECTION_COLUMNS, lambda: self._objections)
        self.photo_panel = AttachmentsPanel(attachments, bus, self.undo_stack, OwnerKind.DISCLOSURE,
                                            self.tr("公开栏照片（存档，不打印）"), (FILE_NAME,),
                                            self.tr("选中一条公开记录后添加照片"), height=90)
        self._build_ui()
        self.reload()
        bus.changed.connect(self._on_bus_changed)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.record_button = QPushButton(self.tr("登记公开…"))
        self.event_button = QPushButton(self.tr("登记批复/项目进展…"))
        self.event_button.setToolTip(self.tr("收到政府批复，或较长项目有了决策、进展、完成：登记后按目录的天数提醒公开（R41）"))
        self.month_edit = QLineEdit(f"{self.today():%Y-%m}")
        self.month_edit.setMaximumWidth(90)
        self.import_button = QPushButton(self.tr("导入财务明细…"))
        self.print_button = QPushButton(self.tr("打印财务公开栏…"))
        self.monthly_check = QCheckBox(self.tr("财务每月公开"))  # 组织法第三十条: where transactions are many
        self.monthly_check.setToolTip(self.tr("集体财务往来较多的村，财务收支每月公开；否则每季度公开"))
        layout.addWidget(self.summary_label)
        top = QHBoxLayout()
        for widget in (self.monthly_check, self.record_button, self.event_button, QLabel(self.tr("月份：")), self.month_edit,
                       self.import_button, self.print_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.due_view, self.posted_view = table_view(self.due_model), table_view(self.posted_model)
        layout.addWidget(self.due_view, 3)
        layout.addWidget(QLabel(self.tr("公开记录：")))
        layout.addWidget(self.posted_view, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.photo_panel, 1)
        bottom.addWidget(self._objections_box(), 1)
        layout.addLayout(bottom)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.event_button.clicked.connect(self._on_event_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.monthly_check.clicked.connect(self._on_monthly_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.posted_view.selectionModel().selectionChanged.connect(self._on_posting_selected)

    def _objections_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("异议和答复"))
        inner = QVBoxLayout(box)
        self.objections_view = table_view(self.objections_model)
        self.objections_view.setFixedHeight(90)
        self.objection_button, self.answer_button = QPushButton(self.tr("登记异议…")), QPushButton(self.tr("答复…"))
        self.sign_off_button = QPushButton(self.tr("监委会签字确认…"))
        self.sign_off_button.setToolTip(self.tr("村务监督委员会成员看过张贴的内容、核对属实后签字（R42）；用监督人账户登录"))
        buttons = QHBoxLayout()
        for button in (self.objection_button, self.answer_button, self.sign_off_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner.addWidget(self.objections_view)
        inner.addLayout(buttons)
        self.objection_button.clicked.connect(self._on_objection_clicked)
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.sign_off_button.clicked.connect(self._on_sign_off_clicked)
        return box

    def reload(self) -> None:
        today = self.today()
        self.monthly_check.setChecked(self._calendar.frequent_finance())
        self._due = self._calendar.due(today)
        self._posted = self._publications.publications()
        self.due_model.reload()
        self.posted_model.reload()
        late = sum(1 for _, s in self._due if s is Status.OVERDUE)
        self.summary_label.setText(self.tr("逾期未公开：{0} 项").format(late) if late else self.tr("没有逾期的公开事项"))
        self._on_posting_selected()

    @property
    def selected_publication(self) -> Publication | None:
        rows = self.posted_view.selectionModel().selectedRows()
        return self._posted[rows[0].row()] if rows else None

    def select_publication(self, publication_id: str) -> None:
        row = next((n for n, p in enumerate(self._posted) if p.id == publication_id), -1)
        if row >= 0:
            self.posted_view.selectRow(row)

    def _on_posting_selected(self, *_args: object) -> None:
        chosen = self.selected_publication
        self.photo_panel.load(AttachmentOwner(OwnerKind.DISCLOSURE, chosen.id) if chosen else None)
        self._objections = self._publications.objections(chosen.id) if chosen else []
        self.objections_model.reload()
        self.objection_button.setEnabled(chosen is not None)
        self.answer_button.setEnabled(bool(self._objections))
        self.sign_off_button.setEnabled(self._can_sign_off and chosen is not None and not chosen.signed_off_by)
        self.sign_off_button.setToolTip(self.tr("村务监督委员会成员看过张贴的内容、核对属实后签字（R42）") if self._can_sign_off
                                        else self.tr("须用监督人（村务监督委员会成员）账户登录才能签字（R42）"))

    def _on_record_clicked(self) -> None:
        form = PublicationDialog.ask(self, self._calendar.catalogue(), self.today(), "")
        if form is None:
            return
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("登记公开"), self._bus, None, lambda: self._record(form),
            lambda done: self._publications.withdraw(done.id), lambda done: self._publications.restore(done.id))
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, self.tr("不能登记"), error.message)
        elif command.result is not None:
            self.select_publication(command.result.id)

    def _on_event_clicked(self) -> None:
        from ui.disclosures.event_dialog import EventDialog

        event = EventDialog.ask(self, self._calendar.catalogue(), self.today())
        if event is None:
            return
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("登记应公开事件"), self._bus, None, lambda: self._calendar.record_event(event, self.today()),
            lambda done: self._calendar.withdraw_event(done.id))
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, self.tr("不能登记"), error.message)

    def _on_objection_clicked(self) -> None:
        chosen = self.selected_publication
        answer = PostingObjectionDialog.ask(self, self.today()) if chosen else None
        if chosen is not None and answer is not None:
            raised_by, content, received = answer
            self._write(lambda: self._publications.add_objection(chosen.id, received, raised_by, content))

    def _on_answer_clicked(self) -> None:
        rows = self.objections_view.selectionModel().selectedRows()
        objection = self._objections[rows[0].row() if rows else 0] if self._objections else None
        answer = PostingAnswerDialog.ask(self, objection.content, self.today()) if objection else None
        if objection is not None and answer is not None:
            self._write(lambda: self._publications.answer_objection(objection.id, answer[0], answer[1]))

    def _on_sign_off_clicked(self) -> None:
        """R42: the supervision committee's sign-off, kept like an objection (not undone); asked first."""
        chosen = self.selected_publication
        if chosen is None:
            return
        asked = QMessageBox.question(
            self, self.tr("监委会签字确认"),
            self.tr("“{0} {1}”（{2}至{3}）：已看过张贴的内容并核对属实，以当前登录的监督人签字确认？签字后不能撤回。").format(
                chosen.category, chosen.title or chosen.period, chosen.start, chosen.end))
        if asked == QMessageBox.StandardButton.Yes:
            self._write(lambda: self._publications.sign_off(chosen.id, self.today()))

    def _write(self, write: Callable[[], Changed]) -> None:
        """An objection and its answer are the record's (R42): kept, not undone."""
        try:
            self._bus.changed.emit(write())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能登记"), error.message)

    def _on_monthly_clicked(self, monthly: bool) -> None:
        command: StoreCommand[Changed] = StoreCommand(
            self.tr("财务公开频次"), self._bus, None, lambda: self._calendar.set_frequent_finance(monthly),
            lambda _done: self._calendar.set_frequent_finance(not monthly))
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, self.tr("不能更改"), error.message)
            self.monthly_check.setChecked(not monthly)

    def _record(self, form: PostingForm) -> Changed:
        return self._publications.record(form.kind, form.category, form.start, form.end, form.place,
                                         form.posted_by, form.title)

    def _on_print_clicked(self) -> None:
        month = self.month_edit.text().strip()
        self.printer.start(lambda: self._finance_board(month), lambda job: self._on_board_saved(job, month))

    def _on_board_saved(self, job: PrintJob, month: str) -> None:
        """The printed 财务公开 board registers itself as the month's finance disclosure (issue 23)."""
        changed = self._publications.register_printed(PrintedNotice("finance-board", job.title, job.fingerprint,
                                                                    self.today(), period=month))
        if changed is not None:
            self._bus.changed.emit(changed)

    def _on_import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("选择财务收支明细"), "",
                                                    self.tr("收支明细 (*.xlsx *.csv)"))
        if name:
            self.import_file(Path(name), self.month_edit.text().strip())

    def import_file(self, path: Path, month: str) -> FinanceSheet | None:
        """Read, check and keep the month's sheet; a refusal names the line (shown as a warning)."""
        try:
            self._bus.changed.emit(self._finance.import_file(path, month))
            sheet = self._finance.sheet(month)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能导入"), error.message)
            return None
        QMessageBox.information(self, self.tr("已导入"), self.tr("{0}：{1} 行，收入 {2} 元，支出 {3} 元。").format(
            month, len(sheet.lines), yuan(sheet.income), yuan(sheet.expense)))
        return sheet

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(*_CONCERNS):
            chosen = self.selected_publication
            self.reload()
            if chosen is not None:
                self.select_publication(chosen.id)
