"""本步附件: scans and photos kept with the selected step (signed sheets, notices, returned forms, receipts)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout)

from models.attachments import FILE_FILTER, StepAttachment, guess_kind
from models.changes import Changed, Entity
from models.errors import DomainError
from models.ports import WorkflowStore
from models.workflow import StepState, WorkflowStep
from models.workflow_records import OpinionKind
from ui.bus import DataBus
from ui.minutes.attachments_panel import show_copy
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.store_command import StoreCommand, push_command

OPINION_STEPS = {WorkflowStep.PUBLIC_CONSULTATION: OpinionKind.OPINION,
                 WorkflowStep.SECOND_PUBLICITY: OpinionKind.OBJECTION}
HINTS = {WorkflowStep.COMMITTEES_DISCUSS: "两委联席会议决议的扫描件", WorkflowStep.SEND_INVITATIONS: "收回的回执",
         WorkflowStep.FORM_EXECUTION_COMMITTEE: "审查回函、张贴的执委会公告照片",
         WorkflowStep.FIRST_DRAFT: "初稿的纸质稿", WorkflowStep.PUBLIC_CONSULTATION: "回收的意见征求表（可对应到某条意见）、公告照片",
         WorkflowStep.REVISION: "修改稿的纸质稿", WorkflowStep.SECOND_PUBLICITY: "公示栏照片、乡镇审查意见书、异议书",
         WorkflowStep.ASSEMBLY_VOTE: "户主签字表、计票单", WorkflowStep.POST_AND_ENFORCE: "备案回执、张榜照片"}


class AddStepAttachmentCommand(StoreCommand[str]):
    """添加附件 to an unfinished step: the first redo copies the file in; undo withdraws it, redo restores it."""

    def __init__(self, store: WorkflowStore, bus: DataBus, rulebook_id: str, step: WorkflowStep, source: Path,
                 opinion_id: str) -> None:
        super().__init__(f"添加附件 {source.name}", bus, Changed(Entity.WORKFLOW, frozenset({rulebook_id})),
                         lambda: store.attach_to_step(rulebook_id, step, source, guess_kind(source.name),
                                                      opinion_id=opinion_id).id,
                         store.remove_step_attachment, store.restore_step_attachment)


class RemoveStepAttachmentCommand(StoreCommand[None]):
    """移除附件 of an unfinished step (withdrawn, never erased); undo brings it back."""

    def __init__(self, store: WorkflowStore, bus: DataBus, rulebook_id: str, attachment: StepAttachment) -> None:
        super().__init__(f"移除附件 {attachment.file_name}", bus, Changed(Entity.WORKFLOW, frozenset({rulebook_id})),
                         lambda: store.remove_step_attachment(attachment.id),
                         lambda _none: store.restore_step_attachment(attachment.id))


class StepAttachmentsPanel(QGroupBox):
    """The selected step's attachments. Adding to an unfinished step is undoable; to a finished step it is final
    (confirmed) and its attachments can no longer be removed."""

    def __init__(self, store: WorkflowStore, bus: DataBus, undo_stack: QUndoStack) -> None:
        super().__init__("本步附件（扫描件、照片）")
        self._store, self._bus, self._undo_stack = store, bus, undo_stack
        self._rulebook_id, self._step, self._state = "", WorkflowStep.COMMITTEES_DISCUSS, StepState.PENDING
        self._titles: dict[str, str] = {}
        self.model = RowsTableModel((
            ("类别", lambda a: a.kind.label), ("文件名", lambda a: a.file_name), ("大小", lambda a: a.size_text),
            ("对应意见", lambda a: self._titles.get(a.opinion_id, "")), ("添加人", lambda a: a.added_by),
            ("添加时间", lambda a: a.added_at[:16].replace("T", " "))), self._fetch)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setFixedHeight(120)
        self.hint = QLabel()
        self.opinion_combo: ChoiceCombo[str] = ChoiceCombo()
        self.opinion_combo.setMinimumWidth(240)
        self.add_button, self.open_button = QPushButton("添加附件…"), QPushButton("打开")
        self.remove_button = QPushButton("移除")
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        self.opinion_label = QLabel("对应意见：")
        for widget in (self.opinion_label, self.opinion_combo, self.add_button, self.open_button,
                       self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.view.doubleClicked.connect(self._on_open_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def _fetch(self) -> list[StepAttachment]:
        return self._store.step_attachments(self._rulebook_id, self._step) if self._rulebook_id else []

    def load(self, rulebook_id: str, step: WorkflowStep, state: StepState) -> None:
        self._rulebook_id, self._step, self._state = rulebook_id, step, state
        kind = OPINION_STEPS.get(step)
        opinions = [o for o in self._store.opinions(rulebook_id) if o.kind is kind] if kind else []
        self._titles = {o.id: o.title for o in self._store.opinions(rulebook_id)} if rulebook_id else {}
        chosen = self.opinion_combo.current_value()
        self.opinion_combo.clear_choices()
        self.opinion_combo.add_choice("（不对应某条意见）", "")
        for opinion in opinions:
            serial = f"（表{opinion.form_serial}）" if opinion.form_serial else ""
            self.opinion_combo.add_choice(f"{opinion.title}{serial}", opinion.id)
        self.opinion_combo.setCurrentIndex(max(self.opinion_combo.index_of(chosen), 0))
        self.opinion_label.setVisible(kind is not None)
        self.opinion_combo.setVisible(kind is not None)
        self.hint.setText(f"可附：{HINTS[step]}。" + ("本步已完成：新加的附件不能移除。" if state is StepState.DONE else ""))
        self.add_button.setEnabled(state is not StepState.PENDING)
        self.remove_button.setVisible(state is not StepState.DONE)
        self.model.reload()

    def selected(self) -> StepAttachment | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_add_button_clicked(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "选择扫描件或照片", "", FILE_FILTER)
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, sources: list[Path]) -> None:
        """Attach the files to the selected step (and opinion); a finished step's are confirmed, not undoable."""
        if self._state is StepState.DONE and QMessageBox.question(
                self, "添加附件", "这一步已完成，添加的附件以后不能移除，也不能撤销。确定添加吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        opinion_id = (self.opinion_combo.current_value() or "") if self._step in OPINION_STEPS else ""
        for source in sources:
            if not self._add(source, opinion_id):
                break
        self.model.reload()

    def _add(self, source: Path, opinion_id: str) -> bool:
        if self._state is StepState.DONE:
            try:
                self._store.attach_to_step(self._rulebook_id, self._step, source, guess_kind(source.name),
                                           opinion_id=opinion_id)
            except DomainError as error:
                QMessageBox.warning(self, "未能添加附件", error.message)
                return False
            self._bus.changed.emit(Changed(Entity.WORKFLOW, frozenset({self._rulebook_id})))
            return True
        command = AddStepAttachmentCommand(self._store, self._bus, self._rulebook_id, self._step, source, opinion_id)
        error = push_command(self._undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "未能添加附件", error.message)
            return False
        return True

    def _on_open_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        show_copy(self, lambda: self._store.step_attachment_file(attachment.id), attachment)

    def _on_remove_button_clicked(self) -> None:
        attachment = self.selected()
        if attachment is None:
            return
        command = RemoveStepAttachmentCommand(self._store, self._bus, self._rulebook_id, attachment)
        error = push_command(self._undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "不能移除", error.message)
        self.model.reload()

