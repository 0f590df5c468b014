"""评星, 撤星 and 通过星目: each names the meeting or the reason the law asks for (R53)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from models.minutes.meetings import MeetingSummary
from ui.widgets.choice_combo import ChoiceCombo


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


def _meeting_combo(meetings: Sequence[MeetingSummary]) -> ChoiceCombo[str]:
    combo: ChoiceCombo[str] = ChoiceCombo()
    combo.add_choices((f"{m.on} {m.number} {m.type_label}", m.id) for m in meetings)
    return combo


class AdoptDialog(QDialog):
    """通过星目 — the meeting that adopted the star list shown."""

    def __init__(self, stars: Sequence[str], meetings: Sequence[MeetingSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("通过星目"))
        form = QFormLayout(self)
        hint = QLabel(self.tr("星目：") + "、".join(stars))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.meeting_combo = _meeting_combo(meetings)
        form.addRow(self.tr("通过的会议："), self.meeting_combo)
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, stars: Sequence[str], meetings: Sequence[MeetingSummary]) -> str | None:
        dialog = cls(stars, meetings, parent)
        return dialog.meeting_combo.current_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AwardDialog(QDialog):
    """评星 — household, star and the finalised meeting that decided it."""

    def __init__(self, stars: Sequence[str], meetings: Sequence[MeetingSummary], household: str = "",
                 star: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("评星"))
        form = QFormLayout(self)
        self.household_edit = QLineEdit(household)
        self.star_combo: ChoiceCombo[str] = ChoiceCombo()
        self.star_combo.add_choices((name, name) for name in stars)
        self.star_combo.setCurrentIndex(max(self.star_combo.index_of(star), 0))
        self.meeting_combo = _meeting_combo(meetings)
        form.addRow(self.tr("户号："), self.household_edit)
        form.addRow(self.tr("星："), self.star_combo)
        form.addRow(self.tr("评定的会议："), self.meeting_combo)
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, stars: Sequence[str], meetings: Sequence[MeetingSummary],
            household: str = "", star: str = "") -> tuple[str, str, str] | None:
        dialog = cls(stars, meetings, household, star, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.household_edit.text().strip(), dialog.star_combo.current_value() or "",
                dialog.meeting_combo.current_value() or "")


class WithdrawStarDialog(QDialog):
    """撤星 — which of the household's stars, and the lawful reason recorded with it."""

    def __init__(self, household: str, stars: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("撤销星级"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("第{0}户").format(household)))
        self.star_combo: ChoiceCombo[str] = ChoiceCombo()
        self.star_combo.add_choices((star, star) for star in stars)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(70)
        form.addRow(self.tr("星："), self.star_combo)
        form.addRow(self.tr("撤销理由："), self.reason_edit)
        _buttons(self, form)

    @classmethod
    def ask(cls, parent: QWidget | None, household: str, stars: Sequence[str]) -> tuple[str, str] | None:
        dialog = cls(household, stars, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.star_combo.current_value() or "", dialog.reason_edit.toPlainText().strip()
