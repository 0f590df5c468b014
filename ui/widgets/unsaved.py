"""Unsaved edits: the one question (保存 / 不保存 / 取消) every inline form asks before its edits would be lost."""
from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.choice_combo import ChoiceCombo


@runtime_checkable
class DirtyForm(Protocol):
    """An inline form (not a modal dialog) whose typing is written only by its 保存 button."""

    def unsaved_edits(self) -> str | None:
        """What is typed but not saved, in the clerk's words (e.g. 第三条), or None when nothing is."""

    def save_edits(self) -> bool:
        """Save as the form's 保存 button does (an undoable command); False when refused, so the form stays."""

    def discard_edits(self) -> None:
        """Forget the typing: show what is stored again."""


class LeaveAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> LeaveAnswer:
    """保存 / 不保存 / 取消 for `what`; closing the box (Esc) is 取消, so nothing is lost by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("尚未保存"), _tr("%1有修改还没有保存。\n要先保存吗？").replace("%1", what),
                      QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(_tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return LeaveAnswer.SAVE
    return LeaveAnswer.DISCARD if clicked is discard else LeaveAnswer.CANCEL


def _tr(text: str) -> str:
    return QCoreApplication.translate("unsaved", text)


def may_leave(form: DirtyForm, parent: QWidget | None) -> bool:
    """True when the form may be left: nothing unsaved, or saved, or the clerk chose 不保存."""
    what = form.unsaved_edits()
    if what is None:
        return True
    answer = ask_unsaved(parent, what)
    if answer is LeaveAnswer.SAVE:
        return form.save_edits()
    if answer is LeaveAnswer.DISCARD:
        form.discard_edits()
        return True
    return False


class LeaveGuard:
    """For a form whose selection (a row, a combo) has already moved when Qt tells it.

    `allows(revert, go_on)` puts the old choice back first, so 取消 keeps both the typing and the selection; after
    保存 or 不保存 it makes the clerk's choice again. While the question is open the form's own change slots must
    ignore the selection signals they cause (`asking`).
    """

    def __init__(self, form: DirtyForm, parent: QWidget) -> None:
        self._form, self._parent = form, parent
        self.asking = False

    def allows(self, revert: Callable[[], None], go_on: Callable[[], None]) -> bool:
        """True when nothing is unsaved (carry on as usual); otherwise ask, and False (the choice is redone here)."""
        if self.asking:
            return False  # a signal caused by putting the old choice back
        if self._form.unsaved_edits() is None:
            return True
        self.asking = True
        try:
            revert()
            allowed = may_leave(self._form, self._parent)
        finally:
            self.asking = False
        if allowed:
            go_on()
        return False

    def allows_combo(self, combo: ChoiceCombo[Any], shown: object) -> bool:
        """`allows` for a combo box whose value `shown` is what the form shows (its new choice is current)."""
        target = combo.currentIndex()

        def revert() -> None:
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.index_of(shown))
            combo.blockSignals(False)
        return self.allows(revert, lambda: combo.setCurrentIndex(target))
