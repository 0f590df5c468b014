"""What the disclosures read of the minutes area, adapted to the area's narrow port (wired in backend.py)."""
from __future__ import annotations

from models.disclosures.calendar import Resolution
from models.minutes.four_two import FourTwoStage
from models.minutes.ports import FourTwoStore


class FourTwoResolutions:
    """Implements models.disclosures.ports.Resolutions over the four-two matters: each passed 决议 stage."""

    def __init__(self, matters: FourTwoStore) -> None:
        self._matters = matters

    def resolutions(self) -> list[Resolution]:
        found = []
        for matter in self._matters.matters():
            decided = matter.record_of(FourTwoStage.DECIDE)
            if decided is not None and decided.passed is not False:
                found.append(Resolution(matter.id, matter.title, decided.on, decided.meeting_id))
        return found
