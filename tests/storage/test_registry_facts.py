"""RegistryFacts over the real registry: committee posts, dates, group counts, finding attendees."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor
from models.minutes.checks import composition_warnings
from models.minutes.expected import expected_attendance, representatives_composition
from models.minutes.types import (BUILTIN_TYPES, ROLE_BRANCH_COMMITTEE, ROLE_TWO_COMMITTEES, ROLE_VILLAGE_COMMITTEE,
                                  MeetingType)
from models.minutes.roles import holds, on_branch_committee, on_village_committee
from storage.core.db import Database
from storage.core.backend import build_stores
from tests.registry_fixtures import seat_committees

ON = date(2026, 3, 12)


def _names(people: list) -> set[str]:
    return {p.name for p in people}


def test_posts_tell_the_two_committees_apart() -> None:
    assert on_village_committee("党支部书记、村委会主任") and on_branch_committee("党支部书记、村委会主任")
    assert on_branch_committee("党支部副书记") and not on_village_committee("党支部副书记")
    assert on_village_committee("村委委员（文书）") and not on_branch_committee("村委委员（文书）")
    assert on_village_committee("") and not on_branch_committee("")  # unknown post: 村委 (see meeting_roles)
    assert holds(ROLE_TWO_COMMITTEES, "党支部副书记")


def test_people_with_meeting_roles_on_the_meeting_date(village_db: Database, admin: Actor) -> None:
    seat_committees(village_db, admin)
    facts = build_stores(village_db, admin).registry_facts
    assert _names(facts.people_with_role(ROLE_VILLAGE_COMMITTEE, ON)) == {"李兰建", "陈文", "张金"}
    assert _names(facts.people_with_role(ROLE_BRANCH_COMMITTEE, ON)) == {"李兰建", "石兰芳"}
    assert _names(facts.people_with_role(ROLE_TWO_COMMITTEES, ON)) == {"李兰建", "石兰芳", "陈文", "张金"}
    assert _names(facts.people_with_role("representative", ON)) == {"龙金寿", "龙梅银", "黄秀珍"}
    assert "欧梅" in _names(facts.people_with_role("representative", date(2025, 3, 1)))  # before the role ended
    assert facts.people_with_role(ROLE_VILLAGE_COMMITTEE, date(2024, 12, 31)) == []  # before the term
    chair = next(p for p in facts.people_with_role(ROLE_VILLAGE_COMMITTEE, ON) if p.name == "李兰建")
    assert chair.post == "党支部书记、村委会主任" and chair.gender == "male"


def test_expected_attendance_and_r4_from_the_registry(village_db: Database, admin: Actor) -> None:
    seat_committees(village_db, admin)
    facts = build_stores(village_db, admin).registry_facts
    reps = expected_attendance(BUILTIN_TYPES[MeetingType.REPRESENTATIVES], facts, ON)
    assert reps is not None and reps.expected == 6
    assert _names(list(reps.roster)) == {"龙金寿", "龙梅银", "黄秀珍", "李兰建", "陈文", "张金"}
    members, representatives, women = representatives_composition(facts, ON)
    assert (members, representatives, women) == (6, 3, 2)
    warnings = composition_warnings(members, representatives, women)
    assert [w.rule for w in warnings] == ["R4"] and "五分之四" in warnings[0].message  # 3 < 4/5 of 6; 2 ≥ 6/3
    villagers = expected_attendance(BUILTIN_TYPES[MeetingType.VILLAGERS], facts, ON)
    assert villagers is not None and villagers.expected == facts.adults_count(ON) > 0
    assert villagers.households == 40


def test_group_counts_by_name_or_id(village_db: Database, admin: Actor) -> None:
    seat_committees(village_db, admin)
    facts = build_stores(village_db, admin).registry_facts
    group_id = village_db.conn.execute("SELECT id FROM village_groups WHERE name = '第1组'").fetchone()[0]
    by_name, by_id = facts.adults_count(ON, "第1组"), facts.adults_count(ON, group_id)
    assert 0 < by_name == by_id < facts.adults_count(ON)
    total = sum(facts.households_count(ON, g) for (g,) in village_db.conn.execute("SELECT name FROM village_groups"))
    assert total == facts.households_count(ON)
    assert facts.adults_count(ON, "没有这个组") == 0


def test_find_person_by_id_number_or_unique_name(village_db: Database, admin: Actor) -> None:
    ids = seat_committees(village_db, admin)
    facts = build_stores(village_db, admin).registry_facts
    found = facts.find_person("522631197501030033")
    assert found is not None and (found.villager_id, found.name, found.household_no) == (ids["李兰建"], "李兰建", "0001")
    assert facts.find_person("52263120100624034x").name == "陈红"  # lower-case check letter
    assert facts.find_person("522631197501030034") is None
    assert facts.find_person("龙金寿").villager_id == ids["龙金寿"]
    assert facts.find_person("谢芳") is None  # two people of that name: not guessed
    assert facts.find_person("乡干部王某") is None


def test_search_people_by_pinyin_initials(village_db: Database, admin: Actor) -> None:
    seat_committees(village_db, admin)
    facts = build_stores(village_db, admin).registry_facts
    assert "龙金寿" in _names(facts.search_people("ljs"))
    assert [p.name for p in facts.search_people("黄秀珍")] == ["黄秀珍"]
    assert facts.search_people("") == []
