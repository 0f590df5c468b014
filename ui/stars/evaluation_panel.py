"""评选进程 — the year's applications and nominations, the group's review, the decision, the publicity and its
objections (R53): the part of 十星级文明户 before a star counts."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.core.changes import Changed
from models.core.errors import DomainError
from models.stars.evaluation import StarCandidacy
from models.stars.ports import StarAwardStore, StarListStore
from models.stars.stars import StarAward
from ui.core.bus import DataBus
from ui.stars.evaluation_dialogs import ProposeDialog, PublicityDialog, ReviewDialog, StarAnswerDialog, StarObjectionDialog
from ui.widgets.tables import table_view
from ui.widgets.rows_model import RowsTableModel


@dataclass(frozen=True)
class CandidacyRow:
    candidacy: StarCandidacy
    award: StarAward | None
    today: date

    @property
    def stage(self) -> str:
        return self.award.stage(self.today).label if self.award else "—"

    @property
    def publicity(self) -> str:
        award = self.award
        return f"{award.publicity_start} 至 {award.publicity_end}" if award and award.publicity_start else ""


COLUMNS = (("户号", lambda r: r.candidacy.household_no), ("星", lambda r: r.candidacy.star),
           ("方式", lambda r: r.candidacy.route.label), ("申报/推荐人", lambda r: r.candidacy.proposer),
           ("小组评议", lambda r: r.candidacy.verdict.label), ("进度", lambda r: r.stage),
           ("公示期", lambda r: r.publicity))


class EvaluationPanel(QWidget):
    """The candidacies of the screen's year; each button is one step, the store refuses a step out of order."""

    def __init__(self, lists: StarListStore, awards: StarAwardStore, bus: DataBus, year: Callable[[], int],
                 today: Callable[[], date]) -> None:
        super().__init__()
        self._lists, self._awards, self._bus, self._year, self.today = lists, awards, bus, year, today
        self._rows: list[CandidacyRow] = []
        self.model = RowsTableModel(COLUMNS, lambda: self._rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("评选进程：")))
        buttons.addStretch(1)
        self.propose_button, self.review_button, self.publicize_button, self.objection_button, self.answer_button = (
            QPushButton(self.tr("申请/推荐…")), QPushButton(self.tr("小组评议…")), QPushButton(self.tr("公示…")),
            QPushButton(self.tr("登记异议…")), QPushButton(self.tr("答复异议…")))
        for button, handler in ((self.propose_button, self._on_propose_clicked),
                                (self.review_button, self._on_review_clicked),
                                (self.publicize_button, self._on_publicize_clicked),
                                (self.objection_button, self._on_objection_clicked),
                                (self.answer_button, self._on_answer_clicked)):
            buttons.addWidget(button)
            button.clicked.connect(handler)
        layout.addLayout(buttons)
        self.view = table_view(self.model)
        layout.addWidget(self.view, 1)

    def reload(self) -> None:
        year, today = self._year(), self.today()
        decided = {(a.household_no, a.star): a for a in self._awards.awards(year)}
        self._rows = [CandidacyRow(c, decided.get((c.household_no, c.star)), today)
                      for c in self._awards.candidacies.candidacies(year)]
        self.model.reload()

    @property
    def selected(self) -> CandidacyRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _write(self, write: Callable[[], Changed], title: str) -> None:
        try:
            self._bus.changed.emit(write())
        except DomainError as error:
            QMessageBox.warning(self, title, error.message)

    def _chosen(self, title: str, decided: bool = False) -> CandidacyRow | None:
        chosen = self.selected
        if chosen is None or (decided and chosen.award is None):
            QMessageBox.information(self, title, self.tr("请先在评选进程中选中一项") +
                                    (self.tr("已由会议评定的申报。") if decided else self.tr("申报。")))
            return None
        return chosen

    def _on_propose_clicked(self) -> None:
        found = self._lists.star_list()
        answer = ProposeDialog.ask(self, found.stars if found else (), self.today())
        if answer:
            self._write(lambda: self._awards.candidacies.propose(answer.household, answer.star, self._year(),
                                                                 answer.route, answer.proposer, answer.on),
                        self.tr("不能申报"))

    def _on_review_clicked(self) -> None:
        chosen = self._chosen(self.tr("小组评议"))
        if chosen is None:
            return
        c = chosen.candidacy
        answer = ReviewDialog.ask(self, f"第{c.household_no}户 {c.year}年度“{c.star}”（{c.route.label}）", self.today())
        if answer:
            verdict, note, by, on = answer
            self._write(lambda: self._awards.candidacies.review(c.id, verdict, note, on, by), self.tr("不能评议"))

    def _on_publicize_clicked(self) -> None:
        answer = PublicityDialog.ask(self, self._year(), self.today())
        if answer:
            start, days = answer
            self._write(lambda: self._awards.publicize(self._year(), start, days), self.tr("不能公示"))

    def _on_objection_clicked(self) -> None:
        chosen = self._chosen(self.tr("登记异议"), decided=True)
        if chosen is None or chosen.award is None:
            return
        award = chosen.award
        answer = StarObjectionDialog.ask(self, f"第{award.household_no}户“{award.star}”", self.today())
        if answer:
            by, content, on = answer
            self._write(lambda: self._awards.add_objection(award.id, on, by, content), self.tr("不能登记异议"))

    def _on_answer_clicked(self) -> None:
        chosen = self._chosen(self.tr("答复异议"), decided=True)
        if chosen is None or chosen.award is None:
            return
        award_id = chosen.award.id
        open_ = [o for o in self._awards.objections(self._year()) if o.award_id == award_id and o.open]
        if not open_:
            QMessageBox.information(self, self.tr("答复异议"), self.tr("这颗星没有待答复的异议。"))
            return
        answer = StarAnswerDialog.ask(self, open_, self.today())
        if answer:
            objection_id, upheld, text, on = answer
            self._write(lambda: self._awards.answer_objection(objection_id, text, upheld, on), self.tr("不能答复"))
