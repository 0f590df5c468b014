"""What the disclosures read of the minutes and the workflow, adapted to the area's narrow port (wired in
backend.py)."""
from __future__ import annotations

from datetime import date

from models.disclosures.calendar import Resolution, RulePublicity
from models.minutes.four_two import FourTwoStage
from models.minutes.ports import FourTwoStore
from models.workflow.ports import RevisionStore


class CalendarSources:
    """Implements models.disclosures.ports.Resolutions over the four-two matters (each passed 决议 stage) and the
    workflow's revisions (each recorded second publicity)."""

    def __init__(self, matters: FourTwoStore, revisions: RevisionStore) -> None:
        self._matters, self._revisions = matters, revisions

    def rule_publicities(self) -> list[RulePublicity]:
        found = []
        for rulebook_id in self._revisions.current_steps():
            publicity = self._revisions.facts(rulebook_id, date.today()).publicity
            if publicity is not None:
                found.append(RulePublicity(rulebook_id, "村规民约", publicity.start, publicity.end))
        return found

    def resolutions(self) -> list[Resolution]:
        found = []
        for matter in self._matters.matters():
            decided = matter.record_of(FourTwoStage.DECIDE)
            if decided is not None and decided.passed is not False:
                found.append(Resolution(matter.id, matter.title, decided.on, decided.meeting_id))
        return found
