"""IntakeForm: 登记说事 — text, class, channel, date, place, who raised it (registry name or id, a migrant villager
away through a relative or by phone, else anonymous)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFormLayout, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QWidget)

from models.core.changes import Changed
from models.core.errors import DomainError
from models.matters.ports import MatterStore, RaiserDirectory
from models.matters.records import Channel, Matter, MatterClass, Raiser, RaiserKind
from models.matters.rules import pick_villager
from ui.widgets.choice_combo import ChoiceCombo


class IntakeForm(QWidget):
    """Writes through `add_matter`; `added` carries the Changed (its id is the new matter's)."""

    added = Signal(Changed)

    def __init__(self, store: MatterStore, raisers: RaiserDirectory) -> None:
        super().__init__()
        self._store, self._raisers = store, raisers
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(90)
        self.class_combo: ChoiceCombo[MatterClass] = ChoiceCombo()
        self.class_combo.add_choices((c.label, c) for c in MatterClass)
        self.channel_combo: ChoiceCombo[Channel] = ChoiceCombo()
        self.channel_combo.add_choices((c.label, c) for c in Channel)
        self.place_edit, self.villager_edit, self.basis_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.villager_edit.setPlaceholderText(self.tr("村民姓名或编号，或户号；空着为匿名"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())  # a matter is raised by today at the latest
        self.migrant_check = QCheckBox(self.tr("外出村民（经亲属或电话转达，姓名写在“说事人”）"))
        self.via_edit = QLineEdit()
        self.via_edit.setPlaceholderText(self.tr("转达的亲属或电话"))
        self.via_edit.setEnabled(False)
        self.urgent_check = QCheckBox(self.tr("紧急"))
        self.public_check = QCheckBox(self.tr("具名公开（矛盾纠纷或点名的事项须写明依据）"))
        self.add_button = QPushButton(self.tr("登记"))
        form = QFormLayout(self)
        for label, widget in ((self.tr("说事内容"), self.text_edit), (self.tr("类别"), self.class_combo),
                              (self.tr("渠道"), self.channel_combo), (self.tr("日期"), self.date_edit),
                              (self.tr("地点"), self.place_edit), (self.tr("说事人"), self.villager_edit),
                              ("", self.migrant_check), (self.tr("转达人"), self.via_edit),
                              ("", self.urgent_check), ("", self.public_check),
                              (self.tr("公开依据"), self.basis_edit), ("", self.add_button)):
            form.addRow(label, widget)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.migrant_check.toggled.connect(self.via_edit.setEnabled)

    def _raised_on(self) -> date:
        day = self.date_edit.date()
        return date(day.year(), day.month(), day.day())

    def _raiser(self) -> Raiser:
        key = self.villager_edit.text().strip()
        if self.migrant_check.isChecked():
            if not key:
                raise DomainError("请在“说事人”里写明外出村民的姓名。")
            return Raiser(RaiserKind.MIGRANT, name=key, via=self.via_edit.text().strip())
        if not key:
            return Raiser(RaiserKind.ANONYMOUS)
        found = self._raisers.villagers_named(key)
        household = None if found else self._raisers.household(key)
        return household or pick_villager(key, found)

    def _ask_merge(self, like: Matter) -> str:
        """The duplicate hint: "merge" (a note on the open matter), "new" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("可能是同一件事"),
                          self.tr("已有一件类似的未办结事项：\n{0} {1}：{2}\n\n是同一件事吗？").format(
                              like.number, like.cls.label, like.text), parent=self)
        merge = box.addButton(self.tr("记入已有事项"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("仍然登记为新事项"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return "merge" if box.clickedButton() is merge else "new" if box.clickedButton() is new else "cancel"

    def _on_add_button_clicked(self) -> None:
        cls, channel = self.class_combo.current_value(), self.channel_combo.current_value()
        assert cls is not None and channel is not None  # both combos always hold every choice
        try:
            matter = Matter(cls, channel, self.text_edit.toPlainText(), self._raised_on(), self._raiser(),
                            self.place_edit.text().strip(), "紧急" if self.urgent_check.isChecked() else "一般")
            like = self._store.similar_open(matter)
            choice = self._ask_merge(like[0]) if like else "new"
            if choice == "cancel":
                return
            if choice == "merge":
                who = f"（{matter.raiser.name}）" if matter.raiser.name else ""
                changed = self._store.note(like[0].id, f"又有群众反映{who}：{matter.text}", matter.raised_on)
            else:
                changed = self._store.add_matter(matter, True if self.public_check.isChecked() else None,
                                                 self.basis_edit.text())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("不能登记"), error.message)
            return
        for edit in (self.place_edit, self.villager_edit, self.basis_edit, self.via_edit):
            edit.clear()
        self.text_edit.clear()
        for check in (self.public_check, self.urgent_check, self.migrant_check):
            check.setChecked(False)
        self.date_edit.setDate(QDate.currentDate())
        self.added.emit(changed)
