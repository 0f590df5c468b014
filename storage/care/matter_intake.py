"""The visit → matter step (R52: a problem found on a visit becomes a villagers' matter in one step), as an adapter
over the matters area's ports that storage/core/backend.py gives the visit store."""
from __future__ import annotations

from datetime import date

from models.core.changes import Changed
from models.core.errors import NotFound
from models.matters.ports import MatterStore, RaiserDirectory
from models.matters.records import Channel, Matter, MatterClass


class MattersIntake:
    """Implements models.care.ports.MatterIntake: the household visited raises the matter, through 网格走访; the
    matters area decides whether it is public (R49: a matter naming a household is not, unless a basis is given)."""

    def __init__(self, matters: MatterStore, raisers: RaiserDirectory) -> None:
        self._matters, self._raisers = matters, raisers

    def open_matter(self, household_id: str, raised_by: str, raised_on: date, text: str) -> Changed:
        raiser = self._raisers.household(household_id)
        if raiser is None:
            raise NotFound("户籍中没有这一户，不能转为群众事项。请核对户号。")
        note = f"{text}（{raised_by}走访时发现）" if raised_by else text
        return self._matters.add_matter(Matter(MatterClass.OTHER, Channel.GRID_VISIT, note, raised_on, raiser))
