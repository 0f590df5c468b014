"""What each workflow record needs before it is written (the stores refuse with these messages, in Chinese).

Each function returns the refusal, or None when the entry may be written; `refuse` raises it."""
from __future__ import annotations

import dataclasses
from datetime import date

from models.core.errors import DomainError
from models.township.reviews import DecisionKind, FilingDecision
from models.workflow.date_order import (publicity_after_vote_problem, publicity_length_problem,
                                        review_after_vote_problem, vote_order_problems)
from models.workflow.guards import MeetingFacts, WorkflowFacts
from models.workflow.records import ArticleVote, Disposition, Filing, FilingStatus, Opinion, TeamKind
from models.workflow.steps import StepState, StepStatus, WorkflowStep, current_step


def refuse(problem: str | None) -> None:
    """Raise the refusal (DomainError) when there is one."""
    if problem:
        raise DomainError(problem)


def start_problem(steps: tuple[StepStatus, ...] | None) -> str | None:
    """A new revision waits until the rulebook's last one (its `steps`; None: none yet) is finished."""
    if steps is not None and current_step(steps) is not None:
        return "这份村规民约已有一次修订正在进行，请先完成它。"
    return None


def invitation_problem(name: str) -> str | None:
    return None if name.strip() else "请填写受邀人姓名或单位名称。"


def team_problem(name: str) -> str | None:
    return None if name.strip() else "请填写队伍名称。"


def team_name(name: str, kind: TeamKind) -> str:
    """A team added without a name is called by its kind (治安巡逻队 …)."""
    return name.strip() or kind.label


def opinion_problem(name: str, text: str) -> str | None:
    return None if text.strip() and name.strip() else "请填写提意见的人和意见内容。"


def reply_problem(disposition: Disposition, reason: str) -> str | None:
    """Every answer but 采纳 gives its reason, so that the villagers are told why (意见采纳情况说明)."""
    if disposition is not Disposition.ADOPTED and not reason.strip():
        return f"“{disposition.label}”须写明理由，以便向群众答复。"
    return None


def links_problem(chosen: list[Opinion]) -> str | None:
    return None if chosen else "请至少选择一条这一修改所答复的意见。"


def change_reason(chosen: list[Opinion]) -> str:
    """The 修改对照表 reason of an article change that answers `chosen`."""
    return "采纳" + "、".join(o.title for o in chosen)


def publicity_problem(start: date, end: date, facts: WorkflowFacts) -> str | None:
    """R47 (its minimum from 修订设置) and R19 (a publicity of the voted text must end before the vote)."""
    return publicity_length_problem(start, end, facts.settings.publicity_min_days) \
        or publicity_after_vote_problem(end, voted_on(facts, facts.latest_version_id))


def voted_on(facts: WorkflowFacts, version_id: str) -> date | None:
    """The date of the recorded vote on version `version_id` (None: that text has not been voted on)."""
    if facts.vote is None or facts.vote_meeting is None or facts.vote.version_id != version_id:
        return None
    return facts.vote_meeting.on


def review_date_problem(on: date, version_id: str, facts: WorkflowFacts) -> str | None:
    """R19: the pre-review of a text already voted on cannot be dated after that vote."""
    return review_after_vote_problem(on, voted_on(facts, version_id))


def vote_date_problem(meeting: MeetingFacts | None, version_id: str, facts: WorkflowFacts) -> str | None:
    """R19/R21: the vote's meeting after the township's review of this text, the end of the publicity and the
    answers to every objection."""
    if meeting is None:
        return "请选择表决所在的会议记录。"
    problems = vote_order_problems(meeting.on, facts.publicity, facts.review, facts.opinions, version_id)
    return "\n".join(problems) or None


def review_problem(reviewer: str, conclusion: str) -> str | None:
    return None if reviewer.strip() and conclusion.strip() else "请填写审查机关和审查结论（照书面意见录入）。"


def vote_problem(tallies: tuple[ArticleVote, ...]) -> str | None:
    return None if tallies else "请录入表决票数（全文或逐条）。"


def send_back_problem(steps: tuple[StepStatus, ...], voted: bool) -> str | None:
    if current_step(steps) is not WorkflowStep.ASSEMBLY_VOTE or not voted:
        return "只有在“全体表决”进行中、已录入表决结果时，才能把未通过的条款退回修改。"
    return None


def revision_done(steps: tuple[StepStatus, ...]) -> bool:
    """Whether step 6 (修改完善) has been finished, so that an order to correct reopens it (R24)."""
    return steps[WorkflowStep.REVISION.number - 1].state in (StepState.DONE, StepState.STALE)


def filing_progress(filing: Filing, status: FilingStatus, on: date, receipt_number: str = "",
                    receipt_date: date | None = None, effective_date: date | None = None, note: str = "") -> Filing:
    """The filing after a progress entry: what is left blank keeps its value; 已报送 dates the submission."""
    return dataclasses.replace(
        filing, status=status, note=note or filing.note, receipt_number=receipt_number or filing.receipt_number,
        receipt_date=receipt_date or filing.receipt_date, effective_date=effective_date or filing.effective_date,
        submitted_on=on if status is FilingStatus.SUBMITTED else filing.submitted_on)


def correction_reason(note: str) -> str:
    """Why step 6 reopens when the village records the township's 责令改正 itself."""
    return "乡镇责令改正：" + (note.strip() or "见备案回执")


def township_return_to_act_on(decision: FilingDecision | None, acted_on: str) -> bool:
    """A township 退回修改 of the filed text that the village has not acted on yet (`acted_on`: the last one)."""
    return decision is not None and not decision.stale and decision.kind is DecisionKind.RETURN \
        and decision.id != acted_on


def township_return_reason(decision: FilingDecision) -> str:
    return f"乡镇退回修改：{decision.reasons}"
