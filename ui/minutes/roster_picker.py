"""花名册查找: registry people matching the roster search who are not on the meeting's list yet."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from models.registry.ports import RegistryFacts, RosterPerson

GENDER_LABELS = {"male": "男", "female": "女"}


class RosterPicker(QListWidget):
    """Up to 20 matches from the registry (the editor shows the row only when there are some); activating one
    (Enter, double-click) emits `picked`."""

    picked = Signal(object)

    def __init__(self, registry: RegistryFacts | None) -> None:
        super().__init__()
        self._registry = registry
        self.setFixedHeight(90)
        self.itemActivated.connect(self._on_item_activated)

    def show_matches(self, text: str, listed: set[str]) -> list[RosterPerson]:
        """Fill the list with registry people matching `text` whose ids are not in `listed`."""
        self.clear()
        found = [] if self._registry is None or not text.strip() else [
            p for p in self._registry.search_people(text.strip(), 20) if p.villager_id not in listed]
        for person in found:
            gender = GENDER_LABELS.get(person.gender, "性别未填")
            row = QListWidgetItem(f"＋ {person.name}（{gender}，户号 {person.household_no}）")
            row.setData(Qt.ItemDataRole.UserRole, person)
            self.addItem(row)
        return found

    def _on_item_activated(self, row: QListWidgetItem) -> None:
        self.picked.emit(row.data(Qt.ItemDataRole.UserRole))
