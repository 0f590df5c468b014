"""Store interfaces (Protocols) of the minutes area, one per aggregate: meeting records (会议记录), meeting types,
the minutes settings, proposals to convene, follow-ups and 四议两公开 matters.

Every write returns the `Changed` it made (an add names its new record's id). Reads that span aggregates (a
record's warnings, the carried-over agenda) are functions in `models/minutes/services.py`.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.minutes.convene import ConveneProposal
    from models.minutes.followups import Evaluation, FollowUp, FollowUpStatus
    from models.minutes.four_two import FourTwoMatter, FourTwoStage
    from models.minutes.meetings import Meeting, MeetingSummary
    from models.minutes.meetings import SearchHit as MeetingSearchHit
    from models.minutes.settings import ProvinceRules
    from models.minutes.template import RecordTemplate
    from models.minutes.types import MeetingTypeSpec


class MeetingTypeStore(Protocol):
    """会议类型: the built-in bodies and the village's own."""

    def meeting_types(self) -> tuple[MeetingTypeSpec, ...]: ...
    def type_spec(self, code: str) -> MeetingTypeSpec: ...
    def add_meeting_type(self, spec: MeetingTypeSpec) -> Changed: ...


class MeetingStore(Protocol):
    """会议记录. Drafts change freely; a finalised record is read-only and corrected by amendments."""

    def get(self, meeting_id: str) -> Meeting: ...
    def list_meetings(self, year: int | None = None, type_code: str | None = None, text: str = "",
                      offset: int = 0, limit: int | None = None) -> list[MeetingSummary]: ...
    def count_meetings(self, year: int | None = None, type_code: str | None = None, text: str = "") -> int: ...
    def years(self) -> list[int]: ...
    def search(self, query: str, limit: int = 50) -> list[MeetingSearchHit]: ...

    def create(self, meeting: Meeting) -> Changed:
        """Save a new draft with the next year-based number of its type (2026-代-07); `.id` is the new record's."""
        ...

    def save_draft(self, meeting: Meeting) -> Changed: ...

    def finalise(self, meeting_id: str, host_confirmed: bool, recorder_confirmed: bool) -> Changed:
        """Irreversible: read-only from now on; passed resolutions get follow-up items (named in the Changed)."""
        ...

    def amend(self, meeting_id: str, field_name: str, after: str, reason: str, on: date) -> Changed: ...


class MinutesSettingsStore(Protocol):
    """The province's R8 rule and the R18 record-book template."""

    def province_rules(self) -> ProvinceRules: ...
    def set_province_rules(self, allowed: bool, basis: str) -> Changed: ...  # R8 province override
    def record_template(self) -> RecordTemplate: ...
    def set_record_template(self, template: RecordTemplate | None) -> Changed: ...  # R18; None: default


class ConveneStore(Protocol):
    """R10 proposals to convene a meeting (提议召集), open until a meeting answers them."""

    def proposals(self, open_only: bool = False) -> list[ConveneProposal]: ...
    def proposal(self, proposal_id: str) -> ConveneProposal: ...
    def record_proposal(self, proposal: ConveneProposal) -> Changed: ...
    def answer_proposal(self, proposal_id: str, meeting_id: str) -> Changed: ...  # '' unlinks
    def overdue_proposals(self, today: date) -> list[ConveneProposal]: ...


class FollowUpStore(Protocol):
    """决议落实: status timeline, result report, villagers' evaluation."""

    def list_follow_ups(self, meeting_id: str | None = None, open_only: bool = False) -> list[FollowUp]: ...
    def overdue(self, today: date) -> list[FollowUp]: ...
    def get(self, follow_up_id: str) -> FollowUp: ...
    def record_progress(self, follow_up_id: str, on: date, status: FollowUpStatus, note: str,
                        result_report: str = "") -> Changed: ...
    def evaluate(self, follow_up_id: str, evaluation: Evaluation) -> Changed: ...


class FourTwoStore(Protocol):
    """四议两公开 matters; stages are refused out of order."""

    def matters(self) -> list[FourTwoMatter]: ...
    def get(self, matter_id: str) -> FourTwoMatter: ...
    def create_matter(self, title: str, motion_source: str, merged_first_stages: bool = False) -> Changed: ...
    def withdraw_matter(self, matter_id: str) -> Changed:
        """撤销 a matter just made (the project pool's undo of 建入项目库); refused once a stage is recorded on it."""
        ...
    def record_stage(self, matter_id: str, stage: FourTwoStage, on: date, meeting_id: str = "",
                     publication: str = "", supervision_opinion: str = "") -> Changed: ...
