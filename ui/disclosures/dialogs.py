"""登记公开: what was posted (kind and catalogue category), where, from when to when, by whom."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Place
from ui.widgets.choice_combo import ChoiceCombo


@dataclass(frozen=True)
class PostingForm:
    kind: DisclosureKind
    category: str
    start: date
    end: date
    place: Place
    posted_by: str
    title: str


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PublicationDialog(QDialog):
    """登记公开 — the categories offered are the catalogue's of the chosen kind."""

    def __init__(self, catalogue: Sequence[CatalogueItem], today: date, posted_by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记公开"))
        self._catalogue = catalogue
        form = QFormLayout(self)
        self.kind_combo: ChoiceCombo[DisclosureKind] = ChoiceCombo()
        self.kind_combo.add_choices((kind.label, kind) for kind in DisclosureKind)
        self.category_combo: ChoiceCombo[str] = ChoiceCombo()
        self.start_edit, self.end_edit = _date_edit(today), _date_edit(today)
        self.place_combo: ChoiceCombo[Place] = ChoiceCombo()
        self.place_combo.add_choices((place.label, place) for place in Place)
        self.posted_by_edit, self.title_edit = QLineEdit(posted_by), QLineEdit()
        self.contents_label = QLabel()  # what the category's posting contains, from the catalogue
        self.contents_label.setWordWrap(True)
        for label, widget in ((self.tr("公开类别："), self.kind_combo), (self.tr("事项："), self.category_combo),
                              ("", self.contents_label),
                              (self.tr("开始日期："), self.start_edit), (self.tr("结束日期："), self.end_edit),
                              (self.tr("公开地点："), self.place_combo), (self.tr("张贴人："), self.posted_by_edit),
                              (self.tr("标题："), self.title_edit)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind_combo.currentIndexChanged.connect(self._fill_categories)
        self.category_combo.currentIndexChanged.connect(self._show_contents)
        self._fill_categories()

    def _fill_categories(self) -> None:
        kind = self.kind_combo.current_value()
        self.category_combo.clear_choices()
        self.category_combo.add_choices((i.category, i.category) for i in self._catalogue if i.kind is kind)
        self._show_contents()

    def _show_contents(self, *_args: object) -> None:
        chosen = self.category_combo.current_value()
        items = next((i.items for i in self._catalogue if i.category == chosen), ())
        self.contents_label.setText(self.tr("应公开的内容：") + "；".join(items) if items else "")
        self.contents_label.setVisible(bool(items))

    def form(self) -> PostingForm:
        kind, category, place = (self.kind_combo.current_value(), self.category_combo.current_value(),
                                 self.place_combo.current_value())
        assert kind is not None and category is not None and place is not None  # the combos are never empty
        return PostingForm(kind, category, self.start_edit.date().toPython(), self.end_edit.date().toPython(),
                           place, self.posted_by_edit.text().strip(), self.title_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, catalogue: Sequence[CatalogueItem], today: date,
            posted_by: str) -> PostingForm | None:
        dialog = cls(catalogue, today, posted_by, parent)
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PostingObjectionDialog(QDialog):
    """登记异议 — who raised it, what they say, when it was received."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记异议"))
        form = QFormLayout(self)
        self.raised_by_edit, self.content_edit, self.received_edit = QLineEdit(), QLineEdit(), _date_edit(today)
        form.addRow(self.tr("提出人："), self.raised_by_edit)
        form.addRow(self.tr("异议内容："), self.content_edit)
        form.addRow(self.tr("收到日期："), self.received_edit)
        _ok_cancel(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, today: date) -> tuple[str, str, date] | None:
        dialog = cls(today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.raised_by_edit.text().strip(), dialog.content_edit.text().strip(),
                dialog.received_edit.date().toPython())


class PostingAnswerDialog(QDialog):
    """答复异议 — the committee must answer (组织法第三十一条)."""

    def __init__(self, content: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("答复异议"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("异议：") + content))
        self.answer_edit, self.date_edit = QLineEdit(), _date_edit(today)
        form.addRow(self.tr("答复："), self.answer_edit)
        form.addRow(self.tr("答复日期："), self.date_edit)
        _ok_cancel(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, content: str, today: date) -> tuple[str, date] | None:
        dialog = cls(content, today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer_edit.text().strip(), dialog.date_edit.date().toPython()


def _ok_cancel(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
