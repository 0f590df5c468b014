"""The nine-step revision workflow (九步工作法): steps, step states, advancing and reopening.

A revision is a tuple of nine `StepStatus`. Exactly one step is active while the revision is open; advancing
needs the active step's guard to hold (models/workflow/guards.py). Reopening a finished step makes it active
again and marks every later step that had been reached as stale (需重做); their records stay for reference.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from models.core.accounts import Actor, Permission
from models.core.errors import DomainError


class WorkflowStep(StrEnum):
    """工作步骤 — the nine steps of Liping's method, in order (STYLE.md §7)."""

    COMMITTEES_DISCUSS = "committees_discuss"
    SEND_INVITATIONS = "send_invitations"
    FORM_EXECUTION_COMMITTEE = "form_execution_committee"
    FIRST_DRAFT = "first_draft"
    PUBLIC_CONSULTATION = "public_consultation"
    REVISION = "revision"
    SECOND_PUBLICITY = "second_publicity"
    ASSEMBLY_VOTE = "assembly_vote"
    POST_AND_ENFORCE = "post_and_enforce"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]

    @property
    def number(self) -> int:
        return STEPS.index(self) + 1

    @classmethod
    def of(cls, number: int) -> WorkflowStep:
        if not 1 <= number <= len(STEPS):
            raise DomainError(f"步骤应为 1 到 {len(STEPS)} 之间的数字。")
        return STEPS[number - 1]


_STEP_LABELS = {
    WorkflowStep.COMMITTEES_DISCUSS: "两委商议",
    WorkflowStep.SEND_INVITATIONS: "发邀请函",
    WorkflowStep.FORM_EXECUTION_COMMITTEE: "建执委会",
    WorkflowStep.FIRST_DRAFT: "草拟初稿",
    WorkflowStep.PUBLIC_CONSULTATION: "征求民意",
    WorkflowStep.REVISION: "修改完善",
    WorkflowStep.SECOND_PUBLICITY: "二次公示",
    WorkflowStep.ASSEMBLY_VOTE: "全体表决",
    WorkflowStep.POST_AND_ENFORCE: "张榜执行",
}
STEPS: tuple[WorkflowStep, ...] = tuple(WorkflowStep)
# Finishing these steps commits the village (committee appointed, vote recorded, rules in force): approvers only.
APPROVER_STEPS = frozenset({WorkflowStep.FORM_EXECUTION_COMMITTEE, WorkflowStep.ASSEMBLY_VOTE,
                            WorkflowStep.POST_AND_ENFORCE})


class StepState(StrEnum):
    """步骤状态."""

    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    STALE = "stale"

    @property
    def label(self) -> str:
        return {"pending": "未开始", "active": "进行中", "done": "已完成", "stale": "需重做"}[self.value]


@dataclass(frozen=True)
class StepStatus:
    """步骤进度 — one step's state, when it started and finished, and the last reopening reason."""

    step: WorkflowStep
    state: StepState = StepState.PENDING
    started_on: date | None = None
    done_on: date | None = None
    reopen_reason: str = ""


def fresh_steps(today: date) -> tuple[StepStatus, ...]:
    """A new revision: step 1 active, the rest not started."""
    return tuple(StepStatus(s, StepState.ACTIVE, today) if s.number == 1 else StepStatus(s) for s in STEPS)


def current_step(steps: tuple[StepStatus, ...]) -> WorkflowStep | None:
    """The active step, or None when all nine are done."""
    return next((s.step for s in steps if s.state is StepState.ACTIVE), None)


def is_complete(steps: tuple[StepStatus, ...]) -> bool:
    return all(s.state is StepState.DONE for s in steps)


def advance(steps: tuple[StepStatus, ...], blockers: list[str], actor: Actor,
            today: date) -> tuple[StepStatus, ...]:
    """Finish the active step and start the next one; refused with the blockers when the guard fails."""
    step = current_step(steps)
    refusals = advance_refusals(step, blockers, actor)
    if refusals:
        raise DomainError(refusals[0] if step is None or not blockers else
                          f"还不能结束“{step.label}”：" + "；".join(refusals))
    assert step is not None
    index = step.number - 1
    result = list(steps)
    result[index] = replace(steps[index], state=StepState.DONE, done_on=today)
    if index + 1 < len(steps):
        result[index + 1] = replace(steps[index + 1], state=StepState.ACTIVE, started_on=today, done_on=None)
    return tuple(result)


def advance_refusals(step: WorkflowStep | None, blockers: list[str], actor: Actor) -> list[str]:
    """Why finishing `step` (the active one) would be refused now, in Chinese; empty when it would go through.

    The screen asks this before it asks 此操作不能撤销？, so a clerk is never asked to confirm what will fail."""
    if step is None:
        return ["九个步骤都已完成，无需再推进。如需修改，请由审核人退回到某一步骤。"]
    if step in APPROVER_STEPS and not actor.can(Permission.APPROVE):
        return [f"完成“{step.label}”需要审核人（书记或主任）确认。请换用审核人账户登录。", *blockers]
    return list(blockers)


def reopen_refusals(actor: Actor) -> list[str]:
    """Why `reopen` would be refused for `actor`, asked before the clerk types a reason."""
    return [] if actor.can(Permission.APPROVE) else ["退回步骤需要审核人（书记或主任）操作。请换用审核人账户登录。"]


def reopen(steps: tuple[StepStatus, ...], step: WorkflowStep, reason: str, actor: Actor,
           today: date) -> tuple[StepStatus, ...]:
    """Reopen a finished (or stale) step: it becomes active, later reached steps become stale."""
    refusals = reopen_refusals(actor)
    if refusals:
        raise DomainError(refusals[0])
    return reopen_by_order(steps, step, reason, today)


def reopen_by_order(steps: tuple[StepStatus, ...], step: WorkflowStep, reason: str,
                    today: date) -> tuple[StepStatus, ...]:
    """Reopen on an outside order that needs no local approver (the township's 责令改正 arriving by sync)."""
    if not reason.strip():
        raise DomainError("请写明退回的原因，例如“乡镇审查意见要求修改第九条”。")
    index = step.number - 1
    if steps[index].state not in (StepState.DONE, StepState.STALE):
        raise DomainError(f"“{step.label}”{steps[index].state.label}，只能退回已完成的步骤。")
    result: list[StepStatus] = []
    for i, status in enumerate(steps):
        if i == index:
            status = replace(status, state=StepState.ACTIVE, started_on=today, done_on=None,
                             reopen_reason=reason.strip())
        elif i > index and status.state is not StepState.PENDING:
            status = replace(status, state=StepState.STALE)
        result.append(status)
    return tuple(result)
