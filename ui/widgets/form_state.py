"""What an inline form shows when it was last loaded or saved, so its unsaved typing can be named and undone."""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, \
    QWidget

from ui.widgets.unsaved import DirtyForm


def _value(widget: QWidget) -> object:
    if isinstance(widget, QDateEdit):
        return widget.date()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    raise TypeError(f"no value for {type(widget).__name__}")


def _put(widget: QWidget, value: object) -> None:
    if isinstance(widget, QDateEdit):
        widget.setDate(value)  # type: ignore[arg-type]
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)  # type: ignore[arg-type]
    elif isinstance(widget, QLineEdit):
        widget.setText(value)  # type: ignore[arg-type]
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)  # type: ignore[arg-type]
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)  # type: ignore[arg-type]
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(value)  # type: ignore[arg-type]


class TrackedForm:
    """One group of fields saved by one button (e.g. 时间安排表 and 保存时间安排).

    `save` is what the button does and says whether it was written (False: refused, the typing stays)."""

    def __init__(self, label: str, widgets: Sequence[QWidget | QAbstractSpinBox], save: Callable[[], bool]) -> None:
        self.label, self._widgets, self._save = label, list(widgets), save
        self._shown: list[object] = []
        self.mark_clean()

    def mark_clean(self) -> None:
        """What is shown now is what is stored (after loading, or after a save)."""
        self._shown = [_value(w) for w in self._widgets]

    def dirty(self) -> bool:
        return any(w.isEnabled() and _value(w) != v for w, v in zip(self._widgets, self._shown))

    def save(self) -> bool:
        saved = self._save()
        if saved:
            self.mark_clean()
        return saved

    def discard(self) -> None:
        for widget, value in zip(self._widgets, self._shown):
            _put(widget, value)


class TrackedForms(DirtyForm):
    """A page's inline forms as one DirtyForm: names the first with unsaved typing, saves or forgets them all."""

    def __init__(self) -> None:
        self.forms: list[TrackedForm] = []

    def track(self, label: str, widgets: Sequence[QWidget], save: Callable[[], bool]) -> TrackedForm:
        self.forms.append(TrackedForm(label, widgets, save))
        return self.forms[-1]

    def mark_clean(self) -> None:
        for form in self.forms:
            form.mark_clean()

    def unsaved_edits(self) -> str | None:
        dirty = [form.label for form in self.forms if form.dirty()]
        return "、".join(dirty) if dirty else None

    def save_edits(self) -> bool:
        return all(form.save() for form in self.forms if form.dirty())

    def discard_edits(self) -> None:
        for form in self.forms:
            form.discard()
