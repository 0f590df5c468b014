"""Warnings (R4, R7, R8, R11, R14), expected attendance from the registry, finalise and amend (R12, R16)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from models.core.errors import DomainError
from models.minutes.checks import (
    composition_warnings, meeting_warnings, missing_for_final, quarters_without,
)
from models.minutes.expected import expected_attendance, representatives_composition
from models.minutes.record import effective, finalise, make_amendment
from models.minutes.quorum import Tally
from models.minutes.types import BUILTIN_TYPES, MeetingType, make_custom_type, resolve_type, Composition
from models.minutes.quorum import QuorumRule, MajorityRule
from models.minutes.meetings import MatterKind, MeetingStatus, evaluate
from tests.models.meeting_fixtures import TableRegistry, complete_meeting, person

REPS = BUILTIN_TYPES["representatives_meeting"]
VILLAGERS = BUILTIN_TYPES["villagers_meeting"]
DAY = date(2026, 3, 12)


@pytest.mark.parametrize("members, reps, women, rules", [
    (35, 28, 12, []), (35, 27, 12, ["R4"]), (35, 28, 11, ["R4"]), (35, 27, 11, ["R4", "R4"]), (30, 24, 10, []),
])
def test_composition_r4(members: int, reps: int, women: int, rules: list[str]) -> None:
    assert [w.rule for w in composition_warnings(members, reps, women)] == rules


def test_expected_attendance_from_registry_counts_each_person_once() -> None:
    registry = TableRegistry(adults={None: 401}, households={None: 150})
    registry.roles += [("representative", person(i, "female" if i % 3 == 0 else "male"), date(2021, 1, 1), None)
                       for i in range(30)]
    registry.roles += [("village_committee_member", person(i), date(2021, 1, 1), None) for i in range(28, 33)]
    registry.roles.append(("representative", person(99), date(2020, 1, 1), date(2025, 12, 31)))  # term ended
    reps = expected_attendance(REPS, registry, DAY)
    assert reps is not None and reps.expected == 33 and len(reps.roster) == 33
    villagers = expected_attendance(VILLAGERS, registry, DAY)
    assert villagers is not None and (villagers.expected, villagers.households) == (401, 150)
    assert expected_attendance(BUILTIN_TYPES["courtyard_meeting"], registry, DAY) is None
    assert representatives_composition(registry, DAY) == (33, 30, 10)


@pytest.mark.parametrize("notice, override, warned", [
    (date(2026, 3, 2), "", False), (date(2026, 3, 3), "", True), (None, "", True), (date(2026, 3, 10), "山洪抢险", False),
])
def test_villagers_meeting_notice_r7(notice: date | None, override: str, warned: bool) -> None:
    meeting = complete_meeting(type_code="villagers_meeting", notice_date=notice, notice_override_reason=override)
    found = [w for w in meeting_warnings(meeting, VILLAGERS) if w.rule == "R7"]
    assert bool(found) is warned
    if found and notice:
        assert "不足 10 天" in found[0].message and "第二十一条" in found[0].message


@pytest.mark.parametrize("type_code, matter, authorised, warned", [
    ("representatives_meeting", MatterKind.RESERVED, "", True),
    ("representatives_meeting", MatterKind.RESERVED, "2025-民-02 授权", False),
    ("representatives_meeting", MatterKind.VILLAGE_RULES, "2025-民-02 授权", True),
    ("villagers_meeting", MatterKind.VILLAGE_RULES, "", False),
    ("joint_committees_meeting", MatterKind.RESERVED, "", True),
    ("representatives_meeting", MatterKind.ORDINARY, "", False),
])
def test_reserved_matters_r8(type_code: str, matter: MatterKind, authorised: str, warned: bool) -> None:
    item = dataclasses.replace(complete_meeting().items[0], matter=matter)
    meeting = complete_meeting(type_code=type_code, items=(item,), authorisation_ref=authorised, women_present=12,
                               notice_date=date(2026, 1, 1))
    assert any(w.rule == "R8" for w in meeting_warnings(meeting, BUILTIN_TYPES[type_code])) is warned


@pytest.mark.parametrize("women, warned", [(None, True), (0, True), (9, True), (10, False)])
def test_women_present_for_rules_vote_r14(women: int | None, warned: bool) -> None:
    item = dataclasses.replace(complete_meeting().items[0], matter=MatterKind.VILLAGE_RULES)
    meeting = complete_meeting(type_code="villagers_meeting", items=(item,), women_present=women,
                               notice_date=date(2026, 1, 1))
    assert any(w.rule == "R14" for w in meeting_warnings(meeting, VILLAGERS)) is warned


def test_quarter_without_representatives_meeting_r11() -> None:
    held = [date(2026, 2, 1), date(2026, 8, 9)]
    assert quarters_without(held, 2026, date(2026, 7, 1)) == [2]
    assert quarters_without(held, 2026, date(2027, 1, 1)) == [2, 4]
    assert quarters_without([], 2026, date(2026, 3, 31)) == []


def test_complete_meeting_is_ready_and_evaluates() -> None:
    meeting = complete_meeting()
    assert missing_for_final(meeting, REPS) == []
    outcome = evaluate(meeting, REPS)
    assert outcome.quorum.met and outcome.items[0].passed


@pytest.mark.parametrize("changes, expected_text", [
    ({"place": ""}, "地点"), ({"host_post": ""}, "主持人职务"), ({"observers": ""}, "列席人员"),
    ({"motion_source": ""}, "动议来源"), ({"items": ()}, "议题"), ({"attendees": ()}, "缺席人员及原因"),
    ({"expected_computed": 36}, "应到人数改动理由"),
])
def test_finalise_needs_every_r12_field(changes: dict, expected_text: str) -> None:
    assert any(expected_text in text for text in missing_for_final(complete_meeting(**changes), REPS))


@pytest.mark.parametrize("item_changes, expected_text", [
    ({"discussion": ""}, "讨论发言摘要"), ({"vote_method": None}, "表决方式"),
    ({"resolution_owner": ""}, "责任人和完成期限"), ({"tally": Tally(30, 1, 0)}, "多于到会"),
    ({"vote_method": "secret"}, "监票人"),
])
def test_finalise_checks_each_item(item_changes: dict, expected_text: str) -> None:
    from models.minutes.meetings import VoteMethod
    if item_changes.get("vote_method") == "secret":
        item_changes = {"vote_method": VoteMethod.SECRET_BALLOT}
    item = dataclasses.replace(complete_meeting().items[0], **item_changes)
    assert any(expected_text in text for text in missing_for_final(complete_meeting(items=(item,)), REPS))


def test_finalise_needs_both_confirmations_and_then_refuses_again() -> None:
    with pytest.raises(DomainError, match="主持人和记录人"):
        finalise(complete_meeting(), REPS, True, False, "吴晓梅")
    with pytest.raises(DomainError, match="地点"):
        finalise(complete_meeting(place=""), REPS, True, True, "吴晓梅")
    final = finalise(complete_meeting(), REPS, True, True, "吴晓梅")
    assert final.status is MeetingStatus.FINAL
    with pytest.raises(DomainError, match="已经定稿"):
        finalise(final, REPS, True, True, "吴晓梅")


def test_amendments_keep_the_original_and_apply_in_date_order() -> None:
    final = finalise(complete_meeting(), REPS, True, True, "吴晓梅")
    with pytest.raises(DomainError, match="补正只用于"):
        make_amendment(complete_meeting(), "place", "x", "笔误", "吴晓梅", DAY)
    with pytest.raises(DomainError, match="理由"):
        make_amendment(final, "place", "村文化广场", " ", "吴晓梅", DAY)
    with pytest.raises(DomainError, match="整数"):
        make_amendment(final, "items.1.for", "二十", "笔误", "吴晓梅", DAY)
    with pytest.raises(DomainError, match="没有第 2 项"):
        make_amendment(final, "items.2.title", "x", "笔误", "吴晓梅", DAY)
    first = make_amendment(final, "place", "村文化广场", "地点记错", "吴晓梅", date(2026, 3, 13))
    assert (first.before, first.after) == ("村委会议室", "村文化广场")
    second = make_amendment(dataclasses.replace(final, amendments=(first,)), "items.1.for", "25", "票数笔误",
                            "吴晓梅", date(2026, 3, 14))
    amended = effective(dataclasses.replace(final, amendments=(second, first)))
    assert amended.place == "村文化广场" and amended.items[0].tally == Tally(25, 2, 2)
    assert final.place == "村委会议室"


def test_types_resolve_by_code_or_label_and_custom_types_need_a_rule() -> None:
    assert resolve_type("村民代表会议") is REPS and resolve_type("院落会").code == MeetingType.COURTYARD
    elders = make_custom_type("elders_council", "寨老会", "寨", Composition.INVITED, QuorumRule.MORE_THAN_HALF,
                              MajorityRule.OF_PRESENT)
    assert resolve_type("寨老会", (elders,)) is elders
    with pytest.raises(DomainError, match="重名"):
        make_custom_type("x", "村民会议", "民", Composition.INVITED, QuorumRule.NONE, MajorityRule.OF_PRESENT)
    with pytest.raises(DomainError, match="不认识"):
        resolve_type("茶话会")


def test_every_builtin_type_has_a_distinct_letter() -> None:
    letters = [spec.letter for spec in BUILTIN_TYPES.values()]
    assert len(set(letters)) == len(letters) == 10


def test_proxies_only_where_the_type_allows_them() -> None:
    from models.minutes.meetings import Attendee, present_from_attendees
    holder = Attendee("杨老三", proxy_for="杨秀英")
    reps = complete_meeting(attendees=complete_meeting().attendees + (holder,))
    assert any("不允许委托" in m for m in missing_for_final(reps, REPS))
    villagers = complete_meeting(type_code="villagers_meeting", attendees=(holder,))
    assert not any("委托" in m for m in missing_for_final(villagers, VILLAGERS))
    assert present_from_attendees((holder, Attendee("王五"))) == 3
