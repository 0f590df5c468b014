"""Quorum and majority at every boundary (DOMAIN.md R1–R6), by table."""
from __future__ import annotations

import pytest

from models.minutes.quorum import (
    Attendance, MajorityRule, QuorumMode, QuorumRule, Tally, check_majority, check_quorum, more_than_half, percent,
    two_thirds,
)


@pytest.mark.parametrize("base, half, thirds", [
    (401, 201, 268), (400, 201, 267), (150, 76, 100), (35, 18, 24), (24, 13, 16), (40, 21, 27), (3, 2, 2),
    (1, 1, 1), (0, 1, 0), (2, 2, 2), (6, 4, 4),
])
def test_thresholds(base: int, half: int, thirds: int) -> None:
    assert more_than_half(base) == half and 2 * half > base and 2 * (half - 1) <= base
    assert two_thirds(base) == thirds and 3 * thirds >= 2 * base and 3 * (thirds - 1) < 2 * base


@pytest.mark.parametrize("adults, present, households, came, met, mode", [
    (401, 201, None, None, True, QuorumMode.ADULTS),      # DOMAIN example A=401 → 201
    (401, 200, None, None, False, None),
    (400, 201, None, None, True, QuorumMode.ADULTS),       # exactly half is not enough
    (400, 200, None, None, False, None),
    (401, 150, 150, 100, True, QuorumMode.HOUSEHOLDS),     # DOMAIN example H=150 → 100
    (401, 150, 150, 99, False, None),
    (401, 201, 150, 10, True, QuorumMode.ADULTS),          # adults wins first, households not needed
])
def test_villagers_meeting_quorum_r1(adults: int, present: int, households: int | None, came: int | None,
                                     met: bool, mode: QuorumMode | None) -> None:
    result = check_quorum(QuorumRule.VILLAGERS, Attendance(adults, present, households, came))
    assert (result.met, result.mode) == (met, mode)
    assert "第二十二条" in result.reason


def test_villagers_meeting_failure_names_both_bases() -> None:
    result = check_quorum(QuorumRule.VILLAGERS, Attendance(401, 150, 150, 99))
    assert "至少需 201 人" in result.reason and "至少需 100 户" in result.reason


@pytest.mark.parametrize("members, present, met", [(35, 24, True), (35, 23, False), (36, 24, True), (36, 23, False),
                                                   (30, 20, True), (30, 19, False)])
def test_representatives_quorum_two_thirds_r3(members: int, present: int, met: bool) -> None:
    assert check_quorum(QuorumRule.TWO_THIRDS, Attendance(members, present)).met is met


def test_representatives_quorum_reason_in_words() -> None:
    result = check_quorum(QuorumRule.TWO_THIRDS, Attendance(35, 20))
    assert result.reason.startswith("到会 20 人，不足应到 35 人的三分之二")
    assert "第二十六条" in result.reason


@pytest.mark.parametrize("adults, present, households, came, met, mode", [
    (90, 60, None, None, True, QuorumMode.ADULTS), (90, 59, 30, 20, True, QuorumMode.HOUSEHOLDS),
    (90, 59, 30, 19, False, None), (91, 61, None, None, True, QuorumMode.ADULTS), (91, 60, None, None, False, None),
])
def test_group_meeting_quorum_r5(adults: int, present: int, households: int | None, came: int | None, met: bool,
                                 mode: QuorumMode | None) -> None:
    result = check_quorum(QuorumRule.GROUP, Attendance(adults, present, households, came))
    assert (result.met, result.mode) == (met, mode)


@pytest.mark.parametrize("members, present, met", [(40, 21, True), (40, 20, False), (41, 21, True), (41, 20, False)])
def test_party_quorum_more_than_half_r6(members: int, present: int, met: bool) -> None:
    assert check_quorum(QuorumRule.MORE_THAN_HALF, Attendance(members, present)).met is met


def test_consultative_meeting_has_no_quorum() -> None:
    result = check_quorum(QuorumRule.NONE, Attendance(0, 12))
    assert result.met and result.mode is QuorumMode.NOT_REQUIRED


def _decide(rule: MajorityRule, expected: int, present: int, yes: int, against: int = 0, abstain: int = 0,
            quorum_rule: QuorumRule = QuorumRule.TWO_THIRDS):
    attendance = Attendance(expected, present)
    return check_majority(rule, Tally(yes, against, abstain), attendance, check_quorum(quorum_rule, attendance))


@pytest.mark.parametrize("present, yes, status", [(24, 13, "passed"), (24, 12, "failed"), (25, 13, "passed"),
                                                  (25, 12, "failed"), (201, 101, "passed"), (201, 100, "failed")])
def test_majority_of_present_r2_r3(present: int, yes: int, status: str) -> None:
    assert _decide(MajorityRule.OF_PRESENT, 35 if present < 36 else 300, present, yes,
                   quorum_rule=QuorumRule.TWO_THIRDS if present < 36 else QuorumRule.NONE).status == status


def test_abstentions_count_against() -> None:
    assert _decide(MajorityRule.OF_PRESENT, 35, 24, 12, 0, 12).status == "failed"


@pytest.mark.parametrize("expected, present, yes, status", [
    (40, 25, 20, "failed"),    # DOMAIN example: needs 21 of the 40 who should attend
    (40, 25, 21, "passed"),
    (40, 21, 21, "passed"),
    (41, 25, 20, "failed"),
    (41, 25, 21, "passed"),
])
def test_party_pass_uses_expected_as_denominator_r6(expected: int, present: int, yes: int, status: str) -> None:
    result = _decide(MajorityRule.OF_EXPECTED, expected, present, yes, quorum_rule=QuorumRule.MORE_THAN_HALF)
    assert result.status == status
    assert f"应到会 {expected} 人" in result.reason


def test_vote_at_non_quorate_meeting_is_invalid_never_passed() -> None:
    result = _decide(MajorityRule.OF_PRESENT, 35, 20, 20)
    assert result.status == "invalid" and result.passed is False
    assert "不足应到 35 人的三分之二" in result.reason


@pytest.mark.parametrize("yes, against, abstain, ok", [(10, 10, 4, True), (10, 10, 5, False), (-1, 0, 0, False)])
def test_counts_never_exceed_present(yes: int, against: int, abstain: int, ok: bool) -> None:
    result = _decide(MajorityRule.OF_PRESENT, 35, 24, yes, against, abstain)
    assert (result.status != "invalid") is ok


def test_no_vote_is_not_passed_or_failed() -> None:
    attendance = Attendance(35, 30)
    result = check_majority(MajorityRule.OF_PRESENT, None, attendance, check_quorum(QuorumRule.TWO_THIRDS, attendance))
    assert result.passed is None


@pytest.mark.parametrize("part, whole, text", [(2, 3, "66.7%"), (1, 3, "33.3%"), (24, 35, "68.6%"), (0, 0, "—")])
def test_percent_is_display_only(part: int, whole: int, text: str) -> None:
    assert percent(part, whole) == text
