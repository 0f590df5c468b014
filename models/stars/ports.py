"""Store interfaces (Protocols) of the stars area, one per aggregate, and what it reads of the minutes."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.lists.entries import HouseholdInfo
    from models.stars.stars import MeetingFacts, StarAward, StarList, StarRow


class StarMeetings(Protocol):
    """What the stars read of the minutes: one meeting's type, status and date (NotFound when there is none)."""

    def meeting_facts(self, meeting_id: str) -> MeetingFacts: ...


class StarListStore(Protocol):
    """星目: the star list in force (the latest adopted), and adopting one at a recorded meeting."""

    def default_stars(self) -> tuple[str, ...]: ...
    def star_list(self) -> StarList | None: ...
    def adopt(self, stars: tuple[str, ...], meeting_id: str) -> Changed: ...


class StarAwardStore(Protocol):
    """The stars awarded per household and year; an award needs a deciding meeting, a withdrawal a reason."""

    def awards(self, year: int | None = None, household_no: str = "") -> list[StarAward]: ...
    def rows(self, year: int) -> list[StarRow]: ...
    def years(self) -> list[int]: ...
    def household(self, household_no: str) -> HouseholdInfo: ...
    def award(self, household_no: str, star: str, year: int, meeting_id: str) -> Changed: ...
    def withdraw(self, household_no: str, star: str, reason: str, on: date | None = None) -> Changed: ...
