"""A revision whose records satisfy every guard; tests change one thing at a time."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.minutes.quorum import Attendance, MajorityRule, QuorumRule, Tally, check_quorum
from models.workflow.steps import WorkflowStep
from models.workflow.guards import MeetingFacts, WorkflowFacts
from models.workflow.records import (ArticleVote, AssemblyVote, BackgroundCheck, Channel, CheckAgency, CheckResult,
                                     CommitteeMember, Disposition, Filing, FilingStatus, Invitation, InvitationReply,
                                     LegalityReview, Opinion, OpinionKind, Publicity, Reply)

TODAY = date(2026, 6, 1)


def meeting(type_code: str = "villagers_meeting", present: int = 210, expected: int = 400,
            final: bool = True, women: int | None = 80, passed: int = 1) -> MeetingFacts:
    attendance = Attendance(expected, present, 150, None)
    rule = QuorumRule.VILLAGERS if type_code == "villagers_meeting" else QuorumRule.TWO_THIRDS
    return MeetingFacts("m1", "2026-民-02", type_code, "村民会议", date(2026, 5, 20), final, attendance,
                        check_quorum(rule, attendance), MajorityRule.OF_PRESENT, passed, women, "")


def reply() -> Reply:
    return Reply(Disposition.ADOPTED, "已采纳", "李书记", date(2026, 4, 1))


def opinion(n: int, answered: bool = True, kind: OpinionKind = OpinionKind.OPINION, name: str = "杨老三",
            channel: Channel = Channel.DOOR_TO_DOOR, household: str = "h1", article: str = "") -> Opinion:
    return Opinion(f"o{n}", n, name, channel, date(2026, 3, 10), "建议写明宴席桌数", kind, household_id=household,
                   article_key=article, article_label="第十二条" if article else "",
                   reply=reply() if answered else None)


def good_facts() -> WorkflowFacts:
    members = (CommitteeMember("c1", "吴支书", chair=True), CommitteeMember("c2", "杨寨老"))
    checks = tuple(BackgroundCheck(m.id, a, CheckResult.PASSED, date(2026, 2, 20))
                   for m in members for a in CheckAgency)
    return WorkflowFacts(
        today=TODAY,
        timetable={s: date(2026, 1, 1 + s.number) for s in WorkflowStep if s.number > 1},
        start_meeting=replace(meeting("joint_committees_meeting", 9, 11), type_label="两委联席会议"),
        invitations=(Invitation("i1", "杨寨老", reply=InvitationReply.ACCEPTED, womens_representative=True),
                     Invitation("i2", "镇卫生院", village_unit=True, expires_on=date(2026, 2, 1))),
        members=members, checks=checks, draft_number=2,
        opinions=(opinion(1), opinion(2, kind=OpinionKind.OBJECTION)),
        revised_number=3, revised_changes=4, latest_version_id="v3", latest_number=3,
        publicity=Publicity(date(2026, 5, 1), date(2026, 5, 7)),
        review=LegalityReview("v3", 3, date(2026, 5, 5), "德化乡人民政府", "同意提交表决"),
        vote=AssemblyVote("m1", "v3", 3, False, (ArticleVote("", "全文", Tally(190, 10, 10)),)),
        vote_meeting=meeting(),
        filing=Filing(date(2026, 5, 30), FilingStatus.FILED, date(2026, 5, 22), "德乡备〔2026〕3号",
                      date(2026, 5, 28), date(2026, 6, 1)))
