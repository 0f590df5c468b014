"""Reads of the minutes area that span its aggregates, typed by the ports: a record's warnings, the quarters
without a representatives' meeting, the follow-ups carried over to the next meeting's agenda."""
from __future__ import annotations

from datetime import date

from models.minutes.checks import MeetingWarning, meeting_warnings, quarter_warnings
from models.minutes.followups import FollowUp, carry_over, carry_over_title
from models.minutes.meetings import AgendaItem, Meeting
from models.minutes.ports import FollowUpStore, MeetingStore, MeetingTypeStore, MinutesSettingsStore
from models.minutes.record import effective

REPRESENTATIVES = "representatives_meeting"


def record_warnings(meeting: Meeting, types: MeetingTypeStore,
                    settings: MinutesSettingsStore) -> list[MeetingWarning]:
    """The record's own warnings (R7, R8, R14), on the record as amended, under this province's R8 rule."""
    return meeting_warnings(effective(meeting), types.type_spec(meeting.type_code), settings.province_rules())


def missing_quarters(meetings: MeetingStore, year: int, today: date) -> list[MeetingWarning]:
    """R11: quarters of `year` ended by `today` with no representatives' meeting recorded."""
    held = [summary.on for summary in meetings.list_meetings(year=year, type_code=REPRESENTATIVES)]
    return quarter_warnings(held, year, today)


def carry_over_items(follow_ups: FollowUpStore, meetings: MeetingStore, type_code: str,
                     on: date) -> list[AgendaItem]:
    """Open follow-ups of the same body from earlier meetings, as agenda items for the next one."""
    open_items = [item for item in follow_ups.list_follow_ups(open_only=True) if item.meeting_type == type_code]
    dates = {summary.id: summary.on for summary in meetings.list_meetings(type_code=type_code)}
    return [_carried_item(item) for item in carry_over(open_items, type_code, on, dates)]


def _carried_item(item: FollowUp) -> AgendaItem:
    return AgendaItem(carry_over_title(item), background=f"责任人：{item.owner or '未填'}；"
                                                         f"期限：{item.due.isoformat() if item.due else '未定'}",
                      carried_from=item.id)
