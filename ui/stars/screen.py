"""十星级文明户: the star list in force, the households with stars of a year, 评星 / 撤星 / 通过星目, and below
them the year's evaluation (申报, 小组评议, 公示, 异议: ui/stars/evaluation_panel.py)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.minutes.meetings import MeetingStatus, MeetingSummary
from models.disclosures.printed import PrintedNotice
from models.minutes.ports import MeetingStore
from models.stars.ports import StarAwardStore, StarListStore
from models.stars.stars import StarRow
from ui.core.bus import DataBus
from ui.stars.dialogs import AdoptDialog, AwardDialog, WithdrawStarDialog
from ui.stars.evaluation_panel import EvaluationPanel
from ui.widgets.tables import table_view
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.job_printer import JobPrinter
from ui.widgets.rows_model import RowsTableModel

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob


@dataclass(frozen=True)
class StarPrints:
    """The screen's two public products, gathered through the stores by the caller (ui/stars/__init__.py)."""

    board: Callable[[int], PrintJob]
    plaque: Callable[[str, int], PrintJob]
    register: Callable[[PrintedNotice], Changed | None] = lambda _printed: None  # 打印即登记 (issue 23)


COLUMNS = (("户号", lambda r: r.household_no), ("星数", lambda r: r.count), ("所得星", lambda r: "、".join(r.stars)))
EVALUATION = (Entity.STAR_LIST, Entity.STAR_AWARD, Entity.STAR_CANDIDACY)


class StarsScreen(QWidget):
    """十星级文明户. A star is decided only by a finalised deciding meeting on a candidacy its group passed, and
    counts once its publicity closed (the store refuses steps out of order); a decision of record is not undone: a
    mistaken one is withdrawn with its reason."""

    def __init__(self, lists: StarListStore, awards: StarAwardStore, meetings: MeetingStore, bus: DataBus,
                 prints: StarPrints, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._lists, self._awards, self._meetings, self._bus, self.today = lists, awards, meetings, bus, today
        self._prints, self.printer = prints, JobPrinter(self)
        self._rows: list[StarRow] = []
        self.model = RowsTableModel(COLUMNS, lambda: self._rows)
        self.evaluation = EvaluationPanel(lists, awards, bus, lambda: self.year, lambda: self.today())
        self._build_ui()
        self.reload()
        bus.changed.connect(self._on_bus_changed)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.list_label = QLabel()
        self.list_label.setWordWrap(True)
        layout.addWidget(self.list_label)
        top = QHBoxLayout()
        self.year_combo: ChoiceCombo[int] = ChoiceCombo()
        self.adopt_button, self.award_button, self.withdraw_button = (
            QPushButton(self.tr("通过星目…")), QPushButton(self.tr("评星…")), QPushButton(self.tr("撤星…")))
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.year_combo)
        top.addStretch(1)
        self.board_button, self.plaque_button = QPushButton(self.tr("打印公示栏…")), QPushButton(self.tr("打印星级牌…"))
        for button in (self.adopt_button, self.award_button, self.withdraw_button, self.board_button,
                       self.plaque_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.view = table_view(self.model)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.evaluation)
        layout.addWidget(splitter, 1)
        self.adopt_button.clicked.connect(self._on_adopt_clicked)
        self.award_button.clicked.connect(self._on_award_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.year_combo.currentIndexChanged.connect(self._show_rows)
        self.board_button.clicked.connect(self._on_board_clicked)
        self.plaque_button.clicked.connect(self._on_plaque_clicked)

    @property
    def year(self) -> int:
        return self.year_combo.current_value() or self.today().year

    def reload(self) -> None:
        found = self._lists.star_list()
        self.list_label.setText(self.tr("星目（{0} 通过）：{1}").format(found.adopted_on, "、".join(found.stars))
                                if found else self.tr("还没有通过星目。请先在村民（代表）会议上通过星目，再评星。"))
        chosen = self.year
        years = sorted({self.today().year, *self._awards.years()}, reverse=True)
        self.year_combo.blockSignals(True)
        self.year_combo.clear_choices()
        self.year_combo.add_choices((str(y), y) for y in years)
        self.year_combo.set_current_value(chosen)
        self.year_combo.blockSignals(False)
        self._show_rows()

    def _show_rows(self, *_args: object) -> None:
        self._rows = self._awards.rows(self.year, self.today())
        self.model.reload()
        self.evaluation.reload()

    def _deciding_meetings(self) -> list[MeetingSummary]:
        return [m for m in self._meetings.list_meetings() if m.status is MeetingStatus.FINAL]

    @property
    def selected_row(self) -> StarRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _write(self, write: Callable[[], Changed], title: str) -> None:
        try:
            self._bus.changed.emit(write())
        except DomainError as error:
            QMessageBox.warning(self, title, error.message)

    def _on_adopt_clicked(self) -> None:
        stars = self._lists.default_stars()
        meeting = AdoptDialog.ask(self, stars, self._deciding_meetings())
        if meeting:
            self._write(lambda: self._lists.adopt(stars, meeting), self.tr("不能通过星目"))

    def _on_award_clicked(self) -> None:
        found = self._lists.star_list()
        chosen, candidacy = self.selected_row, self.evaluation.selected
        household = candidacy.candidacy.household_no if candidacy else chosen.household_no if chosen else ""
        answer = AwardDialog.ask(self, found.stars if found else (), self._deciding_meetings(), household,
                                 candidacy.candidacy.star if candidacy else "")
        if answer:
            household, star, meeting = answer
            self._write(lambda: self._awards.award(household, star, self.year, meeting), self.tr("不能评星"))

    def _on_withdraw_clicked(self) -> None:
        chosen = self.selected_row
        if chosen is None:
            QMessageBox.information(self, self.tr("撤星"), self.tr("请先在列表中选中一户。"))
            return
        answer = WithdrawStarDialog.ask(self, chosen.household_no, chosen.stars)
        if answer:
            star, reason = answer
            self._write(lambda: self._awards.withdraw(chosen.household_no, star, reason, self.today()),
                        self.tr("不能撤星"))

    def _on_board_clicked(self) -> None:
        year = self.year
        self.printer.start(lambda: self._prints.board(year), self._on_board_saved)

    def _on_board_saved(self, job: PrintJob) -> None:
        """The printed board is a disclosure: it registers itself in 三务公开 (issue 23)."""
        changed = self._prints.register(PrintedNotice("stars-board", job.title, job.fingerprint, self.today()))
        if changed is not None:
            self._bus.changed.emit(changed)

    def _on_plaque_clicked(self) -> None:
        chosen = self.selected_row
        if chosen is None:
            QMessageBox.information(self, self.tr("打印星级牌"), self.tr("请先在列表中选中一户。"))
            return
        self.printer.start(lambda: self._prints.plaque(chosen.household_no, self.year))

    def _on_bus_changed(self, change: Changed) -> None:
        if change.concerns(*EVALUATION):
            self.reload()
