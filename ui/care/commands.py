"""Undoable edits of the care screen: a visit (undo withdraws it, redo restores the same record), a rating and a
contact person (undo withdraws the new record and puts back the one before). Grid assignments keep their own
history and are not undone here."""
from __future__ import annotations

from models.care.care import CareRating, ContactLine, Visit
from datetime import date

from models.care.ports import CareLevelStore, ContactLineStore, VisitStore
from models.core.changes import Changed, Entity
from models.registry.households import Grid
from models.registry.ports import GroupStore
from ui.core.bus import DataBus
from ui.widgets.store_command import StoreCommand


def _first_of(changed: Changed, entity: Entity) -> str:
    return next(iter(changed.ids_of(entity)))


class AddVisitCommand(StoreCommand[Changed]):
    def __init__(self, store: VisitStore, bus: DataBus, visit: Visit, household_no: str) -> None:
        super().__init__(f"登记第 {household_no} 户的走访", bus, None, lambda: store.add_visit(visit),
                         lambda made: store.withdraw_visit(_first_of(made, Entity.CARE_VISIT)),
                         lambda made: store.restore_visit(_first_of(made, Entity.CARE_VISIT)))


class SetLevelCommand(StoreCommand[Changed]):
    def __init__(self, store: CareLevelStore, bus: DataBus, rating: CareRating, household_no: str) -> None:
        super().__init__(f"评定第 {household_no} 户为{rating.level.label}", bus, None, lambda: store.set_level(rating),
                         lambda made: store.withdraw_rating(_first_of(made, Entity.CARE_LEVEL)))


class SetContactCommand(StoreCommand[Changed]):
    def __init__(self, store: ContactLineStore, bus: DataBus, household_id: str, line: ContactLine,
                 villager_id: str, start: date, household_no: str) -> None:
        super().__init__(f"设置第 {household_no} 户的{line.label}", bus, None,
                         lambda: store.set_contact(household_id, line, villager_id, start),
                         lambda made: store.withdraw_contact(made.id))


class SaveGridCommand(StoreCommand[Changed]):
    """网格设置: save the grid as edited; undo saves it as it was."""

    def __init__(self, store: GroupStore, bus: DataBus, before: Grid, after: Grid) -> None:
        super().__init__(f"设置{before.name}", bus, None, lambda: store.save_grid(after),
                         lambda _made: store.save_grid(before))
