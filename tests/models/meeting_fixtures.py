"""Plain-Python stand-ins for the registry and a complete representatives' meeting, for model tests."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.minutes.quorum import Tally
from models.minutes.meetings import AgendaItem, AttendanceKind, Attendee, Meeting, VoteMethod
from models.registry.ports import RosterPerson


@dataclass
class TableRegistry:
    """RegistryFacts over small in-memory tables: (role, person, from, until) and counts per group."""

    adults: dict[str | None, int] = field(default_factory=dict)
    households: dict[str | None, int] = field(default_factory=dict)
    roles: list[tuple[str, RosterPerson, date, date | None]] = field(default_factory=list)

    def adults_count(self, on_date: date, group: str | None = None) -> int:
        return self.adults.get(group, 0)

    def households_count(self, on_date: date, group: str | None = None) -> int:
        return self.households.get(group, 0)

    def people_with_role(self, role: str, on_date: date) -> list[RosterPerson]:
        return [p for r, p, start, end in self.roles if r == role and start <= on_date and (end is None or on_date <= end)]

    def find_person(self, key: str) -> RosterPerson | None:
        named = {p.villager_id: p for _r, p, _s, _e in self.roles if key in (p.name, p.villager_id)}
        return next(iter(named.values())) if len(named) == 1 else None

    def search_people(self, text: str, limit: int = 20) -> list[RosterPerson]:
        found = {p.villager_id: p for _r, p, _s, _e in self.roles if text and text in p.name}
        return list(found.values())[:limit]


def person(number: int, gender: str = "male") -> RosterPerson:
    return RosterPerson(f"v{number:03d}", f"村民{number:03d}", gender)


def complete_meeting(**changes: object) -> Meeting:
    """A representatives' meeting every R12 field of which is filled in."""
    base = Meeting(
        "representatives_meeting", date(2026, 3, 12), number="2026-代-01", start="09:00", end="11:30",
        place="村委会议室", host="杨光明", host_post="村党支部书记、村委会主任", recorder="吴晓梅",
        expected=35, present=30, motion_source="村干部提议", observers="无", township_attendees="德化乡 王乡长",
        attendees=tuple(Attendee(f"缺席{i}", kind=AttendanceKind.ABSENT, reason="外出务工") for i in range(5)),
        items=(AgendaItem("村道硬化项目", discussion="张三：赞成，尽快开工。", vote_method=VoteMethod.SHOW_OF_HANDS,
                          tally=Tally(26, 2, 2), resolution="同意实施村道硬化", resolution_owner="村委会",
                          resolution_due=date(2026, 6, 30)),))
    import dataclasses
    return dataclasses.replace(base, **changes)
