"""Follow-up timeline, evaluation and carry-over; the 四议两公开 order (R15, R17)."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.minutes.followups import Evaluation, FollowUp, FollowUpStatus, carry_over, evaluate_result, record_progress
from models.minutes.four_two import FourTwoStage, StageRecord, make_matter, record_stage

ITEM = FollowUp("村道硬化", "m1", "representatives_meeting", owner="村委会", due=date(2026, 6, 30))


def test_progress_to_done_then_evaluation() -> None:
    started = record_progress(ITEM, date(2026, 4, 1), FollowUpStatus.IN_PROGRESS, "已招标")
    with pytest.raises(DomainError, match="落实结果"):
        record_progress(started, date(2026, 6, 1), FollowUpStatus.DONE, "完工")
    with pytest.raises(DomainError, match="还没有办结"):
        evaluate_result(started, Evaluation.SATISFIED)
    with pytest.raises(DomainError, match="不能早于"):
        record_progress(started, date(2026, 3, 1), FollowUpStatus.IN_PROGRESS, "倒填")
    done = record_progress(started, date(2026, 6, 1), FollowUpStatus.DONE, "完工", "硬化 2.3 公里，验收合格")
    rated = evaluate_result(done, Evaluation.MOSTLY_SATISFIED)
    assert [e.status for e in rated.timeline] == [FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE]
    assert rated.evaluation.label == "基本满意"
    reopened = record_progress(rated, date(2026, 7, 1), FollowUpStatus.IN_PROGRESS, "群众反映排水沟未做")
    assert reopened.evaluation is None and reopened.status.is_open


@pytest.mark.parametrize("status, today, overdue", [
    (FollowUpStatus.NOT_STARTED, date(2026, 7, 1), True), (FollowUpStatus.NOT_STARTED, date(2026, 6, 30), False),
    (FollowUpStatus.DONE, date(2026, 7, 1), False), (FollowUpStatus.CANCELLED, date(2027, 1, 1), False),
])
def test_overdue(status: FollowUpStatus, today: date, overdue: bool) -> None:
    from dataclasses import replace
    assert replace(ITEM, status=status).is_overdue(today) is overdue


def test_carry_over_only_open_items_of_the_same_body_from_earlier_meetings() -> None:
    from dataclasses import replace
    items = [ITEM, replace(ITEM, title="已办结", status=FollowUpStatus.DONE),
             replace(ITEM, title="党员大会的事", meeting_type="party_general_meeting"),
             replace(ITEM, title="同日的会", meeting_id="m2")]
    dates = {"m1": date(2026, 3, 1), "m2": date(2026, 6, 1)}
    assert [i.title for i in carry_over(items, "representatives_meeting", date(2026, 6, 1), dates)] == ["村道硬化"]


def _meeting(stage: FourTwoStage, on: date, meeting_type: str, passed: bool | None = True) -> StageRecord:
    return StageRecord(stage, on, meeting_id=f"m-{stage.value}", meeting_type=meeting_type, passed=passed)


CHAIN = [
    _meeting(FourTwoStage.PROPOSE, date(2026, 3, 1), "branch_committee_meeting"),
    _meeting(FourTwoStage.CONSULT, date(2026, 3, 3), "joint_committees_meeting"),
    _meeting(FourTwoStage.REVIEW, date(2026, 3, 8), "party_general_meeting"),
    _meeting(FourTwoStage.DECIDE, date(2026, 3, 12), "representatives_meeting"),
    StageRecord(FourTwoStage.DISCLOSE_DECISION, date(2026, 3, 13), publication="村务公开栏 2026-公-05",
                supervision_opinion="程序合规"),
    StageRecord(FourTwoStage.DISCLOSE_RESULT, date(2026, 7, 2), publication="村务公开栏 2026-公-19",
                supervision_opinion="已验收"),
]


def test_full_chain_in_order() -> None:
    matter = make_matter("村道硬化", "党员群众建议")
    for record in CHAIN:
        assert matter.next_stage is record.stage
        matter = record_stage(matter, record)
    assert matter.next_stage is None


@pytest.mark.parametrize("skip", range(1, 6))
def test_each_stage_refused_before_its_predecessor(skip: int) -> None:
    matter = make_matter("村道硬化", "党员群众建议")
    for record in CHAIN[:skip - 1]:
        matter = record_stage(matter, record)
    with pytest.raises(DomainError, match=f"须在“{CHAIN[skip - 1].stage.label}”之后"):
        record_stage(matter, CHAIN[skip])


@pytest.mark.parametrize("record, message", [
    (_meeting(FourTwoStage.PROPOSE, date(2026, 3, 1), "representatives_meeting"), "须关联一次"),
    (StageRecord(FourTwoStage.PROPOSE, date(2026, 3, 1)), "须关联一次"),
])
def test_stage_needs_the_right_meeting(record: StageRecord, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        record_stage(make_matter("x", "村干部提议"), record)


def test_review_needs_a_passed_vote_and_dates_in_order_and_disclosures_need_opinion() -> None:
    matter = record_stage(record_stage(make_matter("x", "村干部提议"), CHAIN[0]), CHAIN[1])
    with pytest.raises(DomainError, match="未获通过"):
        record_stage(matter, _meeting(FourTwoStage.REVIEW, date(2026, 3, 8), "party_general_meeting", False))
    with pytest.raises(DomainError, match="不能早于"):
        record_stage(matter, _meeting(FourTwoStage.REVIEW, date(2026, 3, 2), "party_general_meeting"))
    for record in CHAIN[2:4]:
        matter = record_stage(matter, record)
    with pytest.raises(DomainError, match="监督意见"):
        record_stage(matter, StageRecord(FourTwoStage.DISCLOSE_DECISION, date(2026, 3, 13), publication="公开栏"))
    with pytest.raises(DomainError, match="已登记过"):
        record_stage(matter, CHAIN[3])


def test_one_shoulder_merges_the_first_two_stages() -> None:
    matter = make_matter("x", "上级党委政府安排", merged_first_stages=True)
    assert matter.next_stage is FourTwoStage.PROPOSE
    matter = record_stage(matter, CHAIN[1])
    assert matter.next_stage is FourTwoStage.REVIEW
    with pytest.raises(DomainError, match="动议来源"):
        make_matter("x", "")
