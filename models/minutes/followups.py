"""Follow-up of resolutions (议后怎么办): owner, deadline, status timeline, result, evaluation, carry-over."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError


class FollowUpStatus(StrEnum):
    """落实状态."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {"not_started": "未启动", "in_progress": "推进中", "done": "已办结", "cancelled": "已撤销"}[self.value]

    @property
    def is_open(self) -> bool:
        return self in (FollowUpStatus.NOT_STARTED, FollowUpStatus.IN_PROGRESS)


class Evaluation(StrEnum):
    """群众评价."""

    SATISFIED = "satisfied"
    MOSTLY_SATISFIED = "mostly_satisfied"
    DISSATISFIED = "dissatisfied"

    @property
    def label(self) -> str:
        return {"satisfied": "满意", "mostly_satisfied": "基本满意", "dissatisfied": "不满意"}[self.value]


@dataclass(frozen=True)
class TimelineEntry:
    """进展记录 — a dated step: the status it moved to and what was done."""

    on: date
    status: FollowUpStatus
    note: str


@dataclass(frozen=True)
class FollowUp:
    """决议落实 — one resolution being carried out, from the meeting that decided it."""

    title: str
    meeting_id: str
    meeting_type: str
    item_id: str = ""
    id: str = ""
    owner: str = ""
    due: date | None = None
    status: FollowUpStatus = FollowUpStatus.NOT_STARTED
    result_report: str = ""
    evaluation: Evaluation | None = None
    timeline: tuple[TimelineEntry, ...] = ()

    def is_overdue(self, today: date) -> bool:
        return self.status.is_open and self.due is not None and self.due < today


_ALLOWED = {
    FollowUpStatus.NOT_STARTED: {FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.CANCELLED},
    FollowUpStatus.IN_PROGRESS: {FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.CANCELLED},
    # A closed item reopens only to be worked on again (e.g. after a 不满意 evaluation).
    FollowUpStatus.DONE: {FollowUpStatus.IN_PROGRESS},
    FollowUpStatus.CANCELLED: {FollowUpStatus.IN_PROGRESS},
}


def record_progress(item: FollowUp, on: date, status: FollowUpStatus, note: str,
                    result_report: str = "") -> FollowUp:
    """Append a dated timeline entry; closing needs a result report (DONE) or a reason (CANCELLED)."""
    if status not in _ALLOWED[item.status]:
        raise DomainError(f"“{item.title}”当前为{item.status.label}，不能直接改为{status.label}。")
    if not note.strip():
        raise DomainError("请填写这次的进展情况。")
    if item.timeline and on < item.timeline[-1].on:
        raise DomainError(f"进展日期不能早于上一条记录（{item.timeline[-1].on.isoformat()}）。")
    if status is FollowUpStatus.DONE and not (result_report.strip() or item.result_report.strip()):
        raise DomainError("办结时请填写落实结果（将用于实施结果公开）。")
    entry = TimelineEntry(on, status, note.strip())
    report = result_report.strip() or item.result_report
    evaluation = item.evaluation if status is FollowUpStatus.DONE else None
    return dataclasses.replace(item, status=status, timeline=item.timeline + (entry,), result_report=report,
                               evaluation=evaluation)


def evaluate_result(item: FollowUp, evaluation: Evaluation) -> FollowUp:
    """The villagers' evaluation, once the item is done."""
    if item.status is not FollowUpStatus.DONE:
        raise DomainError(f"“{item.title}”还没有办结，办结后才能登记群众评价。")
    return dataclasses.replace(item, evaluation=evaluation)


def carry_over(items: list[FollowUp], meeting_type: str, meeting_on: date,
               decided_on: dict[str, date]) -> list[FollowUp]:
    """Open items of the same body decided before `meeting_on`: they go on the next meeting's agenda.

    `decided_on` maps meeting ids to their dates.
    """
    return [i for i in items if i.status.is_open and i.meeting_type == meeting_type
            and decided_on.get(i.meeting_id, meeting_on) < meeting_on]


def carry_over_title(item: FollowUp) -> str:
    return f"【上次会议遗留】{item.title}（{item.status.label}）"
