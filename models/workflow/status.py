"""What the timeline and `rules status` show: each step's state, blockers, key figure and target date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.workflow.steps import StepState, StepStatus, WorkflowStep, current_step
from models.workflow.records import Filing
from models.workflow.date_order import filing_late_warning, notice_warning
from models.workflow.figures import invitation_warnings, key_figure, women_warning
from models.workflow.guards import REPRESENTATIVES_MEETING, VILLAGERS_MEETING, WorkflowFacts, blockers


@dataclass(frozen=True)
class StepView:
    """步骤概况 — one step as the timeline shows it."""

    status: StepStatus
    blockers: tuple[str, ...]
    figure: str
    target: date | None
    warnings: tuple[str, ...] = ()

    @property
    def step(self) -> WorkflowStep:
        return self.status.step

    @property
    def overdue_on(self) -> date | None:
        """The target date when a step not yet done has passed it."""
        return self.target if self.target and self.status.state is not StepState.DONE else None


@dataclass(frozen=True)
class WorkflowStatus:
    """修订进度 — one rulebook's revision through the nine steps."""

    rulebook_id: str
    revision_id: str
    steps: tuple[StepView, ...]

    @property
    def current_step(self) -> WorkflowStep | None:
        return current_step(tuple(v.status for v in self.steps))

    def view(self, step: WorkflowStep) -> StepView:
        return self.steps[step.number - 1]

    def overdue(self, today: date) -> list[StepView]:
        return [v for v in self.steps if v.overdue_on is not None and v.overdue_on < today]


@dataclass(frozen=True)
class OverdueStep:
    """逾期步骤 — a step of an open revision not done by its target date (shown on the home screen)."""

    rulebook_id: str
    rulebook_title: str
    step: WorkflowStep
    target: date
    days_late: int

    @property
    def text(self) -> str:
        return f"《{self.rulebook_title}》第{self.step.number}步“{self.step.label}”已逾期 {self.days_late} 天"


@dataclass(frozen=True)
class RevisionRecord:
    """修订记录 — one revision of a rulebook as its history shows it: its steps, the voted version, the filing."""

    revision_id: str
    started_on: date | None
    steps: tuple[StepStatus, ...]
    voted_number: int | None = None
    filing: Filing | None = None

    @property
    def complete(self) -> bool:
        """All nine steps done (the voted text was put in force)."""
        return all(s.state is StepState.DONE for s in self.steps)

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.state is StepState.DONE)


def _warnings(step: WorkflowStep, facts: WorkflowFacts) -> tuple[str, ...]:
    if step is WorkflowStep.SEND_INVITATIONS:
        return tuple(invitation_warnings(facts))
    if step is WorkflowStep.ASSEMBLY_VOTE and facts.vote_meeting is not None:
        meeting = facts.vote_meeting
        warning = women_warning(meeting.women_present, meeting.attendance.present)
        notice = notice_warning(meeting.on, meeting.notice_date, meeting.notice_override_reason) \
            if meeting.type_code == VILLAGERS_MEETING else ""
        return tuple(w for w in (warning, notice, _province_note(facts)) if w)
    if step is WorkflowStep.POST_AND_ENFORCE and facts.filing is not None:
        late = filing_late_warning(facts.filing, facts.today)
        return (late,) if late else ()
    return ()


def _province_note(facts: WorkflowFacts) -> str:
    """R8: a representatives' meeting accepted for the vote names the province's regulation that allows it."""
    basis = facts.representatives_vote_basis()
    if facts.vote_meeting is None or facts.vote_meeting.type_code != REPRESENTATIVES_MEETING or not basis:
        return ""
    return f"由村民代表会议表决，依据{basis}（本省规定，R8）；备案报告将注明"


def build_status(rulebook_id: str, revision_id: str, steps: tuple[StepStatus, ...],
                 facts: WorkflowFacts) -> WorkflowStatus:
    """Blockers are worked out for every step not yet done (so a clerk sees what later steps will need)."""
    views = tuple(StepView(s, () if s.state is StepState.DONE else tuple(blockers(s.step, facts)),
                           key_figure(s.step, facts), facts.timetable.get(s.step), _warnings(s.step, facts))
                  for s in steps)
    return WorkflowStatus(rulebook_id, revision_id, views)
