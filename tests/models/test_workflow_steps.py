"""Advancing, approver-only steps, reopening with stale marks, step-5 figures, roster, warnings."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models.core.accounts import Actor, Role
from models.core.errors import DomainError
from models.workflow.steps import (StepState, WorkflowStep, advance, current_step, fresh_steps, is_complete, reopen)
from models.workflow.figures import (consultation_figures, failed_articles, generate_roster, invitation_warnings,
                                     key_figure, women_warning)
from models.workflow.records import Channel, Disposition, Invitation, Reply
from tests.models.workflow_fixtures import TODAY, good_facts, opinion

CLERK = Actor("u1", "李文书", Role.CLERK)
APPROVER = Actor("u2", "吴书记", Role.APPROVER)


def _at(step: int) -> tuple:
    steps = fresh_steps(TODAY)
    for _ in range(step - 1):
        steps = advance(steps, [], APPROVER, TODAY)
    return steps


def test_walk_all_nine_steps() -> None:
    steps = _at(9)
    assert current_step(steps) is WorkflowStep.POST_AND_ENFORCE
    steps = advance(steps, [], APPROVER, TODAY)
    assert current_step(steps) is None and is_complete(steps)
    with pytest.raises(DomainError, match="都已完成"):
        advance(steps, [], APPROVER, TODAY)


def test_a_failing_guard_changes_nothing_and_says_why() -> None:
    steps = _at(5)
    with pytest.raises(DomainError, match="还不能结束“征求民意”：还有 1 条意见未答复"):
        advance(steps, ["还有 1 条意见未答复：意见3（杨老三）"], CLERK, TODAY)
    assert current_step(steps) is WorkflowStep.PUBLIC_CONSULTATION


@pytest.mark.parametrize(("step", "clerk_may"), [(1, True), (2, True), (3, False), (4, True), (5, True),
                                                 (6, True), (7, True), (8, False), (9, False)])
def test_only_approvers_finish_steps_3_8_9(step: int, clerk_may: bool) -> None:
    steps = _at(step)
    if clerk_may:
        assert current_step(advance(steps, [], CLERK, TODAY)) is not WorkflowStep.of(step)
    else:
        with pytest.raises(DomainError, match="需要审核人"):
            advance(steps, [], CLERK, TODAY)


def test_reopen_marks_later_reached_steps_stale_and_keeps_pending() -> None:
    steps = reopen(_at(7), WorkflowStep.REVISION, "乡镇审查意见要求修改第九条", APPROVER, date(2026, 6, 2))
    states = [s.state for s in steps]
    assert states == [StepState.DONE] * 5 + [StepState.ACTIVE, StepState.STALE, StepState.PENDING, StepState.PENDING]
    assert steps[5].reopen_reason == "乡镇审查意见要求修改第九条"
    steps = advance(steps, [], CLERK, date(2026, 6, 3))
    assert steps[6].state is StepState.ACTIVE and steps[5].state is StepState.DONE


@pytest.mark.parametrize(("actor", "step", "reason", "message"), [
    (CLERK, WorkflowStep.REVISION, "原因", "需要审核人"),
    (APPROVER, WorkflowStep.REVISION, " ", "请写明退回的原因"),
    (APPROVER, WorkflowStep.ASSEMBLY_VOTE, "原因", "只能退回已完成的步骤"),
])
def test_reopen_refusals(actor: Actor, step: WorkflowStep, reason: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        reopen(_at(7), step, reason, actor, TODAY)


def test_consultation_figures() -> None:
    opinions = (opinion(1, household="h1"), opinion(2, household="h1", channel=Channel.ONLINE, article="k12"),
                opinion(3, False, household="h2", channel=Channel.PHONE, article="k12"),
                replace(opinion(4, household="h3"), reply=Reply(Disposition.REJECTED, "与法律不符", "吴书记", TODAY)),
                opinion(5, household=""))
    figures = consultation_figures(opinions, 40)
    assert (figures.households_reached, figures.households_total, figures.participation) == (3, 40, "7.5%")
    assert dict(figures.by_channel) == {Channel.DOOR_TO_DOOR: 3, Channel.ONLINE: 1, Channel.PHONE: 1}
    assert figures.by_article == (("全文", 3), ("第十二条", 2))
    assert (figures.opinions, figures.answered, figures.adopted_share) == (5, 4, "75.0%")
    assert key_figure(WorkflowStep.PUBLIC_CONSULTATION, replace(good_facts(), opinions=opinions)) == "5 条意见，1 条未答复"


def test_invitation_and_women_warnings() -> None:
    facts = replace(good_facts(), invitations=(Invitation("i", "吴老伯"),))
    assert len(invitation_warnings(facts)) == 2
    assert invitation_warnings(good_facts()) == []
    assert women_warning(60, 210) != "" and women_warning(70, 210) == "" and women_warning(None, 10) == ""


def test_failed_articles_go_back_by_label() -> None:
    from models.minutes.quorum import Tally
    from models.workflow.records import ArticleVote, AssemblyVote
    vote = AssemblyVote("m1", "v3", 3, True, (ArticleVote("k1", "第一条", Tally(200, 5, 5)),
                                               ArticleVote("k9", "第九条", Tally(100, 100, 10))))
    assert failed_articles(replace(good_facts(), vote=vote)) == ["第九条"]


def test_roster_rotates_fairly_respects_absence_and_staffs_festivals_more() -> None:
    members = ("甲", "乙", "丙", "丁", "戊")
    shifts = generate_roster(members, date(2026, 1, 7), 10, per_week=2, holidays={date(2026, 2, 17): "春节"},
                             unavailable={"丙": {date(2026, 1, 14)}})
    assert shifts[0].week_start == date(2026, 1, 5)
    assert "丙" not in shifts[1].members
    festival = [s for s in shifts if s.holiday]
    assert len(festival) == 1 and festival[0].holiday == "春节" and len(festival[0].members) == 3
    counts = [sum(m in s.members for s in shifts) for m in members]
    assert max(counts) - min(counts) <= 1 and sum(counts) == 21
    assert all(shifts[i].members != shifts[i + 1].members for i in range(len(shifts) - 1))


def test_parse_holidays_days_ranges_and_refusals() -> None:
    from datetime import date as _d

    import pytest as _pytest

    from models.core.errors import DomainError as _Refused
    from models.workflow.figures import parse_holidays

    found = parse_holidays("2026-02-17 春节；2026-10-01～2026-10-03 国庆\n2026-05-01")
    assert found[_d(2026, 2, 17)] == "春节" and found[_d(2026, 10, 3)] == "国庆"
    assert found[_d(2026, 5, 1)] == "节假日" and len(found) == 5
    assert parse_holidays("  ") == {}
    with _pytest.raises(_Refused, match="起止日期不对"):
        parse_holidays("2026-10-07～2026-10-01 国庆")
