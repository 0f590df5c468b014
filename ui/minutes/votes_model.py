"""逐人表决 table: one row per person present, the choice picked from a list (Qt model + combo-box delegate)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.minutes.votes import PersonVote, VoteChoice
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.rows_model import Index, RowsTableModel



class VotesModel(RowsTableModel):
    """Who voted how on one item; the rows follow the present list, a newly listed person starts as 未投票.
    Adds to the read-only table only the in-place edit of the vote column (flags, setData)."""

    COLUMNS = (("姓名", lambda v: v.name), ("表决意见", lambda v: v.choice.label))
    votes_edited = Signal()

    def __init__(self) -> None:
        super().__init__(roles={Qt.ItemDataRole.EditRole: _edit_value}, tips=False)
        self.read_only = False

    def votes(self) -> tuple[PersonVote, ...]:
        return tuple(self._rows)

    def set_votes(self, votes: tuple[PersonVote, ...]) -> None:
        self.set_rows(votes)

    def follow_voters(self, voters: tuple[tuple[str, str | None], ...]) -> bool:
        """Keep each listed person's choice, add new people as 未投票, drop who is no longer present."""
        known = {(vote.name, vote.villager_id): vote for vote in self._rows}
        wanted = [known.get((name, villager_id), PersonVote(name, VoteChoice.NOT_VOTING, villager_id))
                  for name, villager_id in voters]
        if wanted == self._rows:
            return False
        self.set_votes(tuple(wanted))
        return True

    def set_all(self, choice: VoteChoice) -> None:
        self.set_votes(tuple(PersonVote(v.name, choice, v.villager_id) for v in self._rows))
        self.votes_edited.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        choice = VoteChoice.parse(str(value)) if index.isValid() and index.column() == 1 else None
        if choice is None or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        vote = self._rows[index.row()]
        if vote.choice is not choice:
            self._rows[index.row()] = PersonVote(vote.name, choice, vote.villager_id)
            self.dataChanged.emit(index, index)
            self.votes_edited.emit()
        return True


def _edit_value(vote: PersonVote, column: int) -> str:
    return vote.name if column == 0 else vote.choice.value


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a vote with a combo box of 赞成/反对/弃权/未投票 (keyboard: type the first letter, Enter)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo: ChoiceCombo[str] = ChoiceCombo(parent)
        for choice in VoteChoice:
            combo.add_choice(choice.label, choice.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, ChoiceCombo)
        editor.setCurrentIndex(max(0, editor.index_of(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, ChoiceCombo)
        model.setData(index, editor.current_value(), Qt.ItemDataRole.EditRole)
