"""The 条目与流转 tab of the lists screen: entries, history, objections, and the irreversible steps, refusal first."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget
from PySide6.QtGui import QUndoStack

from models.core.accounts import Actor, Permission
from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ports import Stores
from models.lists.entries import EntryState, ListEntry, ListKind, WithdrawReason
from models.lists.ports import ListEntryStore
from models.lists.services import ListDocumentFacts, entry_facts, publicity_facts
from models.lists.workflow import ADVANCE_PERMISSION, NEXT_STATE, next_period, refuse_refusals, withdraw_refusals
from printing.lists.list_jobs import certificate_job, publicity_job
from ui.core.bus import DataBus
from ui.lists.commands import RenewCommand
from ui.lists.dialogs import AnswerDialog, ObjectionDialog, PrintOptions, StepDialog
from ui.lists.printing import ListPrinter
from ui.lists.table_model import EntryTableModel, ObjectionTableModel, TransitionTableModel, is_waiting
from ui.widgets.tables import table_view
from ui.widgets.attachments import ADDED_BY, ADDED_ON, FILE_NAME, NOTE, SIZE, AttachmentsPanel
from ui.widgets.empty_hint import add_empty_hint
from ui.widgets.store_command import push_command

IRREVERSIBLE = "此操作记入流转记录和审计日志，不能撤销。"


class EntriesTab:
    """Mixed into ListsScreen: builds the 条目与流转 page, shows the selected entry, and does its steps."""

    # Provided by ListsScreen (declared for readers and type checkers; no class attributes are set here).
    _stores: Stores
    _store: ListEntryStore
    _actor: Actor
    _bus: DataBus
    undo_stack: QUndoStack
    today: Callable[[], date]
    period: str
    selected_id: str
    printer: ListPrinter
    print_board_button: QPushButton
    print_removal_button: QPushButton
    reload: Callable[[], None]
    _village: Callable[[], str]
    _print_options: Callable[[str, str, str], PrintOptions | None]

    def _build_entries(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.entries_model = EntryTableModel(lambda: self._store.entries(self.period))
        self.entries_view = table_view(self.entries_model, 5)
        layout.addWidget(self.entries_view, 2)
        actions = QHBoxLayout()
        self.advance_button, self.refuse_button = QPushButton("推进到下一步…"), QPushButton("不通过…")
        self.rectified_button, self.renew_button = QPushButton("整改到位，撤榜…"), QPushButton("续期…")
        self.objection_button, self.answer_button = QPushButton("登记异议…"), QPushButton("答复异议…")
        self.print_publicity_button = QPushButton("打印公示…")
        self.print_certificate_button = QPushButton("打印荣誉证书…")
        for button in (self.advance_button, self.refuse_button, self.rectified_button, self.renew_button,
                       self.objection_button, self.answer_button):
            button.setMinimumHeight(34)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        printing = QHBoxLayout()  # a row of its own: eight buttons in one row need more than a 1024-pixel screen
        printing.addStretch(1)
        for button in (self.print_publicity_button, self.print_certificate_button):
            button.setMinimumHeight(34)
            printing.addWidget(button)
        layout.addLayout(printing)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.history_model = TransitionTableModel(lambda: self._store.transitions(self.selected_id)
                                                  if self.selected_id else [])
        self.objections_model = ObjectionTableModel(lambda: self._stores.list_objections.objections(self.selected_id)
                                                    if self.selected_id else [])
        self.history_view, self.objections_view = table_view(self.history_model), table_view(self.objections_model, 2)
        add_empty_hint(self.objections_view, "暂无异议")
        lower = QHBoxLayout()
        for title, view in (("流转记录：", self.history_view), ("异议：", self.objections_view)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(view)
            lower.addLayout(column, 1)
        self.evidence_panel = AttachmentsPanel(
            self._stores.attachments, self._bus, self.undo_stack, OwnerKind.LIST_ENTRY,
            "证据附件（仅供评议审核留档，不上榜、不打印）：", (FILE_NAME, SIZE, ADDED_BY, ADDED_ON, NOTE),
            "暂无证据附件", self._actor.can(Permission.EDIT_RECORDS))
        lower.addWidget(self.evidence_panel, 1)
        layout.addLayout(lower, 1)
        return page

    def select_entry(self, entry_id: str) -> None:
        row = self.entries_model.position_of(entry_id) if entry_id else -1
        if row >= 0:
            self.entries_view.selectRow(row)
        self._select_row(row)

    def _select_row(self, row: int) -> None:
        entry = self.entries_model.row_at(row) if 0 <= row < self.entries_model.rowCount() else None
        self.selected_id = entry.id if entry else ""
        self.history_model.reload()
        self.objections_model.reload()
        self.evidence_panel.load(AttachmentOwner(OwnerKind.LIST_ENTRY, entry.id) if entry else None,
                                 Changed.one(Entity.LIST_ENTRY, entry.id) if entry else None)
        self.detail_label.setText(_describe(entry) if entry else "请在上表选择一个条目。")
        open_entry = entry is not None and is_waiting(entry)
        self.advance_button.setEnabled(open_entry and self._actor.can(ADVANCE_PERMISSION[entry.state]))
        self.refuse_button.setEnabled(open_entry and self._actor.can(Permission.APPROVE) or
                                      open_entry and self._actor.can(Permission.SUPERVISE))
        self.rectified_button.setEnabled(entry is not None and entry.state is EntryState.PUBLISHED)
        self.renew_button.setEnabled(entry is not None and self._actor.can(Permission.EDIT_RECORDS) and (
            entry.state is EntryState.PUBLISHED or entry.end_reason == WithdrawReason.PERIOD_ENDED.label))
        self.objection_button.setEnabled(entry is not None and entry.state is EntryState.PUBLICITY)
        self.answer_button.setEnabled(self.objections_model.rowCount() > 0)
        idle = not self.printer.busy
        self.print_publicity_button.setEnabled(idle and entry is not None and entry.state is EntryState.PUBLICITY)
        self.print_certificate_button.setEnabled(idle and entry is not None and entry.list_kind is ListKind.RED
                                                 and entry.state is EntryState.PUBLISHED)
        self.print_board_button.setEnabled(idle)
        self.print_removal_button.setEnabled(idle)

    @property
    def selected_entry(self) -> ListEntry | None:
        return self._store.entry(self.selected_id) if self.selected_id else None

    def _on_advance_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is None or not is_waiting(entry):
            return
        if self._refused(f"还不能{entry.state.label} → {NEXT_STATE[entry.state].label}",
                         self._store.advance_refusals(entry.id, on=self.today())):
            return
        target = NEXT_STATE[entry.state]
        extra = "发布后条目上榜，到期自动撤榜。" if target is EntryState.PUBLISHED else ""
        if target is EntryState.PUBLICITY:
            extra = "进入公示即视为已书面告知本户，公示期内可登记异议。"
        override = entry.state is EntryState.NOMINATED and self._actor.can(Permission.APPROVE)
        given = StepDialog.ask(self, f"{entry.state.label} → {target.label}", extra + IRREVERSIBLE, override)
        if given is not None:
            self._act(lambda: self._store.advance(entry.id, given[0], given[1], on=self.today()))

    def _on_refuse_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is not None and self._refused("不能作不通过处理", refuse_refusals(entry, self._actor)):
            return
        given = StepDialog.ask(self, "不通过", "请写明不通过的理由，条目随即结束。" + IRREVERSIBLE) if entry else None
        if entry is not None and given is not None:
            self._act(lambda: self._store.refuse(entry.id, given[0], on=self.today()))

    def _on_rectified_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is not None and self._refused("不能撤榜", withdraw_refusals(entry, self._actor)):
            return
        given = StepDialog.ask(self, "整改到位，撤榜", "整改到位的条目立即撤下。" + IRREVERSIBLE) if entry else None
        if entry is not None and given is not None:
            self._act(lambda: self._store.withdraw(entry.id, WithdrawReason.RECTIFIED, given[0], on=self.today()))

    def _on_renew_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is None:
            return
        period, ok = QInputDialog.getText(self, "续期", "续期到期次（续期要重新走评议、审核、公示后才能上榜）：",
                                          text=next_period(entry.parsed_period).code)
        if not ok or not period.strip():
            return
        command = RenewCommand(self._store, self._bus, entry.id, period.strip(), self.today())
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "不能续期", error.message)
            return
        self.period, self.selected_id = self._store.entry(command.entry_id).period, command.entry_id
        self.reload()
        if command.warnings:
            QMessageBox.information(self, "已续期提名，但还不能提交评议", "\n".join(command.warnings))

    def _on_objection_button_clicked(self) -> None:
        given = ObjectionDialog.ask(self) if self.selected_id else None
        if given is not None:
            entry_id = self.selected_id
            objections = self._stores.list_objections
            self._act(lambda: objections.add_objection(entry_id, given[0], given[1], on=self.today()))

    def _on_answer_button_clicked(self) -> None:
        row = self.objections_view.currentIndex().row()
        objection = self.objections_model.row_at(row if row >= 0 else 0) if self.objections_model.rowCount() else None
        given = AnswerDialog.ask(self, objection.content) if objection else None
        if objection is not None and given is not None:
            objections = self._stores.list_objections
            self._act(lambda: objections.answer_objection(objection.id, given[0], given[1], on=self.today()))

    def _on_print_publicity_button_clicked(self) -> None:
        entry_id = self.selected_id
        given = self._print_options("公示", "公示日期：", "打印所选条目的拟上榜公示。")
        if given is not None:
            self.printer.start(lambda: publicity_job(self._facts(entry_id, publicity=True), self._village(), given.on,
                                                     signer=given.signer))

    def _on_print_certificate_button_clicked(self) -> None:
        entry_id = self.selected_id
        given = self._print_options("荣誉证书", "颁发日期：", "打印所选红榜条目的荣誉证书。")
        if given is not None:
            self.printer.start(lambda: certificate_job(self._facts(entry_id), self._village(), given.on,
                                                       given.signer))

    def _facts(self, entry_id: str, publicity: bool = False) -> ListDocumentFacts:
        stores = self._stores
        if publicity:
            return publicity_facts(self._store, stores.naming_bases, stores.list_settings, entry_id=entry_id)
        return entry_facts(self._store, stores.naming_bases, stores.list_settings, entry_id)

    def _refused(self, title: str, reasons: list[str]) -> bool:
        """The rule says no: its reasons, never a confirmation of an act that would fail (True when refused)."""
        if reasons:
            QMessageBox.warning(self, title, "\n".join(reasons))
        return bool(reasons)

    def _act(self, act: Callable[[], Changed]) -> bool:
        """Do one irreversible act: show a refusal, else clear the undo stack and tell every screen what changed."""
        try:
            changed = act()
        except DomainError as error:
            QMessageBox.warning(self, "不能办理", error.message)
            return False
        self.undo_stack.clear()
        self._bus.changed.emit(changed)
        return True


def _describe(entry: ListEntry) -> str:
    who = f"第{entry.household_no}户" + (f"{entry.subject_name}（个人）" if entry.villager_id else "")
    parts = [f"{entry.list_kind.label} · {entry.period} · {who}（{entry.group_name}）· {entry.state.label}", f"依据：{entry.article.citation}" if entry.article else "依据：未引用条款"]
    if entry.occurred_on:
        parts.append(f"发生日期：{entry.occurred_on.year}年{entry.occurred_on.month}月{entry.occurred_on.day}日")
    if entry.consequence:
        parts.append(f"上榜后果：{entry.consequence}")
    if entry.override_reason:
        parts.append(f"特批：{entry.override_reason}（{entry.override_by}）")
    if entry.end_reason:
        parts.append(f"结束原因：{entry.end_reason}")
    return "；".join(parts)
