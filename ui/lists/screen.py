"""红黑榜 screen: the board of a period, entries with history and objections, my review queue, volunteers, printing."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)
from PySide6.QtGui import QUndoStack

from models.core.accounts import Permission
from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.boards import signer_of
from models.lists.settings import default_period
from models.lists.workflow import (ADVANCE_PERMISSION, NEXT_STATE, Nomination, next_period, refuse_refusals,
                                   withdraw_refusals)
from models.lists.entries import EntryState, ListEntry, ListKind, Period, WithdrawReason
from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.lists.board_hint import empty_board_hint
from ui.lists.commands import NominateCommand, RenewCommand
from printing.lists.list_jobs import board_job, certificate_job, publicity_job, removal_job
from ui.lists.consents import ConsentsDialog
from ui.lists.dialogs import (AnswerDialog, ConsentDialog, NominationDialog, ObjectionDialog, PrintOptions,
                             PrintOptionsDialog, StepDialog)
from ui.lists.printing import ListPrinter
from ui.lists.volunteers import VolunteersPanel
from ui.lists.table_model import (KIND_COLOURS, BoardLineTableModel, EntryTableModel, ObjectionTableModel,
                                  TransitionTableModel, is_waiting)
from ui.widgets.attachments import ADDED_BY, ADDED_ON, FILE_NAME, NOTE, SIZE, AttachmentsPanel
from ui.widgets.empty_hint import add_empty_hint
from ui.widgets.store_command import push_command

RELOAD_ON = {Entity.LIST_ENTRY, Entity.HOUSEHOLD, Entity.VILLAGER, Entity.RULEBOOK, Entity.SYNC}
IRREVERSIBLE = "此操作记入流转记录和审计日志，不能撤销。"


def _table(model: object, stretch: int = -1) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ListsScreen(QWidget):
    """红黑榜 — board by period, entry editor with history, review queue per role, objections and consent."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._stores, self._store, self._actor, self._bus = stores, stores.lists, stores.actor, bus
        self.undo_stack = QUndoStack(self)
        self.today: Callable[[], date] = today  # replaceable in tests: the day acts are dated and entries expire
        self.period = default_period(self._store.settings, self.today())  # the village's cycle: month or quarter
        self.selected_id = ""
        self.last_signer = ""  # a 落款 typed for an earlier print this session, offered again
        self._build_ui()
        self._connect_signals()
        self.reload()

    # --- building ---------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.period_combo.setMinimumWidth(140)
        self.nominate_button, self.consent_button = QPushButton("提名上榜…"), QPushButton("记录公开姓名依据…")
        self.consents_button = QPushButton("查看、撤回依据…")
        self.print_board_button, self.print_removal_button = QPushButton("打印榜单…"), QPushButton("打印撤榜公告…")
        for widget in (QLabel("期次："), self.period_combo, self.nominate_button, self.consent_button,
                       self.consents_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.print_board_button)
        top.addWidget(self.print_removal_button)
        self.printer = ListPrinter(self._store, self)
        layout.addLayout(top)
        self.tabs_widget = QTabWidget()
        self.tabs_widget.addTab(self._build_board(), "榜单")
        self.tabs_widget.addTab(self._build_entries(), "条目与流转")
        self.tabs_widget.addTab(self._build_queue(), "待我处理")
        self.volunteers = VolunteersPanel(self._store, self._actor, self._bus, self.undo_stack, lambda: self.today())
        self.tabs_widget.addTab(self.volunteers, "志愿服务")
        layout.addWidget(self.tabs_widget, 1)
        self.help_label = QLabel("提名和续期可撤销（Ctrl+Z，仅限本次登录）；评议、审核、公示、发布、撤榜、异议和答复都记入流转记录，"
                                "不能撤销；登记撤回同意也不能撤销。")
        self.help_label.setWordWrap(True)
        layout.addWidget(self.help_label)

    def _build_board(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.board_hint_label = QLabel()
        self.board_hint_label.setWordWrap(True)
        self.board_hint_label.setStyleSheet("color: #555555; font-size: 15px; padding: 6px;")
        column.addWidget(self.board_hint_label)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        self.board_models: dict[ListKind, BoardLineTableModel] = {}
        self.board_views: dict[ListKind, QTableView] = {}
        for kind in ListKind:
            box = QGroupBox(kind.label)
            box.setStyleSheet(f"QGroupBox {{ background: {KIND_COLOURS[kind]}; font-size: 16px; font-weight: bold; }}")
            inner = QVBoxLayout(box)
            model = BoardLineTableModel(lambda k=kind: self._board_lines(k))
            self.board_models[kind], self.board_views[kind] = model, _table(model, 1)
            self.board_views[kind].horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            # Board lines wrap: the facts are read in full, as on the poster.
            self.board_views[kind].verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            inner.addWidget(self.board_views[kind])
            row.addWidget(box, 1)
        return page

    def _build_entries(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.entries_model = EntryTableModel(lambda: self._store.entries(self.period))
        self.entries_view = _table(self.entries_model, 5)
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
        for button in (self.print_publicity_button, self.print_certificate_button):
            button.setMinimumHeight(34)
            actions.addWidget(button)
        layout.addLayout(actions)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.history_model = TransitionTableModel(lambda: self._store.transitions(self.selected_id)
                                                  if self.selected_id else [])
        self.objections_model = ObjectionTableModel(lambda: self._store.objections(self.selected_id)
                                                    if self.selected_id else [])
        self.history_view, self.objections_view = _table(self.history_model), _table(self.objections_model, 2)
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

    def _build_queue(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.queue_label = QLabel(f"{self._actor.name}（{self._actor.role.label}）可以办理的条目，双击转到该条目：")
        self.queue_model = EntryTableModel(self._queue)
        self.queue_view = _table(self.queue_model, 5)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.queue_view)
        return page

    def _connect_signals(self) -> None:
        self.period_combo.activated.connect(self._on_period_combo_activated)
        self.period_combo.lineEdit().editingFinished.connect(self._on_period_combo_activated)
        self.nominate_button.clicked.connect(self._on_nominate_button_clicked)
        self.consent_button.clicked.connect(self._on_consent_button_clicked)
        self.consents_button.clicked.connect(self._on_consents_button_clicked)
        self.advance_button.clicked.connect(self._on_advance_button_clicked)
        self.refuse_button.clicked.connect(self._on_refuse_button_clicked)
        self.rectified_button.clicked.connect(self._on_rectified_button_clicked)
        self.renew_button.clicked.connect(self._on_renew_button_clicked)
        self.objection_button.clicked.connect(self._on_objection_button_clicked)
        self.answer_button.clicked.connect(self._on_answer_button_clicked)
        self.print_board_button.clicked.connect(self._on_print_board_button_clicked)
        self.print_removal_button.clicked.connect(self._on_print_removal_button_clicked)
        self.print_publicity_button.clicked.connect(self._on_print_publicity_button_clicked)
        self.print_certificate_button.clicked.connect(self._on_print_certificate_button_clicked)
        self.printer.busy_changed.connect(lambda _busy: self._select_row(self.entries_model.position_of(
            self.selected_id)))
        self.entries_view.selectionModel().currentRowChanged.connect(lambda current, _: self._select_row(current.row()))
        self.queue_view.doubleClicked.connect(self._on_queue_view_double_clicked)
        self._bus.changed.connect(self._on_bus_changed)

    # --- reading ----------------------------------------------------------------------------------------------
    def _board_lines(self, kind: ListKind) -> tuple:
        try:
            return self._store.board(self.period, on=self.today()).lines(kind)
        except DomainError:
            return ()

    def _queue(self) -> list[ListEntry]:
        waiting = [e for e in self._store.entries() if is_waiting(e) and self._actor.can(ADVANCE_PERMISSION[e.state])]
        return sorted(waiting, key=lambda e: (e.period, e.household_no))

    def reload(self) -> None:
        try:
            self._store.expire_due(self.today())  # R29: entries past their cycle come down before anyone looks
        except DomainError:
            pass  # a role without the right to take entries down sees them until an approver opens the screen
        current = default_period(self._store.settings, self.today())
        periods = sorted({e.period for e in self._store.entries()} | {current, self.period})
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItems(periods[::-1])
        self.period_combo.setCurrentText(self.period)
        self.period_combo.blockSignals(False)
        for model in (*self.board_models.values(), self.entries_model, self.queue_model):
            model.reload()
        empty = all(model.rowCount() == 0 for model in self.board_models.values())
        entries = [self.entries_model.row_at(row) for row in range(self.entries_model.rowCount())]
        self.board_hint_label.setText(empty_board_hint(self.period, current, entries) if empty else "")
        self.board_hint_label.setVisible(empty)
        self.volunteers.set_period(self.period)
        self.select_entry(self.selected_id)

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
                                 Changed(Entity.LIST_ENTRY, frozenset({entry.id})) if entry else None)
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

    # --- slots --------------------------------------------------------------------------------------------------
    def _on_period_combo_activated(self) -> None:
        text = self.period_combo.currentText().strip()
        if text and text != self.period:
            self.period = text
            self.selected_id = ""
            self.reload()

    def _on_bus_changed(self, changed: Changed) -> None:
        if changed.entity in RELOAD_ON:
            self.reload()

    def _on_queue_view_double_clicked(self) -> None:
        row = self.queue_view.currentIndex().row()
        if row >= 0:
            entry = self.queue_model.row_at(row)
            self.period, self.selected_id = entry.period, entry.id
            self.reload()
            self.tabs_widget.setCurrentIndex(1)

    def _on_nominate_button_clicked(self) -> None:
        try:
            articles = self._store.articles_in_force()
        except DomainError:
            articles = []  # red entries may rest on an honour; yellow/black are refused later with the reason
        given = NominationDialog.ask(self, self.period, self._actor.name, articles,
                                     lambda text: self._stores.registry.search(text, 50))
        if given is None:
            return
        mine = self._actor.user_id if given.proposer == self._actor.name else ""
        nomination = Nomination(given.list_kind, given.period, given.facts, given.proposer, mine, honour=given.honour,
                                occurred_on=given.occurred_on, consequence=given.consequence,
                                villager_id=given.villager_id)
        command = NominateCommand(self._store, self._bus, nomination, given.household_no, given.article, self.today())
        error = push_command(self.undo_stack, command)
        if error is not None:
            QMessageBox.warning(self, "不能提名", error.message)
            return
        self.period, self.selected_id = given.period, command.entry_id
        self.reload()
        if command.warnings:
            QMessageBox.information(self, "已提名，但还不能提交评议", "\n".join(command.warnings))

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
            self._act(entry.id, lambda: self._store.advance(entry.id, given[0], given[1], on=self.today()))

    def _on_refuse_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is not None and self._refused("不能作不通过处理", refuse_refusals(entry, self._actor)):
            return
        given = StepDialog.ask(self, "不通过", "请写明不通过的理由，条目随即结束。" + IRREVERSIBLE) if entry else None
        if entry is not None and given is not None:
            self._act(entry.id, lambda: self._store.refuse(entry.id, given[0], on=self.today()))

    def _on_rectified_button_clicked(self) -> None:
        entry = self.selected_entry
        if entry is not None and self._refused("不能撤榜", withdraw_refusals(entry, self._actor)):
            return
        given = StepDialog.ask(self, "整改到位，撤榜", "整改到位的条目立即撤下。" + IRREVERSIBLE) if entry else None
        if entry is not None and given is not None:
            self._act(entry.id, lambda: self._store.withdraw(entry.id, WithdrawReason.RECTIFIED, given[0],
                                                             on=self.today()))

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
            self._act(entry_id, lambda: self._store.add_objection(entry_id, given[0], given[1], on=self.today()))

    def _on_answer_button_clicked(self) -> None:
        row = self.objections_view.currentIndex().row()
        objection = self.objections_model.row_at(row if row >= 0 else 0) if self.objections_model.rowCount() else None
        given = AnswerDialog.ask(self, objection.content) if objection else None
        if objection is not None and given is not None:
            self._act(objection.entry_id, lambda: self._store.answer_objection(objection.id, given[0], given[1],
                                                                                on=self.today()))

    def _on_consent_button_clicked(self) -> None:
        entry = self.selected_entry
        given = ConsentDialog.ask(self, entry.household_no if entry else "",
                                  entry.subject_name if entry and entry.villager_id else "")
        if given is not None:
            self._act(self.selected_id, lambda: self._store.record_naming_basis(
                given[0], given[1], given[2], on=self.today(), villager=given[3], all_members=given[4]))

    def _on_consents_button_clicked(self) -> None:
        """The bases of the selected entry's household (or all), where a consent is withdrawn (PIPL Art. 15)."""
        entry = self.selected_entry
        entry_id = self.selected_id
        dialog = ConsentsDialog(self._store, entry.household_no if entry else "", self.today,
                                lambda act: self._act(entry_id, act), self._actor.can(Permission.EDIT_RECORDS), self)
        dialog.exec()

    def _village(self) -> str:
        return self._stores.profile.get().village

    def _period_text(self) -> str:
        try:
            return Period.parse(self.period).text
        except DomainError:
            return self.period

    def _print_options(self, product: str, date_label: str, hint: str) -> PrintOptions | None:
        """Ask the date and 落款 of a print (defaults: today, the villagers' committee, or the last signer typed)."""
        default = signer_of(self._village())
        given = PrintOptionsDialog.ask(self, f"打印{product}", date_label, self.today(), self.last_signer or default,
                                       hint)
        if given is not None:
            self.last_signer = given.signer if given.signer != default else ""
        return given

    def _on_print_board_button_clicked(self) -> None:
        given = self._print_options("榜单", "榜单日期：", f"打印{self._period_text()}的榜单。到这一天已到期的条目不上榜。")
        if given is not None:
            self.printer.start(lambda: board_job(self._store, self._village(), self.period, given.on, given.signer))

    def _on_print_removal_button_clicked(self) -> None:
        given = self._print_options("撤榜公告", "公告日期：", f"打印{self._period_text()}的撤榜公告，列出到这一天已撤下的条目。")
        if given is not None:
            self.printer.start(lambda: removal_job(self._store, self._village(), self.period, given.on,
                                                   signer=given.signer))

    def _on_print_publicity_button_clicked(self) -> None:
        entry_id = self.selected_id
        given = self._print_options("公示", "公示日期：", "打印所选条目的拟上榜公示。")
        if given is not None:
            self.printer.start(lambda: publicity_job(self._store, self._village(), given.on, entry_id=entry_id,
                                                     signer=given.signer))

    def _on_print_certificate_button_clicked(self) -> None:
        entry_id = self.selected_id
        given = self._print_options("荣誉证书", "颁发日期：", "打印所选红榜条目的荣誉证书。")
        if given is not None:
            self.printer.start(lambda: certificate_job(self._store, self._village(), entry_id, given.on,
                                                       given.signer))

    def _refused(self, title: str, reasons: list[str]) -> bool:
        """The rule says no: its reasons, never a confirmation of an act that would fail (True when refused)."""
        if reasons:
            QMessageBox.warning(self, title, "\n".join(reasons))
        return bool(reasons)

    def _act(self, entry_id: str, act: Callable[[], object]) -> bool:
        """Do one irreversible act: show a refusal, else tell every screen and clear the undo stack."""
        try:
            act()
        except DomainError as error:
            QMessageBox.warning(self, "不能办理", error.message)
            return False
        self.undo_stack.clear()
        self._bus.changed.emit(Changed(Entity.LIST_ENTRY, frozenset({entry_id} if entry_id else ())))
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
