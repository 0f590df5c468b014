"""九步工作法 timeline: the nine steps across the top, the selected step's page below, advance and reopen."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QScrollArea, QSizePolicy, QTableView,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from models.workflow.steps import StepState, WorkflowStep, advance_refusals, reopen_refusals
from models.workflow.figures import consultation_figures
from models.workflow.records import OpinionKind
from models.workflow.status import StepView, WorkflowStatus
from ui.core.bus import DataBus
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.error_box import run_with_retry
from ui.widgets.store_command import push_command
from ui.widgets.unsaved import LeaveGuard, may_leave
from ui.workflow.attachments import StepAttachmentsPanel
from ui.workflow.commands import ReplyOpinionCommand
from ui.workflow.committee_page import CommitteePage
from ui.workflow.dialogs import ReopenDialog, ReplyDialog
from ui.workflow.invitations_page import InvitationsPage
from ui.workflow.opinion_entry import ConsultationPage
from ui.workflow.page_base import StepPage
from ui.workflow.table_model import OPINION_ROLE, OpinionTableModel
from ui.workflow.text_pages import DraftPage, RevisionPage, StartPage
from ui.workflow.timeline import STATE_COLOURS, CurrentPageStack, guard_text, page_text, tile_text
from ui.workflow.vote_pages import FilingPage, PublicityPage, VotePage

PAGE_CLASSES: dict[WorkflowStep, type[StepPage]] = {
    WorkflowStep.COMMITTEES_DISCUSS: StartPage, WorkflowStep.SEND_INVITATIONS: InvitationsPage,
    WorkflowStep.FORM_EXECUTION_COMMITTEE: CommitteePage, WorkflowStep.FIRST_DRAFT: DraftPage,
    WorkflowStep.PUBLIC_CONSULTATION: ConsultationPage,
    WorkflowStep.REVISION: RevisionPage, WorkflowStep.SECOND_PUBLICITY: PublicityPage,
    WorkflowStep.ASSEMBLY_VOTE: VotePage, WorkflowStep.POST_AND_ENFORCE: FilingPage}
OPINION_STEPS = {WorkflowStep.PUBLIC_CONSULTATION: OpinionKind.OPINION,
                 WorkflowStep.SECOND_PUBLICITY: OpinionKind.OBJECTION}


class WorkflowScreen(QWidget):
    """九步工作法 — where a revision stands, what the next step still needs, and the opinion register."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stores, self._store, self._bus = stores, stores.workflow, bus
        self.undo_stack = QUndoStack(self)
        self.status: WorkflowStatus | None = None
        self._households: tuple[date, int] | None = None  # the consultation's 户数 and its day, kept as below
        self.selected_step = WorkflowStep.COMMITTEES_DISCUSS
        self._leave_guard = LeaveGuard(self, self)  # typing on a step page is never dropped without asking
        self._build_ui()
        self._connect_signals()
        self.reload()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.rulebook_combo: ChoiceCombo[str] = ChoiceCombo()
        self.rulebook_combo.setMinimumWidth(260)
        self.start_button = QPushButton("开始修订")
        top.addWidget(QLabel("村规民约："))
        top.addWidget(self.rulebook_combo)
        top.addWidget(self.start_button)
        top.addStretch(1)
        layout.addLayout(top)
        steps = QGridLayout()
        self.step_buttons: list[QPushButton] = []
        for step in WorkflowStep:
            button = QPushButton()
            # Short lines, wrapped figure; never narrower than their text (the strip scrolls on a 1024-px screen).
            button.setMinimumHeight(104)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            steps.setColumnStretch(step.number - 1, 1)
            button.clicked.connect(lambda _=False, s=step: self.select_step(s))
            steps.addWidget(button, 0, step.number - 1)
            self.step_buttons.append(button)
        layout.addWidget(_steps_strip(steps))
        self.guard_label = QLabel()
        self.guard_label.setWordWrap(True)
        layout.addWidget(self.guard_label)
        actions = QHBoxLayout()
        self.advance_button, self.reopen_button = QPushButton("完成本步，进入下一步…"), QPushButton("退回步骤…")
        actions.addWidget(self.advance_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._build_page())
        layout.addWidget(scroll, 1)

    def _build_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.page_title = QLabel()
        self.page_text = QLabel()
        self.page_text.setWordWrap(True)
        self.opinion_model = OpinionTableModel()
        self.opinions_view = QTableView()
        self.opinions_view.setModel(self.opinion_model)
        self.opinions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.opinions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.opinions_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.reply_button = QPushButton("答复所选意见…")
        for widget in (self.page_title, self.page_text, self.opinions_view, self.reply_button):
            layout.addWidget(widget)
        self.pages: dict[WorkflowStep, StepPage] = {}
        self.pages_stack = CurrentPageStack()
        for step, page_class in PAGE_CLASSES.items():
            self.pages[step] = page_class(self._stores, self._bus, self)
            self.pages_stack.addWidget(self.pages[step])
        layout.addWidget(self.pages_stack, 1)
        self.attachments = StepAttachmentsPanel(self._store, self._stores.attachments, self._bus, self.undo_stack)
        layout.addWidget(self.attachments)
        return page

    def _connect_signals(self) -> None:
        self.rulebook_combo.currentIndexChanged.connect(self._on_rulebook_combo_changed)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.advance_button.clicked.connect(self._on_advance_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self._bus.changed.connect(self._on_bus_changed)

    # ----- reading -----
    def reload(self) -> None:
        current = self.rulebook_combo.current_value()
        self.rulebook_combo.blockSignals(True)
        self.rulebook_combo.clear_choices()
        for summary in self._stores.rules.list_rulebooks():
            self.rulebook_combo.add_choice(summary.title, summary.id)
        index = self.rulebook_combo.index_of(current)
        self.rulebook_combo.setCurrentIndex(max(index, 0))
        self.rulebook_combo.blockSignals(False)
        self.reload_status()

    @property
    def rulebook_id(self) -> str | None:
        return self.rulebook_combo.current_value()

    def reload_status(self) -> None:
        rulebook_id = self.rulebook_id
        started = bool(rulebook_id) and self._store.revisions.revision_id(rulebook_id) is not None
        before = (self.status.rulebook_id, self.status.current_step) if self.status else None
        self.status = self._store.revisions.status(rulebook_id, date.today()) if started and rulebook_id else None
        # A finished revision (all nine steps done) leaves the rules in force; the next one starts here too.
        finished = self.status is not None and self.status.current_step is None
        self.start_button.setVisible(bool(rulebook_id) and (not started or finished))
        # Follow the active step when it moves; an edit on another step's page keeps that page open.
        if self.status and self.status.current_step and before != (self.status.rulebook_id, self.status.current_step):
            self.selected_step = self.status.current_step
        self._show_steps()
        self._show_page()

    def _show_steps(self) -> None:
        for button, step in zip(self.step_buttons, WorkflowStep):
            view = self.status.view(step) if self.status else None
            button.setText(tile_text(step, view, date.today()))
            button.setToolTip(view.figure if view else "")
            state = view.status.state if view else StepState.PENDING
            button.setStyleSheet(f"background: {STATE_COLOURS[state]}; text-align: center;")
        current = self.status.current_step if self.status else None
        self.advance_button.setEnabled(current is not None)
        self.reopen_button.setEnabled(self.status is not None)
        self.guard_label.setText(guard_text(self.status))

    def select_step(self, step: WorkflowStep) -> None:
        if step is not self.selected_step and not may_leave(self.pages[self.selected_step].edits, self):
            return  # 取消: the page stays with its typing
        self.selected_step = step
        self._show_page()

    def _on_rulebook_combo_changed(self) -> None:
        if self._leave_guard.allows_combo(self.rulebook_combo, self.status.rulebook_id if self.status else None):
            self.reload_status()

    # DirtyForm (ui/widgets/unsaved.py): the shown step page's inline forms, asked about before they are left.
    def unsaved_edits(self) -> str | None:
        return self.pages[self.selected_step].edits.unsaved_edits()

    def save_edits(self) -> bool:
        return self.pages[self.selected_step].edits.save_edits()

    def discard_edits(self) -> None:
        self.pages[self.selected_step].edits.discard_edits()

    def _show_page(self) -> None:
        step = self.selected_step
        view = self.status.view(step) if self.status else None
        self.page_title.setText(f"第{step.number}步　{step.label}" + (f"（{view.status.state.label}）" if view else ""))
        self.page_text.setText(self._page_text(view))
        kind = OPINION_STEPS.get(step)
        rows = [o for o in self._store.opinions.opinions(self.rulebook_id) if o.kind is kind] \
            if self.status and kind and self.rulebook_id else []
        self.opinion_model.set_rows(rows)
        self.opinions_view.setVisible(kind is not None)
        self.reply_button.setVisible(kind is not None)
        page = self.pages[step]
        self.pages_stack.setCurrentWidget(page)
        self.pages_stack.setVisible(self.status is not None)
        self.attachments.setVisible(view is not None)
        if self.status is not None:
            page.reload()
            page.edits.mark_clean()  # what reload showed is what is stored
        if view is not None and self.rulebook_id:
            self.attachments.load_step(self.rulebook_id, step, view.status.state)

    def _page_text(self, view: StepView | None) -> str:
        figures = None
        if view is not None and view.step is WorkflowStep.PUBLIC_CONSULTATION and self.rulebook_id:
            today = date.today()
            if self._households is None or self._households[0] != today:  # 37,500 households: 10 ms to count
                self._households = (today, self._store.revisions.households_total(today))
            figures = consultation_figures(self._store.opinions.opinions(self.rulebook_id), self._households[1])
        return page_text(view, figures)

    # ----- acting -----
    def _on_bus_changed(self, changed: Changed) -> None:
        """The steps read the revision's records, its rulebook's texts, the linked meetings and the township's
        review and filing decision (a bundle import names those it brought); the households counted, the registry."""
        if changed.concerns(Entity.HOUSEHOLD, Entity.VILLAGER):
            self._households = None
        if changed.concerns(Entity.WORKFLOW, Entity.RULEBOOK, Entity.MEETING, Entity.TOWNSHIP_REVIEW):
            self.reload_status()

    def _on_start_button_clicked(self) -> None:
        if self.rulebook_id:
            self._act(lambda: self._store.revisions.start_revision(self.rulebook_id or "", date.today()))

    def _on_advance_button_clicked(self) -> None:
        current = self.status.current_step if self.status else None
        if current is None or self.rulebook_id is None:
            return
        refusals = advance_refusals(current, self.status.view(current).blockers if self.status else [],
                                    self._stores.actor)
        if refusals:  # the guard says no: its reasons, never a confirmation of what would fail
            QMessageBox.warning(self, "还不能完成本步", f"还不能结束“{current.label}”，还需要：\n"
                                + "\n".join(f"· {reason}" for reason in refusals))
            return
        answer = QMessageBox.question(self, "完成本步", f"确认完成“{current.label}”并进入下一步？此操作不能撤销。")
        if answer == QMessageBox.StandardButton.Yes:
            self._act(lambda: self._store.revisions.advance(self.rulebook_id or "", date.today()))

    def _on_reopen_button_clicked(self) -> None:
        if self.status is None or self.rulebook_id is None:
            return
        if refusals := reopen_refusals(self._stores.actor):
            QMessageBox.warning(self, "不能退回", "\n".join(refusals))
            return
        finished = [v.step for v in self.status.steps if v.status.state in (StepState.DONE, StepState.STALE)]
        choice = ReopenDialog.ask(self, finished) if finished else None
        if choice is not None:
            self._act(lambda: self._store.revisions.reopen(self.rulebook_id or "", choice[0], choice[1], date.today()))

    def _act(self, action: Callable[[], Changed]) -> None:
        """An irreversible act: done directly, then the undo stack is cleared (STYLE.md §4.3) and the bus hears
        what the act changed. An unexpected error offers 重试 (the act is one transaction: nothing was written)."""
        try:
            changed = run_with_retry(action, self)
        except DomainError as error:
            QMessageBox.warning(self, "不能完成", error.message)
            return
        if changed is None:
            return
        self.undo_stack.clear()
        self._bus.changed.emit(changed)

    def _on_reply_button_clicked(self) -> None:
        rows = self.opinions_view.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "答复意见", "请先在表中选择一条意见。")
            return
        opinion = rows[0].data(OPINION_ROLE)
        answer = ReplyDialog.ask(self, opinion)
        if answer is None:
            return
        disposition, reason = answer
        error = push_command(self.undo_stack, ReplyOpinionCommand(self._store.opinions, self._bus, opinion,
                                                                  disposition, reason, self._stores.actor.name,
                                                                  date.today()))
        if error is not None:  # e.g. "部分采纳" without a reason: the store refuses, nothing stays on the stack
            QMessageBox.warning(self, "不能答复", error.message)


def _steps_strip(steps: QGridLayout) -> QScrollArea:
    """The nine tiles in a strip that scrolls sideways when the window is narrower than they are."""
    steps.setContentsMargins(0, 0, 0, 0)
    tiles = QWidget()
    tiles.setLayout(steps)
    strip = QScrollArea()
    strip.setObjectName("steps_strip")
    strip.setFrameShape(QFrame.Shape.NoFrame)
    strip.setWidgetResizable(True)
    strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    strip.setWidget(tiles)
    strip.setFixedHeight(104 + strip.horizontalScrollBar().sizeHint().height())
    return strip
