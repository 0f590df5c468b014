"""The 志愿服务 tab of the lists screen: record participations, rank a period, propose the top households (推荐上红榜)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from models.core.accounts import Actor
from models.lists.boards import VOLUNTEER_HONOUR, VolunteerRank, volunteer_facts
from models.core.errors import DomainError
from models.lists.workflow import Nomination
from models.lists.entries import ListKind, Period
from models.lists.ports import ListEntryStore, VolunteerStore
from ui.core.bus import DataBus
from ui.lists.commands import AddParticipationCommand, NominateCommand
from ui.lists.table_model import ParticipationTableModel, VolunteerRankTableModel
from ui.widgets.store_command import push_command

RANKED = 10  # how many households the ranking shows


def _view(model: object, multi: bool, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class VolunteersPanel(QWidget):
    """志愿服务 — participations of the period, the ranking, and red nominations from the top households."""

    def __init__(self, store: VolunteerStore, entries: ListEntryStore, actor: Actor, bus: DataBus,
                 undo_stack: QUndoStack, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._entries, self._actor, self._bus, self._undo = store, entries, actor, bus, undo_stack
        self._today = today
        self.period = f"{today():%Y-%m}"
        self._build_ui()
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        self.ranking_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _build_ui(self) -> None:
        self.household_edit, self.activity_edit = QLineEdit(), QLineEdit()
        self.household_edit.setMaximumWidth(90)
        self.activity_edit.setPlaceholderText("如“清扫村道”“修水渠”“护林巡山”")
        self.date_edit, self.hours_spin = QDateEdit(), QDoubleSpinBox()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.hours_spin.setRange(0.5, 24)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setValue(2)
        self.record_button = QPushButton("记录")
        form = QHBoxLayout()
        for widget in (QLabel("户号："), self.household_edit, QLabel("活动："), self.activity_edit, QLabel("日期："),
                       self.date_edit, QLabel("时长（小时）："), self.hours_spin, self.record_button):
            form.addWidget(widget)
        self.participations_model = ParticipationTableModel(lambda: self._store.participations(self.period))
        self.ranking_model = VolunteerRankTableModel(lambda: self._store.volunteer_ranking(self.period, RANKED))
        self.participations_view = _view(self.participations_model, False, 2)
        self.ranking_view = _view(self.ranking_model, True, 3)
        self.propose_button = QPushButton("推荐上红榜…")
        self.propose_button.setMinimumHeight(34)
        self.ranking_label = QLabel()
        tables = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel("本期志愿服务记录（Ctrl+Z 可撤回刚记的一条）："))
        left.addWidget(self.participations_view)
        right.addWidget(self.ranking_label)
        right.addWidget(self.ranking_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.propose_button)
        right.addLayout(buttons)
        tables.addLayout(left, 1)
        tables.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tables, 1)

    def set_period(self, period: str) -> None:
        self.period = period
        self.reload()

    def reload(self) -> None:
        try:
            parsed = Period.parse(self.period)
        except DomainError:  # an unreadable period shows nothing; the screen reports it
            return
        day = min(max(self._today(), parsed.start), parsed.end)
        if not parsed.start <= self._pydate() <= parsed.end:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.ranking_label.setText(f"{parsed.text}排名（按次数，其次按时长；可多选）：")
        self.participations_model.reload()
        self.ranking_model.reload()
        self._update_buttons()

    def _pydate(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def _update_buttons(self) -> None:
        self.propose_button.setEnabled(bool(self.selected_ranks()))

    def selected_ranks(self) -> list[VolunteerRank]:
        rows = sorted({index.row() for index in self.ranking_view.selectionModel().selectedRows()})
        return [self.ranking_model.row_at(row) for row in rows]

    def _on_record_button_clicked(self) -> None:
        command = AddParticipationCommand(self._store, self._bus, self.household_edit.text().strip(),
                                          self.activity_edit.text().strip(), self._pydate(), self.hours_spin.value())
        error = push_command(self._undo, command)
        if error is not None:
            QMessageBox.warning(self, "不能记录", error.message)
            return
        self.household_edit.clear()

    def _on_propose_button_clicked(self) -> None:
        ranks, period = self.selected_ranks(), Period.parse(self.period)
        waiting = {e.household_id for e in self._entries.entries(period.code)
                   if e.list_kind is ListKind.RED and not e.state.is_final}
        chosen = [r for r in ranks if r.household_id not in waiting]
        skipped = [r for r in ranks if r.household_id in waiting]
        if not chosen:
            QMessageBox.information(self, "无需推荐", "所选的户本期已有红榜条目（尚未结束），不再重复提名。")
            return
        names = "、".join(f"第{r.household_no}户（{r.times}次）" for r in chosen)
        answer = QMessageBox.question(self, "推荐上红榜",
                                      f"把{names}提名为{period.text}红榜（{VOLUNTEER_HONOUR}）？\n"
                                      "每一户都按正常流程提名，之后还须执委会评议、监委会审核、公示后才能上榜。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._report(*self._nominate(chosen, period), skipped)

    def _nominate(self, chosen: list[VolunteerRank], period: Period) -> tuple[list[str], list[str]]:
        """One nomination per household through the normal path (guards, warnings); undone together."""
        done, problems = [], []
        self._undo.beginMacro(f"推荐上红榜（{len(chosen)}户）")
        try:
            for rank in chosen:
                nomination = Nomination(ListKind.RED, period.code, volunteer_facts(rank, period), self._actor.name,
                                        self._actor.user_id, honour=VOLUNTEER_HONOUR)
                command = NominateCommand(self._entries, self._bus, nomination, rank.household_no, "", self._today())
                error = push_command(self._undo, command)
                if error is not None:
                    problems.append(f"第{rank.household_no}户未能提名：{error.message}")
                    continue
                done.append(rank.household_no)
                problems += [f"第{rank.household_no}户：{w}" for w in command.warnings]
        finally:  # an unexpected error still closes the macro, so the stack stays usable
            self._undo.endMacro()
        return done, problems

    def _report(self, done: list[str], problems: list[str], skipped: list[VolunteerRank]) -> None:
        lines = [f"已提名 {len(done)} 户：" + "、".join(f"第{n}户" for n in done)] if done else ["没有提名成功的户。"]
        lines += [f"第{r.household_no}户本期已有红榜条目，未重复提名。" for r in skipped]
        lines += problems
        QMessageBox.information(self, "推荐上红榜", "\n".join(lines))
