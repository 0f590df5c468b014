"""四议两公开: the six stages of one village matter, recorded strictly in order (R15)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError
from models.minutes.meetings import Meeting, evaluate
from models.minutes.record import effective
from models.minutes.types import MeetingType, MeetingTypeSpec


class FourTwoStage(StrEnum):
    """四议两公开的环节, in order."""

    PROPOSE = "propose"
    CONSULT = "consult"
    REVIEW = "review"
    DECIDE = "decide"
    DISCLOSE_DECISION = "disclose_decision"
    DISCLOSE_RESULT = "disclose_result"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def position(self) -> int:
        return list(FourTwoStage).index(self) + 1


_LABELS = {
    FourTwoStage.PROPOSE: "党支部会提议",
    FourTwoStage.CONSULT: "两委会商议",
    FourTwoStage.REVIEW: "党员大会审议",
    FourTwoStage.DECIDE: "村民代表会议或村民会议决议",
    FourTwoStage.DISCLOSE_DECISION: "决议公开",
    FourTwoStage.DISCLOSE_RESULT: "实施结果公开",
}

# The meeting types each deliberation stage must be held as.
STAGE_MEETING_TYPES: dict[FourTwoStage, tuple[str, ...]] = {
    FourTwoStage.PROPOSE: (MeetingType.BRANCH_COMMITTEE.value, MeetingType.PARTY_GENERAL.value),
    FourTwoStage.CONSULT: (MeetingType.JOINT_COMMITTEES.value,),
    FourTwoStage.REVIEW: (MeetingType.PARTY_GENERAL.value,),
    FourTwoStage.DECIDE: (MeetingType.REPRESENTATIVES.value, MeetingType.VILLAGERS.value),
}
_PUBLICATIONS = (FourTwoStage.DISCLOSE_DECISION, FourTwoStage.DISCLOSE_RESULT)


@dataclass(frozen=True)
class StageRecord:
    """环节记录 — when, which meeting (deliberation stages) or which notice (disclosures), and opinions."""

    stage: FourTwoStage
    on: date
    meeting_id: str = ""
    meeting_type: str = ""
    passed: bool | None = None
    publication: str = ""
    supervision_opinion: str = ""
    id: str = ""


@dataclass(frozen=True)
class FourTwoMatter:
    """四议两公开事项 — one matter with an unchanging source of motion and its recorded stages."""

    title: str
    motion_source: str
    merged_first_stages: bool = False  # 一肩挑: steps 1 and 2 may be one meeting
    stages: tuple[StageRecord, ...] = ()
    id: str = ""

    def record_of(self, stage: FourTwoStage) -> StageRecord | None:
        return next((r for r in self.stages if r.stage is stage), None)

    @property
    def next_stage(self) -> FourTwoStage | None:
        done = {r.stage for r in self.stages}
        return next((s for s in FourTwoStage if s not in done and not self._skippable(s)), None)

    def _skippable(self, stage: FourTwoStage) -> bool:
        return stage is FourTwoStage.PROPOSE and self.merged_first_stages and \
            self.record_of(FourTwoStage.CONSULT) is not None


def make_matter(title: str, motion_source: str, merged_first_stages: bool = False) -> FourTwoMatter:
    if not title.strip():
        raise DomainError("请填写事项名称。")
    if not motion_source.strip():
        raise DomainError("请填写动议来源（党员群众建议 / 村干部提议 / 上级党委政府安排），六个环节须保持一致。")
    return FourTwoMatter(title.strip(), motion_source.strip(), merged_first_stages)


def record_stage(matter: FourTwoMatter, record: StageRecord) -> FourTwoMatter:
    """Add one stage; refused before its predecessor, out of date order, or without what it needs."""
    stage = record.stage
    if matter.record_of(stage) is not None:
        raise DomainError(f"“{matter.title}”已登记过“{stage.label}”环节。")
    previous = _predecessor(matter, stage)
    if previous is not None:
        earlier = matter.record_of(previous)
        if earlier is None:
            raise DomainError(f"“{stage.label}”须在“{previous.label}”之后进行（四议两公开第 {previous.position} 步尚未登记）。")
        if record.on < earlier.on:
            raise DomainError(f"“{stage.label}”的日期不能早于“{previous.label}”（{earlier.on.isoformat()}）。")
    _check_content(stage, record)
    return dataclasses.replace(matter, stages=matter.stages + (record,))


def stage_on_meeting(record: StageRecord, meeting: Meeting, spec: MeetingTypeSpec) -> StageRecord:
    """A deliberation stage rests on a finalised record: its date, body and whether any item passed (as amended)."""
    if not meeting.is_final:
        raise DomainError(f"会议记录 {meeting.number} 尚未定稿，定稿后才能作为“{record.stage.label}”的依据。")
    passed = any(result.passed for result in evaluate(effective(meeting), spec).items)
    return StageRecord(record.stage, meeting.on, meeting.id, meeting.type_code, passed,
                       record.publication, record.supervision_opinion)


def _predecessor(matter: FourTwoMatter, stage: FourTwoStage) -> FourTwoStage | None:
    if stage is FourTwoStage.PROPOSE:
        return None
    if stage is FourTwoStage.CONSULT and matter.merged_first_stages:
        return None  # 一肩挑: the joint meeting both proposes and consults
    return list(FourTwoStage)[stage.position - 2]


def _check_content(stage: FourTwoStage, record: StageRecord) -> None:
    if stage in _PUBLICATIONS:
        if not record.publication.strip():
            raise DomainError(f"“{stage.label}”须登记公开的地点、方式和公告编号。")
        if not record.supervision_opinion.strip():
            raise DomainError(f"“{stage.label}”须填写村务监督委员会的监督意见。")
        return
    allowed = STAGE_MEETING_TYPES[stage]
    if not record.meeting_id or record.meeting_type not in allowed:
        names = "或".join(MeetingType(code).label for code in allowed)
        raise DomainError(f"“{stage.label}”须关联一次{names}的会议记录。")
    if stage in (FourTwoStage.REVIEW, FourTwoStage.DECIDE) and record.passed is not True:
        raise DomainError(f"关联会议的表决未获通过（或无效），不能登记“{stage.label}”。")
