"""决议落实 under a finalised record: each resolution's owner, deadline, status timeline and evaluation."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout,
)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.minutes.followups import Evaluation, FollowUp, FollowUpStatus
from models.minutes.ports import FollowUpStore
from ui.core.bus import DataBus
from ui.minutes.dialogs import ProgressDialog


def describe(item: FollowUp, today: date) -> str:
    due = item.due.isoformat() if item.due else "未定"
    overdue = "（已逾期）" if item.is_overdue(today) else ""
    evaluation = f"；群众评价：{item.evaluation.label}" if item.evaluation else ""
    latest = f"；最近进展（{item.timeline[-1].on.isoformat()}）：{item.timeline[-1].note}" if item.timeline else ""
    return f"{item.title}　责任人：{item.owner or '未填'}　期限：{due}{overdue}　{item.status.label}{evaluation}{latest}"


class FollowUpsPanel(QGroupBox):
    """Lists the record's follow-ups; progress and evaluation are dated entries, confirmed, not undoable."""

    def __init__(self, store: FollowUpStore, bus: DataBus) -> None:
        super().__init__("决议落实（议后怎么办）")
        self._store, self._bus = store, bus
        self._meeting_id = ""
        self.follow_ups_list = QListWidget()
        self.follow_ups_list.setFixedHeight(110)
        self.progress_button = QPushButton("登记进展…")
        self.evaluate_button = QPushButton("群众评价…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_button)
        buttons.addWidget(self.evaluate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.follow_ups_list)
        layout.addLayout(buttons)
        self.progress_button.clicked.connect(self._on_progress_button_clicked)
        self.evaluate_button.clicked.connect(self._on_evaluate_button_clicked)

    def load(self, meeting_id: str) -> None:
        self._meeting_id = meeting_id
        self.follow_ups_list.clear()
        for item in self._store.list_follow_ups(meeting_id):
            row = QListWidgetItem(describe(item, date.today()))
            row.setData(Qt.ItemDataRole.UserRole, item)
            self.follow_ups_list.addItem(row)
        if self.follow_ups_list.count():
            self.follow_ups_list.setCurrentRow(0)

    def _selected(self) -> FollowUp | None:
        row = self.follow_ups_list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def _on_progress_button_clicked(self) -> None:
        item = self._selected()
        if item is None:
            return
        statuses = [(s.value, s.label) for s in FollowUpStatus if s is not FollowUpStatus.NOT_STARTED]
        request = ProgressDialog.ask(self, item.title, statuses, date.today())
        if request is None:
            return
        self._write(lambda: self._store.record_progress(item.id, request.on, FollowUpStatus(request.status),
                                                        request.note, request.result_report))

    def _on_evaluate_button_clicked(self) -> None:
        item = self._selected()
        if item is None:
            return
        labels = [e.label for e in Evaluation]
        label, ok = QInputDialog.getItem(self, "群众评价", f"“{item.title}”的群众评价：", labels, 0, False)
        if ok:
            self._write(lambda: self._store.evaluate(item.id, list(Evaluation)[labels.index(label)]))

    def _write(self, act: Callable[[], Changed]) -> None:
        try:
            changed = act()
        except DomainError as error:
            QMessageBox.warning(self, "未能登记", error.message)
            return
        self.load(self._meeting_id)
        self._bus.changed.emit(changed)
