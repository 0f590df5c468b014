"""Every guard: the complete revision passes; each missing record is refused with a message naming it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from models.minutes.quorum import Tally
from models.minutes.settings import ProvinceRules
from models.workflow.steps import StepState, StepStatus, WorkflowStep
from models.workflow.guards import WorkflowSettings, blockers
from models.workflow.status import build_status
from models.workflow.records import (ArticleVote, AssemblyVote, BackgroundCheck, CheckAgency, CheckResult,
                                     CommitteeMember, FilingStatus, Invitation, LegalityReview, OpinionKind,
                                     Publicity)
from tests.models.workflow_fixtures import good_facts, meeting, opinion, reply

S = WorkflowStep
PROVINCE = ProvinceRules(True, "《某省实施办法》第二十条")


def steps_at(step: WorkflowStep) -> tuple[StepStatus, ...]:
    return tuple(StepStatus(s, StepState.DONE if s.number < step.number else
                            StepState.ACTIVE if s is step else StepState.PENDING) for s in WorkflowStep)


@pytest.mark.parametrize("step", list(WorkflowStep))
def test_every_guard_passes_on_a_complete_revision(step: WorkflowStep) -> None:
    assert blockers(step, good_facts()) == []


def _filing(**changes: Any) -> Any:
    return replace(good_facts().filing, **changes)


REFUSALS: list[tuple[WorkflowStep, dict[str, Any], str]] = [
    (S.COMMITTEES_DISCUSS, {"start_meeting": None}, "还没有关联两委商议的会议记录"),
    (S.COMMITTEES_DISCUSS, {"start_meeting": meeting(final=False)}, "还未定稿"),
    (S.COMMITTEES_DISCUSS, {"start_meeting": meeting(passed=0)}, "没有通过的决议"),
    (S.COMMITTEES_DISCUSS, {"timetable": {}}, "时间安排表还缺 8 个步骤"),
    (S.SEND_INVITATIONS, {"invitations": ()}, "还没有登记任何邀请对象"),
    (S.SEND_INVITATIONS, {"invitations": (Invitation("i", "吴老伯", expires_on=date(2026, 7, 1)),)},
     "还有 1 份邀请函未答复也未过答复期限：吴老伯"),
    (S.FORM_EXECUTION_COMMITTEE, {"members": (CommitteeMember("c2", "杨寨老"),)}, "执委会还没有主任"),
    (S.FORM_EXECUTION_COMMITTEE, {"members": (CommitteeMember("c1", "吴支书", chair=True),)}, "执委会还没有成员"),
    (S.FORM_EXECUTION_COMMITTEE, {"checks": ()}, "还有 2 名成员未完成联审：吴支书（缺司法所、综治中心、派出所）"),
    (S.FORM_EXECUTION_COMMITTEE, {"checks": tuple(
        BackgroundCheck(m, a, CheckResult.FAILED if m == "c2" else CheckResult.PASSED, date(2026, 2, 1))
        for m in ("c1", "c2") for a in CheckAgency)}, "杨寨老 联审未通过"),
    (S.FIRST_DRAFT, {"draft_number": None}, "还没有初稿"),
    (S.FIRST_DRAFT, {"draft_blocking": ("第九条：罚款五十元",)}, "还有 1 处“必须修改”的合法性问题：第九条：罚款五十元"),
    (S.PUBLIC_CONSULTATION, {"opinions": ()}, "还没有登记任何群众意见"),
    (S.PUBLIC_CONSULTATION, {"opinions": (opinion(1), opinion(2, False), opinion(3, False, name="石大姐"),
                                          opinion(4, False))},
     "还有 3 条意见未答复：意见2（杨老三）、意见3（石大姐）、意见4（杨老三）"),
    (S.REVISION, {"revised_number": None}, "还没有修改稿"),
    (S.REVISION, {"revised_changes": 0}, "没有任何不同"),
    (S.SECOND_PUBLICITY, {"publicity": None}, "还没有登记二次公示"),
    (S.SECOND_PUBLICITY, {"publicity": Publicity(date(2026, 5, 1), date(2026, 5, 3))}, "公示期只有 3 天，至少应为 5 天"),
    (S.SECOND_PUBLICITY, {"publicity": Publicity(date(2026, 5, 28), date(2026, 6, 3))}, "2026-06-03 才结束"),
    (S.SECOND_PUBLICITY, {"opinions": (opinion(7, False, OpinionKind.OBJECTION),)}, "还有 1 条异议未答复：异议7"),
    (S.SECOND_PUBLICITY, {"review": None}, "还没有乡镇的合法性审查意见"),
    (S.SECOND_PUBLICITY, {"review": LegalityReview("v2", 2, date(2026, 4, 1), "乡政府", "同意")},
     "乡镇审查的是第2版，审查后文本已改为第3版，须重新提请审核"),
    (S.ASSEMBLY_VOTE, {"vote": None}, "还没有登记表决结果"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting("joint_committees_meeting")}, "村规民约须由村民会议表决"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting("representatives_meeting", 30, 35)}, "未允许村民代表会议表决村规民约"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting("representatives_meeting", 30, 35),
                       "settings": WorkflowSettings(representatives_may_vote=True)}, "未允许村民代表会议表决村规民约"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting("representatives_meeting", 30, 35), "province": PROVINCE},
     "本省规定允许村民代表会议表决（依据《某省实施办法》第二十条），但本次修订的设置是“须由村民会议表决”"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting(final=False)}, "还未定稿"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting(present=150)}, "会议未达法定人数"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": meeting(women=None)}, "没有填写到会妇女人数"),
    (S.ASSEMBLY_VOTE, {"review": LegalityReview("v2", 2, date(2026, 4, 1), "乡政府", "同意")},
     "表决文本必须与审查文本一致"),
    (S.ASSEMBLY_VOTE, {"vote": AssemblyVote("m1", "v3", 3, True, (
        ArticleVote("k1", "第一条", Tally(200, 5, 5)), ArticleVote("k9", "第九条", Tally(100, 90, 20))))},
     "第九条（赞成 100 票"),
    (S.ASSEMBLY_VOTE, {"vote_meeting": replace(meeting(), on=date(2026, 5, 7))},
     "表决日期 2026-05-07 不在公示期结束（2026-05-07）之后：公示期满后才能表决（R19，《关于做好村规民约和居民公约工作的指导意见》）"),
    (S.ASSEMBLY_VOTE, {"review": LegalityReview("v3", 3, date(2026, 5, 21), "乡政府", "同意")},
     "乡镇审查意见日期 2026-05-21 晚于表决日期 2026-05-20：须先审核、后表决（R19"),
    (S.ASSEMBLY_VOTE, {"opinions": (replace(opinion(2, kind=OpinionKind.OBJECTION),
                                            reply=replace(reply(), on=date(2026, 5, 21))),)},
     "异议2（杨老三）在表决日期 2026-05-20 前未答复"),
    (S.POST_AND_ENFORCE, {"filing": None}, "还没有备案任务"),
    (S.POST_AND_ENFORCE, {"filing": _filing(status=FilingStatus.SUBMITTED)}, "备案状态为“已报送”"),
    (S.POST_AND_ENFORCE, {"filing": _filing(receipt_number="")}, "备案回执"),
    (S.POST_AND_ENFORCE, {"filing": _filing(effective_date=None)}, "还没有确定施行日期"),
]


@pytest.mark.parametrize(("step", "changes", "expected"), REFUSALS)
def test_guard_refuses_and_names_what_is_missing(step: WorkflowStep, changes: dict[str, Any], expected: str) -> None:
    found = blockers(step, replace(good_facts(), **changes))
    assert any(expected in b for b in found), found


def test_representatives_meeting_passes_where_the_province_and_the_revision_allow_it() -> None:
    authorised = replace(meeting("representatives_meeting", 30, 35), authorisation_ref="2026年第1次村民会议决定")
    facts = replace(good_facts(), vote_meeting=authorised, province=PROVINCE,
                    settings=WorkflowSettings(representatives_may_vote=True),
                    vote=AssemblyVote("m1", "v3", 3, False, (ArticleVote("", "全文", Tally(25, 3, 2)),)))
    assert blockers(S.ASSEMBLY_VOTE, facts) == []
    unauthorised = replace(facts, vote_meeting=replace(authorised, authorisation_ref=""))
    assert any("没有村民会议的授权依据" in b for b in blockers(S.ASSEMBLY_VOTE, unauthorised))
    assert facts.representatives_vote_basis() == "《某省实施办法》第二十条"
    assert replace(facts, province=ProvinceRules()).representatives_vote_basis() == ""
    assert any("依据《某省实施办法》第二十条" in w
               for w in build_status("r", "v", steps_at(S.ASSEMBLY_VOTE), facts).steps[7].warnings)


def test_a_villagers_meeting_needs_no_province_rule() -> None:
    assert blockers(S.ASSEMBLY_VOTE, replace(good_facts(), settings=WorkflowSettings(representatives_may_vote=True))) == []
