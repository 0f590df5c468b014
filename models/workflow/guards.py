"""The guard of each step (DESIGN.md §4, DOMAIN.md R19–R24): what must hold before the next step may start.

Each guard is a pure function over `WorkflowFacts` returning Chinese blockers that name the missing items;
an empty list means the step may be finished.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from models.minutes.quorum import Attendance, MajorityRule, QuorumResult, check_majority
from models.minutes.settings import ProvinceRules
from models.workflow.steps import WorkflowStep
from models.workflow.records import (AssemblyVote, BackgroundCheck, CheckAgency, CheckResult, CommitteeMember,
                                     Filing, FilingStatus, Invitation, LegalityReview, Opinion, OpinionKind,
                                     Publicity)
from models.workflow.retry import RetryScope, retry_blockers
from models.workflow.date_order import filing_order_problems, publicity_length_problem, vote_order_problems

VILLAGERS_MEETING = "villagers_meeting"
REPRESENTATIVES_MEETING = "representatives_meeting"
JOINT_COMMITTEES_MEETING = "joint_committees_meeting"
NAMES_SHOWN = 8
MIN_PUBLICITY_DAYS, MAX_PUBLICITY_DAYS, MAX_FILING_DAYS = 5, 60, 60


@dataclass(frozen=True)
class WorkflowSettings:
    """修订设置 — filing deadline, minimum publicity, and whether the province lets representatives vote (R8)."""

    filing_days: int = 10
    publicity_min_days: int = 5
    representatives_may_vote: bool = False

    def problem(self, before: WorkflowSettings, vote_done: bool) -> str | None:
        """Why these settings may not replace `before` (Chinese), or None: R47 wants at least 5 days of
        publicity; R24's filing deadline is 1–60 days; after the vote, who may vote is history (R8)."""
        if not 1 <= self.filing_days <= MAX_FILING_DAYS:
            return f"备案期限应为 1 到 {MAX_FILING_DAYS} 天（默认表决后 10 天内报送乡镇）。"
        if not MIN_PUBLICITY_DAYS <= self.publicity_min_days <= MAX_PUBLICITY_DAYS:
            return f"最短公示天数应为 {MIN_PUBLICITY_DAYS} 到 {MAX_PUBLICITY_DAYS} 天（公示期最少 5 天，通常 7 天）。"
        if vote_done and self.representatives_may_vote != before.representatives_may_vote:
            return "全体表决已完成，不能再改“是否允许村民代表会议表决”。如确需更改，请先退回到第8步。"
        return None

    def summary(self) -> str:
        """One line for the audit log and the step-1 page."""
        who = "允许村民代表会议表决（本省规定）" if self.representatives_may_vote else "须由村民会议表决"
        return f"表决后 {self.filing_days} 天内备案，公示至少 {self.publicity_min_days} 天，{who}"


@dataclass(frozen=True)
class MeetingFacts:
    """What a guard needs from a linked meeting record, computed by the minutes logic (R1–R6)."""

    id: str
    number: str
    type_code: str
    type_label: str
    on: date
    final: bool
    attendance: Attendance
    quorum: QuorumResult
    majority: MajorityRule
    passed_items: int = 0
    women_present: int | None = None
    authorisation_ref: str = ""
    notice_date: date | None = None
    notice_override_reason: str = ""


@dataclass(frozen=True)
class WorkflowFacts:
    """Everything the nine guards look at, loaded by storage for one revision."""

    today: date
    settings: WorkflowSettings = WorkflowSettings()
    timetable: dict[WorkflowStep, date] = field(default_factory=dict)
    start_meeting: MeetingFacts | None = None
    invitations: tuple[Invitation, ...] = ()
    members: tuple[CommitteeMember, ...] = ()
    checks: tuple[BackgroundCheck, ...] = ()
    draft_number: int | None = None
    draft_blocking: tuple[str, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    revised_number: int | None = None
    revised_changes: int = 0
    latest_version_id: str = ""
    latest_number: int | None = None
    publicity: Publicity | None = None
    review: LegalityReview | None = None
    vote: AssemblyVote | None = None
    vote_meeting: MeetingFacts | None = None
    filing: Filing | None = None
    retry: RetryScope | None = None                  # failed articles sent back to step 6
    retry_changed: tuple[tuple[str, str], ...] = ()  # (key, 第N条) changed since the failed version
    province: ProvinceRules = ProvinceRules()        # the minutes' 本省规定 (R8), village-wide

    def representatives_vote_basis(self) -> str:
        """The R8 basis when a representatives' meeting may vote this revision (province and revision both allow
        it), else empty."""
        if self.province.rules_by_representatives and self.settings.representatives_may_vote:
            return self.province.basis
        return ""


def named(items: list[str]) -> str:
    shown = "、".join(items[:NAMES_SHOWN])
    return shown + (f"等 {len(items)} 项" if len(items) > NAMES_SHOWN else "")


def committees_discuss(facts: WorkflowFacts) -> list[str]:
    meeting, blockers = facts.start_meeting, []
    if meeting is None:
        blockers.append("还没有关联两委商议的会议记录。请先在会议记录中录入两委联席会议，再在这里关联")
    else:
        if not meeting.final:
            blockers.append(f"会议记录 {meeting.number} 还未定稿。请定稿后再进入下一步")
        if meeting.passed_items == 0:
            blockers.append(f"会议记录 {meeting.number} 中没有通过的决议（决定修订村规民约）")
    later = [s for s in WorkflowStep if s.number > 1]
    missing = [s.label for s in later if s not in facts.timetable]
    if missing:
        blockers.append(f"时间安排表还缺 {len(missing)} 个步骤的目标日期：{named(missing)}")
    return blockers


def send_invitations(facts: WorkflowFacts) -> list[str]:
    if not facts.invitations:
        return ["还没有登记任何邀请对象。请从花名册按身份挑选，或直接输入姓名"]
    waiting = [i.name for i in facts.invitations if not i.settled(facts.today)]
    if waiting:
        return [f"还有 {len(waiting)} 份邀请函未答复也未过答复期限：{named(waiting)}"]
    return []


def form_execution_committee(facts: WorkflowFacts) -> list[str]:
    blockers = []
    if not any(m.chair for m in facts.members):
        blockers.append("执委会还没有主任。默认由村党组织书记担任，请指定")
    if not any(not m.chair for m in facts.members):
        blockers.append("执委会还没有成员。请从接受邀请的人员和联户长中选定")
    unchecked, failed = [], []
    for member in facts.members:
        results = {c.agency: c.result for c in facts.checks if c.member_id == member.id}
        missing = [a.label for a in CheckAgency if a not in results]
        if missing:
            unchecked.append(f"{member.name}（缺{'、'.join(missing)}）")
        if CheckResult.FAILED in results.values():
            failed.append(member.name)
    if unchecked:
        blockers.append(f"还有 {len(unchecked)} 名成员未完成联审：{named(unchecked)}")
    if failed:
        blockers.append(f"{named(failed)} 联审未通过，请从执委会中调整后再继续")
    return blockers


def first_draft(facts: WorkflowFacts) -> list[str]:
    if facts.draft_number is None:
        return ["还没有初稿。请在村规民约中起草新版本（可由条款库或上一版复制）"]
    if facts.draft_blocking:
        items = list(facts.draft_blocking)
        return [f"第{facts.draft_number}版还有 {len(items)} 处“必须修改”的合法性问题：{named(items)}"]
    return []


def _unanswered(opinions: tuple[Opinion, ...], kind: OpinionKind) -> list[str]:
    waiting = [o.title for o in opinions if o.kind is kind and not o.answered]
    if not waiting:
        return []
    noun = "意见" if kind is OpinionKind.OPINION else "异议"
    return [f"还有 {len(waiting)} 条{noun}未答复：{named(waiting)}"]


def public_consultation(facts: WorkflowFacts) -> list[str]:
    if not any(o.kind is OpinionKind.OPINION for o in facts.opinions):
        return ["还没有登记任何群众意见。请把入户走访、院坝会、电话和网上收到的意见逐条登记"]
    return _unanswered(facts.opinions, OpinionKind.OPINION)


def revision(facts: WorkflowFacts) -> list[str]:
    if facts.retry is not None:
        return retry_blockers(facts.retry, dict(facts.retry_changed), facts.latest_number)
    if facts.revised_number is None:
        return ["还没有修改稿。请在初稿基础上新建修订版本，按采纳的意见修改"]
    if facts.revised_changes == 0:
        return [f"第{facts.revised_number}版与初稿第{facts.draft_number}版没有任何不同"]
    return []


def second_publicity(facts: WorkflowFacts) -> list[str]:
    blockers, publicity = [], facts.publicity
    if publicity is None:
        blockers.append("还没有登记二次公示（公示地点和起止日期）")
    else:
        short = publicity_length_problem(publicity.start, publicity.end, facts.settings.publicity_min_days)
        if short:
            blockers.append(short)
        if facts.today <= publicity.end:
            blockers.append(f"公示期到 {publicity.end.isoformat()} 才结束，结束后才能表决")
    blockers += _unanswered(facts.opinions, OpinionKind.OBJECTION)
    blockers += review_blockers(facts)
    return blockers


def review_blockers(facts: WorkflowFacts) -> list[str]:
    """R19/R21: no vote without the township's review of exactly the text that will be voted on."""
    review = facts.review
    if review is None:
        return ["还没有乡镇的合法性审查意见。请提请乡镇审核，收到书面意见后录入"]
    if review.version_id != facts.latest_version_id:
        return [f"乡镇审查的是第{review.version_number}版，审查后文本已改为第{facts.latest_number}版，须重新提请审核"]
    return []


def assembly_vote(facts: WorkflowFacts) -> list[str]:
    vote, meeting = facts.vote, facts.vote_meeting
    if vote is None or meeting is None:
        return ["还没有登记表决结果。请关联表决所在的村民会议记录，并录入赞成、反对、弃权票数"]
    blockers = _meeting_blockers(facts, meeting)
    blockers += vote_order_problems(meeting.on, facts.publicity, facts.review, facts.opinions, vote.version_id)
    failed = []
    for item in vote.tallies:
        result = check_majority(meeting.majority, item.tally, meeting.attendance, meeting.quorum)
        if result.status != "passed":
            failed.append(f"{item.label}（{result.reason}）")
    if failed:
        blockers.append(f"{named(failed)} 未通过，须退回“修改完善”修改这些条款后重新公示、表决")
    return blockers


def _meeting_blockers(facts: WorkflowFacts, meeting: MeetingFacts) -> list[str]:
    blockers = []
    if meeting.type_code == REPRESENTATIVES_MEETING:
        blockers += representatives_blockers(facts, meeting)
    elif meeting.type_code != VILLAGERS_MEETING:
        blockers.append(f"会议记录 {meeting.number} 是{meeting.type_label}，村规民约须由村民会议表决")
    if not meeting.final:
        blockers.append(f"会议记录 {meeting.number} 还未定稿")
    if not meeting.quorum.met:
        blockers.append(f"会议未达法定人数：{meeting.quorum.reason}")
    if meeting.women_present is None:
        blockers.append(f"会议记录 {meeting.number} 没有填写到会妇女人数（村规民约表决必填）")
    return blockers


def representatives_blockers(facts: WorkflowFacts, meeting: MeetingFacts) -> list[str]:
    """R8: a representatives' meeting votes village rules only where the province allows it (会议记录 → 本省规定, with
    its legal basis), this revision's settings say so, and a villagers' meeting authorised it (issue 6, step 8);
    otherwise the message says which is missing."""
    if not facts.province.rules_by_representatives:
        return [f"会议记录 {meeting.number} 是村民代表会议，但本省规定（会议记录 → 本省规定）未允许村民代表会议表决"
                "村规民约，须由村民会议表决（《村民委员会组织法》第二十七条）。如本省法规允许，请先在“本省规定”中"
                "写明法规依据；否则请关联村民会议的表决记录"]
    if not facts.settings.representatives_may_vote:
        return [f"本省规定允许村民代表会议表决（依据{facts.province.basis}），但本次修订的设置是“须由村民会议表决”。"
                "如确由村民代表会议表决，请审批人在第1步“修订设置”中勾选允许村民代表会议表决"]
    if not meeting.authorisation_ref.strip():  # the issue: "a 村民代表会议 the villagers' meeting authorised"
        return [f"会议记录 {meeting.number} 没有村民会议的授权依据：村民代表会议表决村规民约，须有村民会议的授权决定。"
                "请在该会议记录中填写授权依据（如“2026年第1次村民会议决定”）"]
    return []


def post_and_enforce(facts: WorkflowFacts) -> list[str]:
    filing = facts.filing
    if filing is None:
        return ["还没有备案任务。表决通过后请报送乡镇备案"]
    blockers = []
    if filing.status is not FilingStatus.FILED:
        blockers.append(f"备案状态为“{filing.status.label}”，乡镇备案后才能张榜执行")
    if not filing.receipt_number or filing.receipt_date is None:
        blockers.append("还没有录入乡镇的备案回执（备案编号和日期）")
    if filing.effective_date is None:
        blockers.append("还没有确定施行日期")
    if facts.vote_meeting is not None:
        blockers += filing_order_problems(facts.vote_meeting.on, filing)
    return blockers


GUARDS: dict[WorkflowStep, Callable[[WorkflowFacts], list[str]]] = {
    WorkflowStep.COMMITTEES_DISCUSS: committees_discuss,
    WorkflowStep.SEND_INVITATIONS: send_invitations,
    WorkflowStep.FORM_EXECUTION_COMMITTEE: form_execution_committee,
    WorkflowStep.FIRST_DRAFT: first_draft,
    WorkflowStep.PUBLIC_CONSULTATION: public_consultation,
    WorkflowStep.REVISION: revision,
    WorkflowStep.SECOND_PUBLICITY: second_publicity,
    WorkflowStep.ASSEMBLY_VOTE: assembly_vote,
    WorkflowStep.POST_AND_ENFORCE: post_and_enforce,
}


def blockers(step: WorkflowStep, facts: WorkflowFacts) -> list[str]:
    """Why `step` may not be finished yet (empty: it may)."""
    return GUARDS[step](facts)
