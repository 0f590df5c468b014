"""ReviewPage: one request — legality check, 修改对照表, per-article opinions, and the decision."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from models.core.errors import DomainError
from models.township.ports import TownshipStore
from models.township.reviews import ArticleNote, DecisionKind, RequestKind, ReviewContext
from ui.township.table_models import ComparisonTableModel, FindingTableModel, NotesTableModel
from ui.widgets.store_command import StoreCommand, push_command


class EditNote(StoreCommand[None]):
    """Change one article's draft opinion (undoable until the decision is made). A draft in the page's model
    only, so there is no bus notice; the decision writes the notes."""

    def __init__(self, model: NotesTableModel, row: int, text: str) -> None:
        note = model.row_at(row)
        assert note is not None
        super().__init__(f"修改{note.label}的审查意见", None, None, lambda: model.set_note(row, text),
                         lambda _none: model.set_note(row, note.note))


class ReviewPage(QWidget):
    """审查页. Deciding is irreversible: confirmed, not undoable, and it clears the draft's undo history."""

    done = Signal(object)   # the Changed a written decision or review returned
    back = Signal()

    def __init__(self, desk: TownshipStore, undo_stack: QUndoStack, may_review: bool) -> None:
        super().__init__()
        self._desk, self._undo, self._may_review = desk, undo_stack, may_review
        self._context: ReviewContext | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.previous_label)
        self.findings_model, self.comparison_model = FindingTableModel(), ComparisonTableModel()
        self.notes_model = NotesTableModel(
            lambda row, text: push_command(self._undo, EditNote(self.notes_model, row, text)))
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, model in (("合法性审查提示：", self.findings_model), ("修改对照表：", self.comparison_model),
                             ("逐条审查意见（双击“审查意见”一栏填写）：", self.notes_model)):
            splitter.addWidget(_boxed(title, model))
        layout.addWidget(splitter, 1)
        layout.addWidget(self._decision_box())

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox("审查结论")
        form = QFormLayout(box)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.conclusion_edit = QLineEdit()
        self.conclusion_edit.setPlaceholderText("例如：经审查，未发现违法内容，同意提交村民会议表决。")
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("例如：德乡备〔2026〕3号")
        self.reasons_edit = QPlainTextEdit()
        self.reasons_edit.setFixedHeight(60)
        form.addRow("日期：", self.date_edit)
        form.addRow("审查结论：", self.conclusion_edit)
        form.addRow("备案编号：", self.number_edit)
        form.addRow("退回理由：", self.reasons_edit)
        self.review_button = QPushButton("出具审查意见…")
        self.approve_button = QPushButton("准予备案…")
        self.return_button = QPushButton("退回修改…")
        self.back_button = QPushButton("返回列表")
        buttons = QHBoxLayout()
        for button in (self.review_button, self.approve_button, self.return_button):
            buttons.addWidget(button)
            button.setEnabled(self._may_review)
            if not self._may_review:
                button.setToolTip("只有乡镇审核员账户可以审查。")
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        form.addRow(buttons)
        return box

    def _connect_signals(self) -> None:
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.back_button.clicked.connect(self.back.emit)

    def show_request(self, request_id: str) -> None:
        context = self._desk.review_context(request_id)
        self._context = context
        request = context.request
        self.title_label.setText(f"{request.village_name} {request.rulebook_title} 第{context.version.number}版"
                                 f"（{request.kind.label}）")
        self.previous_label.setText(_history(context))
        self.findings_model.set_rows(list(context.findings))
        self.comparison_model.set_rows(list(context.comparison))
        self.notes_model.set_rows([ArticleNote(key, label, "") for key, label in context.article_choices()])
        self._undo.clear()
        filing = request.kind is RequestKind.FILING
        self.approve_button.setVisible(filing)
        self.return_button.setVisible(filing)
        self.number_edit.setEnabled(filing)
        self.reasons_edit.setEnabled(filing)
        self.review_button.setVisible(not filing)

    def _on_review_button_clicked(self) -> None:
        self._write("出具审查意见", lambda ctx, on, notes: self._desk.record_review(
            ctx.request.id, on, self.conclusion_edit.text(), notes))

    def _on_approve_button_clicked(self) -> None:
        self._write("准予备案", lambda ctx, on, notes: self._desk.decide(
            ctx.request.id, DecisionKind.APPROVE, on, self.number_edit.text(), "", notes))

    def _on_return_button_clicked(self) -> None:
        self._write("退回修改", lambda ctx, on, notes: self._desk.decide(
            ctx.request.id, DecisionKind.RETURN, on, "", self.reasons_edit.toPlainText(), notes))

    def _write(self, act: str, write: Any) -> None:
        context = self._context
        if context is None:
            return
        answer = QMessageBox.question(self, act, f"确认对{context.request.village_name}的"
                                                 f"{context.request.rulebook_title}第{context.version.number}版"
                                                 f"“{act}”？写入后随下一个同步包发回村里，不能撤销。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        on = _day(self.date_edit.date())
        try:
            changed = write(context, on, self.notes_model.notes())
        except DomainError as error:
            QMessageBox.warning(self, f"不能{act}", error.message)
            return
        self._undo.clear()
        self.done.emit(changed)


def _history(context: ReviewContext) -> str:
    parts = [f"与第{context.previous_number}版对照" if context.previous_number else "没有更早的版本可对照"]
    if context.review is not None:
        parts.append(f"已于 {context.review.on} 出具审查意见" + ("（针对旧版本）" if context.review.stale else ""))
    if context.decision is not None:
        parts.append(f"已于 {context.decision.on} {context.decision.kind.label}"
                     + ("（针对旧版本）" if context.decision.stale else ""))
    return "；".join(parts)


def _boxed(title: str, model: Any) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(title))
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    for column in (0, 1) if isinstance(model, FindingTableModel) else (0,):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    layout.addWidget(view)
    box.setProperty("view", view)
    return box


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
