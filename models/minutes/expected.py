"""Expected attendance (应到) of a meeting, computed from the registry facts on the meeting date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.minutes.types import (
    ROLE_BRANCH_COMMITTEE, ROLE_PARTY_MEMBER, ROLE_REPRESENTATIVE, ROLE_SUPERVISORY, ROLE_TWO_COMMITTEES,
    ROLE_VILLAGE_COMMITTEE, Composition, MeetingTypeSpec,
)
from models.registry.ports import RegistryFacts, RosterPerson


_ROLES: dict[Composition, tuple[str, ...]] = {
    Composition.REPRESENTATIVES: (ROLE_REPRESENTATIVE, ROLE_VILLAGE_COMMITTEE),
    Composition.TWO_COMMITTEES: (ROLE_TWO_COMMITTEES, ROLE_VILLAGE_COMMITTEE, ROLE_BRANCH_COMMITTEE),
    Composition.PARTY_MEMBERS: (ROLE_PARTY_MEMBER,),
    Composition.BRANCH_COMMITTEE: (ROLE_BRANCH_COMMITTEE,),
    Composition.SUPERVISORY_COMMITTEE: (ROLE_SUPERVISORY,),
}


@dataclass(frozen=True)
class ExpectedAttendance:
    """应到 — the number, its base in words, households (villagers'/group meetings) and the roster."""

    expected: int
    base: str
    households: int | None = None
    roster: tuple[RosterPerson, ...] = ()


def roster_for(spec: MeetingTypeSpec, facts: RegistryFacts, on_date: date) -> tuple[RosterPerson, ...]:
    """Everyone who should attend a member-based meeting, each once even if holding two roles."""
    return _roster(spec.composition, facts, on_date)


def _roster(composition: Composition, facts: RegistryFacts, on_date: date) -> tuple[RosterPerson, ...]:
    seen: dict[str, RosterPerson] = {}
    for role in _ROLES.get(composition, ()):
        for person in facts.people_with_role(role, on_date):
            seen.setdefault(person.villager_id, person)
    return tuple(seen.values())


def expected_attendance(spec: MeetingTypeSpec, facts: RegistryFacts, on_date: date,
                        group: str | None = None) -> ExpectedAttendance | None:
    """None for invited (consultative) meetings, whose expected number the clerk enters."""
    if spec.composition in (Composition.ADULTS, Composition.GROUP_ADULTS):
        scope = group if spec.composition is Composition.GROUP_ADULTS else None
        return ExpectedAttendance(facts.adults_count(on_date, scope), spec.composition.label,
                                  facts.households_count(on_date, scope))
    if spec.composition is Composition.INVITED:
        return None
    roster = roster_for(spec, facts, on_date)
    return ExpectedAttendance(len(roster), spec.composition.label, None, roster)


def representatives_composition(facts: RegistryFacts, on_date: date) -> tuple[int, int, int]:
    """(members M, representatives, women) of the representatives' meeting, for the R4 check."""
    reps = {p.villager_id for p in facts.people_with_role(ROLE_REPRESENTATIVE, on_date)}
    roster = _roster(Composition.REPRESENTATIVES, facts, on_date)
    women = sum(1 for p in roster if p.gender == "female")
    return len(roster), len(reps), women
