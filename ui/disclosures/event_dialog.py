"""登记应公开事件 (R41): a government approval received, or a long project's decision, progress or completion."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.disclosures.calendar import DisclosureEvent, ProjectStep
from models.disclosures.catalogue import CatalogueItem, Frequency
from ui.widgets.choice_combo import ChoiceCombo


class EventDialog(QDialog):
    """The catalogue's event items only; the project step is asked for a project item alone."""

    def __init__(self, catalogue: Sequence[CatalogueItem], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记批复或项目进展"))
        self._items = {i.category: i for i in catalogue if i.frequency.by_event}
        form = QFormLayout(self)
        self.category_combo: ChoiceCombo[str] = ChoiceCombo()
        self.category_combo.add_choices((f"{c}（{i.frequency.label} {i.days} 日内公开）", c) for c, i in self._items.items())
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("批复的文号和标题，或项目名称"))
        self.step_combo: ChoiceCombo[ProjectStep | None] = ChoiceCombo()
        self.step_combo.add_choices((step.label, step) for step in ProjectStep)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.hint = QLabel(self.tr("依据：陕西省实施《村民委员会组织法》办法第三十三条（天数见三务公开目录）"))
        self.hint.setWordWrap(True)
        for label, widget in ((self.tr("事项："), self.category_combo), (self.tr("内容："), self.subject_edit),
                              (self.tr("项目环节："), self.step_combo), (self.tr("日期："), self.date_edit)):
            form.addRow(label, widget)
        form.addRow(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        self._on_category_changed()

    def _on_category_changed(self, *_args: object) -> None:
        item = self._items.get(self.category_combo.current_value() or "")
        self.step_combo.setEnabled(item is not None and item.frequency is Frequency.PROJECT)

    def recorded_event(self) -> DisclosureEvent:
        category = self.category_combo.current_value() or ""
        step = self.step_combo.current_value() if self.step_combo.isEnabled() else None
        return DisclosureEvent(category, self.subject_edit.text().strip(), self.date_edit.date().toPython(), step)

    @classmethod
    def ask(cls, parent: QWidget | None, catalogue: Sequence[CatalogueItem], today: date) -> DisclosureEvent | None:
        dialog = cls(catalogue, today, parent)
        return dialog.recorded_event() if dialog.exec() == QDialog.DialogCode.Accepted else None
