"""本步附件: the shared attachments panel for the selected step, with what each step may attach and, on steps 5
and 7, the returned opinion form a scan is."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.ports import AttachmentStore
from models.workflow.ports import WorkflowStores
from models.workflow.steps import StepState, WorkflowStep
from models.workflow.records import OpinionKind
from ui.core.bus import DataBus
from ui.widgets.attachments import ADDED_AT, ADDED_BY, FILE_NAME, KIND, SIZE, AttachmentsPanel
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import Column

OPINION_STEPS = {WorkflowStep.PUBLIC_CONSULTATION: OpinionKind.OPINION,
                 WorkflowStep.SECOND_PUBLICITY: OpinionKind.OBJECTION}
HINTS = {WorkflowStep.COMMITTEES_DISCUSS: "两委联席会议决议的扫描件", WorkflowStep.SEND_INVITATIONS: "收回的回执",
         WorkflowStep.FORM_EXECUTION_COMMITTEE: "审查回函、张贴的执委会公告照片",
         WorkflowStep.FIRST_DRAFT: "初稿的纸质稿", WorkflowStep.PUBLIC_CONSULTATION: "回收的意见征求表（可对应到某条意见）、公告照片",
         WorkflowStep.REVISION: "修改稿的纸质稿", WorkflowStep.SECOND_PUBLICITY: "公示栏照片、乡镇审查意见书、异议书",
         WorkflowStep.ASSEMBLY_VOTE: "户主签字表、计票单", WorkflowStep.POST_AND_ENFORCE: "备案回执、张榜照片"}


class StepAttachmentsPanel(AttachmentsPanel):
    """The selected step's attachments. Adding to an unfinished step is undoable; to a finished step it is final
    (confirmed) and its attachments can no longer be removed; a step not yet started takes none."""

    def __init__(self, workflow: WorkflowStores, store: AttachmentStore, bus: DataBus, undo_stack: QUndoStack) -> None:
        self._workflow, self._step = workflow, WorkflowStep.COMMITTEES_DISCUSS
        self._titles: dict[str, str] = {}
        self.hint, self.opinion_label = QLabel(), QLabel("对应意见：")
        self.opinion_combo: ChoiceCombo[str] = ChoiceCombo()
        opinion: Column = ("对应意见", lambda a: self._titles.get(a.opinion_id, ""))
        super().__init__(store, bus, undo_stack, OwnerKind.WORKFLOW_STEP, "本步附件（扫描件、照片）",
                         (KIND, FILE_NAME, SIZE, opinion, ADDED_BY, ADDED_AT),
                         link=self._linked_opinion, height=120)
        self.opinion_combo.setMinimumWidth(240)
        self.body_layout.insertWidget(0, self.hint)
        self.buttons_layout.insertWidget(0, self.opinion_combo)
        self.buttons_layout.insertWidget(0, self.opinion_label)

    def _linked_opinion(self) -> str:
        return (self.opinion_combo.current_value() or "") if self._step in OPINION_STEPS else ""

    def load_step(self, rulebook_id: str, step: WorkflowStep, state: StepState) -> None:
        """Show the step of the rulebook's current revision; `state` only words the hint."""
        self._step = step
        revision_id = self._workflow.revisions.revision_id(rulebook_id) if rulebook_id else None
        self._load_opinions(rulebook_id, OPINION_STEPS.get(step))
        self.hint.setText(f"可附：{HINTS[step]}。" + ("本步已完成：新加的附件不能移除。" if state is StepState.DONE else ""))
        self.load(AttachmentOwner(OwnerKind.WORKFLOW_STEP, revision_id, step.number) if revision_id else None,
                  Changed(Entity.WORKFLOW, frozenset({rulebook_id})))

    def _load_opinions(self, rulebook_id: str, kind: OpinionKind | None) -> None:
        everyone = self._workflow.opinions.opinions(rulebook_id) if rulebook_id else ()
        self._titles = {o.id: o.title for o in everyone}
        chosen = self.opinion_combo.current_value()
        self.opinion_combo.clear_choices()
        self.opinion_combo.add_choice("（不对应某条意见）", "")
        for opinion in (o for o in everyone if kind is not None and o.kind is kind):
            serial = f"（表{opinion.form_serial}）" if opinion.form_serial else ""
            self.opinion_combo.add_choice(f"{opinion.title}{serial}", opinion.id)
        self.opinion_combo.set_current_value(chosen if chosen in self.opinion_combo.values() else "")
        self.opinion_label.setVisible(kind is not None)
        self.opinion_combo.setVisible(kind is not None)
