"""Store interfaces (Protocols) of 网格关怀, one per aggregate: contact lines, care levels, visits, settings; the
narrow ports the care stores are given (the registry's household mirror, the matters area's intake); and the
registry's grid assignments (the grids themselves are the registry's GroupStore)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Collection

    from models.care.care import (CareHousehold, CareRating, CareSettings, ContactHolding, ContactLine,
                                  Visit)
    from models.core.changes import Changed
    from models.registry.grids import GridAssignment
    from models.registry.households import CareLevel, Household


class GridAssignmentStore(Protocol):
    """户的网格归属 by date (R52). Writes need EDIT_RECORDS."""

    def assign(self, household_id: str, grid_id: str, start: date) -> Changed:
        """Close the household's open assignment the day before `start`, open one in `grid_id` (a leaf grid) and
        set the household's current grid; returns the household's and both grids' change."""
        ...

    def history(self, household_id: str) -> list[GridAssignment]: ...

    def counts(self) -> dict[str, int]:
        """Households (not withdrawn) currently in each grid, by grid id."""
        ...


class ContactLineStore(Protocol):
    """三线联户人 of each household by date (R52)."""

    def set_contact(self, household_id: str, line: ContactLine, villager_id: str, start: date) -> Changed:
        """Close the open holding of this line the day before `start` and open the new one."""
        ...

    def withdraw_contact(self, holding_id: str) -> Changed:
        """Undo a `set_contact`: tombstone the holding and reopen the one it closed."""
        ...

    def contacts_of(self, household_id: str) -> list[ContactHolding]:
        """Every holding of the household (history included), newest first, with the villager's name."""
        ...

    def current_contacts(self, day: date) -> dict[str, list[ContactHolding]]:
        """Holdings current on `day`, by household id."""
        ...


class CareListStore(Protocol):
    """The registry's households as the care list names them, read a page at a time (issue 17)."""

    def listed_households(self, household_ids: Collection[str]) -> list[CareHousehold]:
        """These households (those not withdrawn), by household number."""
        ...

    def other_households_count(self, excluded: Collection[str]) -> int:
        """How many households (not withdrawn) are not among `excluded`."""
        ...

    def other_households(self, excluded: Collection[str], offset: int, limit: int) -> list[CareHousehold]:
        """The households not among `excluded`, by household number, `limit` of them from `offset`."""
        ...


class CareLevelStore(CareListStore, Protocol):
    """放心户/关心户/连心户 ratings, and the households the care list names with them. The reason (R51) is read only
    through `reason_of`, which is audited."""

    def set_level(self, rating: CareRating) -> Changed:
        """Record a new rating (refused for 关心户/连心户 without a contact person on its start day)."""
        ...

    def withdraw_rating(self, rating_id: str) -> Changed:
        """Undo a `set_level`: tombstone the rating; the registry's copy goes back to the level before it."""
        ...

    def current_levels(self) -> list[CareRating]:
        """The latest rating of every household that has one, with the reason left out."""
        ...

    def reason_of(self, household_id: str) -> CareRating | None:
        """The latest rating with its reason, for a role that may see it; the access is written to the audit log."""
        ...


class VisitStore(Protocol):
    """走访记录."""

    def add_visit(self, visit: Visit, as_matter: bool = False) -> Changed:
        """Record a visit (refused for a 关心户/连心户 with no contact person on the visit's day); with `as_matter`
        its findings become a villagers' matter in the same step (refused while the matters area is absent)."""
        ...

    def withdraw_visit(self, visit_id: str) -> Changed:
        """Tombstone a visit recorded by mistake (the undo of an add)."""
        ...

    def restore_visit(self, visit_id: str) -> Changed: ...
    def visits_of(self, household_id: str) -> list[Visit]: ...

    def last_visits(self) -> dict[str, date]:
        """The latest visit day of every visited household."""
        ...

    @property
    def takes_matters(self) -> bool:
        """Whether a visit can become a matter here (the matters area is installed)."""
        ...


class CareSettingsStore(Protocol):
    @property
    def settings(self) -> CareSettings: ...
    def save_settings(self, settings: CareSettings) -> Changed: ...


class CareHouseholds(Protocol):
    """What the care stores need of the registry's households: the number (for messages) and the registry's copy
    of the current level (shown in 户籍花名册), kept in step by a rating."""

    def get_household(self, household_id: str) -> Household: ...
    def set_care_level(self, household_id: str, level: CareLevel) -> Changed: ...


class MatterIntake(Protocol):
    """The one thing a visit needs of the villagers' matters area: a found problem becomes a matter."""

    def open_matter(self, household_id: str, raised_by: str, raised_on: date, text: str) -> Changed:
        """Register the problem as a new matter; the returned Changed's `.id` is the matter's id."""
        ...
