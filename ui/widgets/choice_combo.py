"""ChoiceCombo: a drop-down of labelled values whose values stay Python objects (never Qt item data)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

T = TypeVar("T")


class ChoiceCombo(QComboBox, Generic[T]):
    """A QComboBox whose index → value list is held here, on the Python side.

    Values stored as Qt item data go through Qt's type conversion on the way back: PySide6 6.12 returns a
    StrEnum as a plain `str` (which crashed 答复意见 and 提名上榜) and leaks a reference to None on every read.
    Only the visible labels are handed to Qt; `current_value()` returns the very object given to `add_choice`."""

    value_changed = Signal(object)  # the new current value (or None when the combo became empty)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[T] = []
        # An editable combo must not insert what the user typed: that item would have no value here.
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currentIndexChanged.connect(self._on_current_index_changed)

    def add_choice(self, label: str, value: T) -> None:
        self._values.append(value)  # first, because adding the first item already signals index 0
        self.addItem(label)

    def add_choices(self, choices: Iterable[tuple[str, T]]) -> None:
        for label, value in choices:
            self.add_choice(label, value)

    def clear_choices(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Also QComboBox.clear(): a combo emptied the Qt way must not keep values for entries that are gone."""
        self._values.clear()
        super().clear()

    def removeItem(self, index: int) -> None:  # noqa: N802  (Qt's name, kept in step with the values)
        if 0 <= index < len(self._values):
            del self._values[index]
        super().removeItem(index)

    def current_value(self) -> T | None:
        """The value of the chosen entry; None when the combo is empty (or the value given was None)."""
        return self.value_at(self.currentIndex())

    def value_at(self, index: int) -> T | None:
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[T]:
        return list(self._values)

    def index_of(self, value: T) -> int:
        """The first entry whose value equals `value`, or -1."""
        return next((index for index, known in enumerate(self._values) if known == value), -1)

    def set_current_value(self, value: T) -> bool:
        """Choose the entry holding `value`; False (and the choice unchanged) when there is none."""
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _on_current_index_changed(self, index: int) -> None:
        self.value_changed.emit(self.value_at(index))
