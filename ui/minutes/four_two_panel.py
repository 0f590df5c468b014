"""四议两公开: where each matter stands, and recording its next stage (refused out of order)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.minutes.four_two import STAGE_MEETING_TYPES, FourTwoMatter, FourTwoStage
from models.minutes.types import BUILTIN_TYPES
from models.minutes.meetings import MeetingStatus
from models.minutes.ports import FourTwoStore, MeetingStore
from ui.core.bus import DataBus
from ui.minutes.dialogs import StageDialog


def stage_summary(matter: FourTwoMatter) -> str:
    done = len(matter.stages)
    following = matter.next_stage
    where = f"下一步：{following.label}" if following else "六个环节已全部完成"
    return f"{matter.title}（动议来源：{matter.motion_source}）　已完成 {done}/6　{where}"


def stage_detail(matter: FourTwoMatter) -> str:
    lines = []
    for stage in FourTwoStage:
        record = matter.record_of(stage)
        if record is None:
            lines.append(f"第 {stage.position} 步 {stage.label}：未登记")
        else:
            extra = record.publication or (BUILTIN_TYPES[record.meeting_type].label
                                           if record.meeting_type in BUILTIN_TYPES else record.meeting_type)
            lines.append(f"第 {stage.position} 步 {stage.label}：{record.on.isoformat()} {extra}"
                         + (f"；监督意见：{record.supervision_opinion}" if record.supervision_opinion else ""))
    return "\n".join(lines)


class FourTwoPanel(QWidget):
    """Matters, their stages, and the next one to record; the model refuses a stage before its predecessor."""

    def __init__(self, store: FourTwoStore, meetings: MeetingStore, bus: DataBus) -> None:
        super().__init__()
        self._store, self._meetings, self._bus = store, meetings, bus
        self.matters_list = QListWidget()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.new_button = QPushButton("新建事项…")
        self.stage_button = QPushButton("登记下一环节…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.stage_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.matters_list)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        self.matters_list.currentRowChanged.connect(self._on_matters_list_row_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.stage_button.clicked.connect(self._on_stage_button_clicked)
        self.reload()

    def reload(self, select_id: str = "") -> None:
        self.matters_list.clear()
        for matter in self._store.matters():
            row = QListWidgetItem(stage_summary(matter))
            row.setData(Qt.ItemDataRole.UserRole, matter)
            self.matters_list.addItem(row)
            if matter.id == select_id:
                self.matters_list.setCurrentItem(row)
        if self.matters_list.currentRow() < 0 and self.matters_list.count():
            self.matters_list.setCurrentRow(0)

    def selected_id(self) -> str:
        matter = self._selected()
        return matter.id if matter else ""

    def _selected(self) -> FourTwoMatter | None:
        row = self.matters_list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def _on_matters_list_row_changed(self) -> None:
        matter = self._selected()
        self.detail_label.setText(stage_detail(matter) if matter else "")

    def _on_new_button_clicked(self) -> None:
        title, ok = QInputDialog.getText(self, "新建四议两公开事项", "事项名称：")
        if not ok:
            return
        source, ok = QInputDialog.getItem(self, "动议来源", "动议来源（六个环节保持一致）：",
                                          ["党员群众建议", "村干部提议", "上级党委政府安排"], 0, False)
        if ok:
            self._write(lambda: self._store.create_matter(title, source))

    def _on_stage_button_clicked(self) -> None:
        matter = self._selected()
        if matter is None or matter.next_stage is None:
            return
        stage = matter.next_stage
        allowed = STAGE_MEETING_TYPES.get(stage, ())
        meetings = [(m.id, f"{m.number} {m.type_label} {m.on.isoformat()}") for m in self._meetings.list_meetings()
                    if m.type_code in allowed and m.status is MeetingStatus.FINAL]
        if allowed and not meetings:
            QMessageBox.information(self, "没有可用的会议记录", f"“{stage.label}”须依据一次已定稿的相应会议记录，请先完成并定稿该会议。")
            return
        request = StageDialog.ask(self, stage.label, meetings, date.today())
        if request is not None:
            self._write(lambda: self._store.record_stage(matter.id, stage, request.on, request.meeting_id,
                                                         request.publication, request.supervision_opinion))

    def _write(self, act: Callable[[], Changed]) -> None:
        try:
            changed = act()
        except DomainError as error:
            QMessageBox.warning(self, "未能登记", error.message)
            return
        self.reload(changed.id)
        self._bus.changed.emit(changed)
