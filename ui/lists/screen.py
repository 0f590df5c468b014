"""红黑榜 screen: the board of a period, entries with history and objections, my review queue, volunteers, printing."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget
from PySide6.QtGui import QUndoStack

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.lists.boards import signer_of
from models.lists.settings import default_period
from models.lists.workflow import ADVANCE_PERMISSION, Nomination
from models.lists.entries import ListEntry
from models.core.ports import Stores
from ui.core.bus import DataBus
from ui.lists.board_tab import BoardTab
from ui.lists.commands import NominateCommand
from ui.lists.consents import ConsentsDialog
from ui.lists.dialogs import ConsentDialog, NominationDialog, NominationInput, PrintOptions, PrintOptionsDialog
from ui.lists.entries_tab import EntriesTab
from printing.lists.list_jobs import ListPrintJob
from ui.lists.printing import ListPrinter
from ui.lists.volunteers import VolunteersPanel
from ui.lists.table_model import EntryTableModel
from ui.widgets.tables import table_view
from ui.widgets.store_command import push_command

# What the board, entries, queue and volunteers show (SYNC: a bundle import may have changed any of them).
RELOAD_ON = (Entity.LIST_ENTRY, Entity.LIST_OBJECTION, Entity.NAMING_BASIS, Entity.VOLUNTEER_RECORD,
             Entity.LIST_SETTINGS, Entity.HOUSEHOLD, Entity.VILLAGER, Entity.RULEBOOK)


class ListsScreen(BoardTab, EntriesTab, QWidget):
    """红黑榜 — board by period, entry editor with history, review queue per role, objections and consent."""

    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._stores, self._store, self._actor, self._bus = stores, stores.list_entries, stores.actor, bus
        self.undo_stack = QUndoStack(self)
        self.today: Callable[[], date] = today  # replaceable in tests: the day acts are dated and entries expire
        # the village's cycle: month or quarter
        self.period = default_period(self._stores.list_settings.settings, self.today())
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
        self.printer = ListPrinter(self._stores.board_log, self, self._register_printed)
        layout.addLayout(top)
        self.tabs_widget = QTabWidget()
        self.tabs_widget.addTab(self._build_board(), "榜单")
        self.tabs_widget.addTab(self._build_entries(), "条目与流转")
        self.tabs_widget.addTab(self._build_queue(), "待我处理")
        self.volunteers = VolunteersPanel(self._stores.volunteer_records, self._store, self._actor, self._bus,
                                          self.undo_stack, lambda: self.today())
        self.tabs_widget.addTab(self.volunteers, "志愿服务")
        layout.addWidget(self.tabs_widget, 1)
        self.help_label = QLabel("提名和续期可撤销（Ctrl+Z，仅限本次登录）；评议、审核、公示、发布、撤榜、异议和答复都记入流转记录，"
                                "不能撤销；登记撤回同意也不能撤销。")
        self.help_label.setWordWrap(True)
        layout.addWidget(self.help_label)

    def _build_queue(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.queue_label = QLabel(f"{self._actor.name}（{self._actor.role.label}）可以办理的条目，双击转到该条目：")
        self.queue_model = EntryTableModel(self._queue)
        self.queue_view = table_view(self.queue_model, 5)
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
    def _queue(self) -> list[ListEntry]:
        return [e for e in self._store.waiting() if self._actor.can(ADVANCE_PERMISSION[e.state])]

    def reload(self) -> None:
        try:
            self._store.expire_due(self.today())  # R29: entries past their cycle come down before anyone looks
        except DomainError:
            pass  # a role without the right to take entries down sees them until an approver opens the screen
        current = default_period(self._stores.list_settings.settings, self.today())
        periods = sorted({*self._store.periods(), current, self.period})
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItems(periods[::-1])
        self.period_combo.setCurrentText(self.period)
        self.period_combo.blockSignals(False)
        self._show_board()
        for model in (self.entries_model, self.queue_model):
            model.reload()
        entries = [self.entries_model.row_at(row) for row in range(self.entries_model.rowCount())]
        self._show_board_hint(current, entries)
        self.volunteers.set_period(self.period)
        self.select_entry(self.selected_id)

    # --- slots --------------------------------------------------------------------------------------------------

    def _on_bus_changed(self, changed: Changed) -> None:
        if changed.concerns(*RELOAD_ON):
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
        written: list[NominateCommand] = []
        given = NominationDialog.ask(self, self.period, self._actor.name, articles,
                                     lambda text: self._stores.registry.search(text, 50),
                                     save=lambda given: self._nominate(given, written))
        if given is None or not written:
            return
        command = written[0]
        self.period, self.selected_id = given.period, command.entry_id
        self.reload()
        if command.warnings:
            QMessageBox.information(self, "已提名，但还不能提交评议", "\n".join(command.warnings))

    def _nominate(self, given: NominationInput, written: list[NominateCommand]) -> DomainError | None:
        """Write the nomination while its dialog is open: a refusal is shown there, with what was typed."""
        mine = self._actor.user_id if given.proposer == self._actor.name else ""
        nomination = Nomination(given.list_kind, given.period, given.facts, given.proposer, mine, honour=given.honour,
                                occurred_on=given.occurred_on, consequence=given.consequence,
                                villager_id=given.villager_id)
        command = NominateCommand(self._store, self._bus, nomination, given.household_no, given.article, self.today())
        error = push_command(self.undo_stack, command)
        if error is None:
            written.append(command)
        return error

    def _on_consent_button_clicked(self) -> None:
        entry = self.selected_entry
        given = ConsentDialog.ask(self, entry.household_no if entry else "",
                                  entry.subject_name if entry and entry.villager_id else "")
        if given is not None:
            self._act(lambda: self._stores.naming_bases.record_naming_basis(
                given[0], given[1], given[2], on=self.today(), villager=given[3], all_members=given[4]))

    def _on_consents_button_clicked(self) -> None:
        """The bases of the selected entry's household (or all), where a consent is withdrawn (PIPL Art. 15)."""
        entry = self.selected_entry
        dialog = ConsentsDialog(self._stores.naming_bases, entry.household_no if entry else "", self.today,
                                self._act, self._actor.can(Permission.EDIT_RECORDS), self)
        dialog.exec()

    def _register_printed(self, job: ListPrintJob) -> None:
        """A saved board or notice registers as a disclosure in 三务公开 (打印即登记, issue 23)."""
        from models.disclosures.printed import PrintedNotice

        changed = self._stores.publications.register_printed(
            PrintedNotice(job.product, job.title, job.fingerprint, self.today()))
        if changed is not None:
            self._bus.changed.emit(changed)

    def _village(self) -> str:
        return self._stores.profile.get().village

    def _print_options(self, product: str, date_label: str, hint: str) -> PrintOptions | None:
        """Ask the date and 落款 of a print (defaults: today, the villagers' committee, or the last signer typed)."""
        default = signer_of(self._village())
        given = PrintOptionsDialog.ask(self, f"打印{product}", date_label, self.today(), self.last_signer or default,
                                       hint)
        if given is not None:
            self.last_signer = given.signer if given.signer != default else ""
        return given

