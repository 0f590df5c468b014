"""What the minutes' printed products read (the record-book page, 决议公开, 实施结果公开), gathered through the
stores. printing/ renders them; ui/ (打印中心) and cli/ (`print minutes`) call the gatherers.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import DomainError

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.minutes.followups import FollowUp
    from models.minutes.meetings import Meeting
    from models.minutes.settings import ProvinceRules
    from models.minutes.template import RecordTemplate
    from models.minutes.types import MeetingTypeSpec


@dataclass(frozen=True)
class MeetingSource:
    """A meeting as recorded (amendments not yet applied), its type, the village, the province's rules, the
    village's record template and, for 实施结果公开, the resolutions' follow-ups."""

    meeting: Meeting
    spec: MeetingTypeSpec
    village: str
    province: ProvinceRules
    template: RecordTemplate
    follow_ups: tuple[FollowUp, ...] = ()


def meeting_source(stores: Stores, meeting_id: str, _today: date) -> MeetingSource:
    meeting = stores.meetings.get(meeting_id)
    return MeetingSource(meeting, stores.meeting_types.type_spec(meeting.type_code), stores.profile.get().village,
                         stores.minutes_settings.province_rules(), stores.minutes_settings.record_template())


def final_meeting(stores: Stores, meeting_id: str, today: date) -> MeetingSource:
    """A finalised meeting, whose resolutions may be made public; refused before 定稿."""
    source = meeting_source(stores, meeting_id, today)
    if not source.meeting.is_final:
        raise DomainError("这份会议记录还没有定稿，不能公开决议。请先在“会议记录”界面由主持人和记录人确认定稿，"
                          "再打印公告。")
    return source


def meeting_results(stores: Stores, meeting_id: str, today: date) -> MeetingSource:
    """A finalised meeting with its follow-ups, for 实施结果公开."""
    source = final_meeting(stores, meeting_id, today)
    return MeetingSource(source.meeting, source.spec, source.village, source.province, source.template,
                         tuple(stores.follow_ups.list_follow_ups(meeting_id)))
