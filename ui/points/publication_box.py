"""积分公示 on 汇总与积分榜: publish the period's points with an objection window (≥ 5 days), register an objection
raised in it (about a household, or the whole board), and answer the oldest open one (R37 with R28's handling).
An award becomes redeemable only once its period's window has closed with no open objection about its household."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.core.ports import Stores
from models.lists.entries import MIN_OBJECTION_DAYS, Period
from models.points.publication import MAX_WINDOW_DAYS, PointsObjection, Publication, publication_state
from ui.core.bus import DataBus


class PublicationBox(QGroupBox):
    def __init__(self, stores: Stores, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("本期公示（公示期满无异议后，本期积分方可兑换）"), parent)
        self._stores, self._bus = stores, bus
        self._period: Period | None = None
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_OBJECTION_DAYS, MAX_WINDOW_DAYS)
        self.days_spin.setSuffix(self.tr(" 天"))
        self.publish_button = QPushButton(self.tr("今天张贴公示"))
        self.household_edit, self.by_edit, self.text_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("户号（不填：对整张榜）"))
        self.by_edit.setPlaceholderText(self.tr("异议人"))
        self.text_edit.setPlaceholderText(self.tr("异议内容"))
        self.object_button = QPushButton(self.tr("登记异议"))
        self.answer_edit = QLineEdit()
        self.answer_edit.setPlaceholderText(self.tr("对最早一条待答复异议的答复"))
        self.upheld_check = QCheckBox(self.tr("异议成立（再用冲正更正）"))
        self.answer_button = QPushButton(self.tr("答复"))
        self.status = QLabel()
        layout = QVBoxLayout(self)
        for widgets in ((self.state_label, self.days_spin, self.publish_button),
                        (self.household_edit, self.by_edit, self.text_edit, self.object_button),
                        (self.answer_edit, self.upheld_check, self.answer_button)):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, (QLineEdit, QLabel)) else 0)
            layout.addLayout(row)
        layout.addWidget(self.status)
        self.publish_button.clicked.connect(self._on_publish_clicked)
        self.object_button.clicked.connect(self._on_object_clicked)
        self.answer_button.clicked.connect(self._on_answer_clicked)

    def show_period(self, period: Period | None) -> None:
        self._period = period
        self.status.setText("")
        latest = self._latest()
        waiting = self._waiting(latest)
        if period is None:
            self.state_label.setText("")
        elif latest is None:
            self.state_label.setText(self.tr("{0}尚未公示。").format(period.text))
        else:
            self.state_label.setText(self.tr("{0}积分 {1} 张贴公示：{2}").format(
                period.text, latest.published_on.isoformat(),
                publication_state(latest, self._stores.points.publications.objections(latest.id), date.today())))
        self.object_button.setEnabled(latest is not None and latest.open_on(date.today()))
        self.answer_button.setEnabled(waiting is not None)
        self.answer_edit.setPlaceholderText(
            self.tr("答复 {0} 的异议：{1}").format(waiting.raised_by, waiting.content) if waiting else
            self.tr("没有待答复的异议"))

    def _latest(self) -> Publication | None:
        return self._stores.points.publications.latest(self._period) if self._period else None

    def _waiting(self, publication: Publication | None) -> PointsObjection | None:
        if publication is None:
            return None
        return next((o for o in self._stores.points.publications.objections(publication.id) if not o.answered), None)

    def _run(self, write: Callable[[], Changed]) -> bool:
        try:
            changed = write()
        except DomainError as error:
            self.status.setText(error.message)
            return False
        self._bus.changed.emit(changed)
        self.show_period(self._period)
        return True

    def _on_publish_clicked(self) -> None:
        if self._period is not None:
            period, days = self._period, self.days_spin.value()
            self._run(lambda: self._stores.points.publications.publish(period, date.today(), days))

    def _on_object_clicked(self) -> None:
        latest = self._latest()
        if latest is None:
            return
        if self._run(lambda: self._stores.points.publications.object(
                latest.id, self.by_edit.text(), self.text_edit.text(), self.household_edit.text(), date.today())):
            for edit in (self.household_edit, self.by_edit, self.text_edit):
                edit.clear()

    def _on_answer_clicked(self) -> None:
        waiting = self._waiting(self._latest())
        if waiting is None:
            return
        upheld = self.upheld_check.isChecked()
        if self._run(lambda: self._stores.points.publications.answer(waiting.id, self.answer_edit.text(), upheld,
                                                                     date.today())):
            self.answer_edit.clear()
            self.upheld_check.setChecked(False)
