"""What the stars read of the minutes area, adapted to the area's narrow port (wired in backend.py)."""
from __future__ import annotations

from models.minutes.meetings import MeetingStatus
from models.minutes.ports import MeetingStore, MeetingTypeStore
from models.stars.stars import MeetingFacts


class MinutesMeetings:
    """Implements models.stars.ports.StarMeetings over the meeting records and their types."""

    def __init__(self, meetings: MeetingStore, types: MeetingTypeStore) -> None:
        self._meetings, self._types = meetings, types

    def meeting_facts(self, meeting_id: str) -> MeetingFacts:
        meeting = self._meetings.get(meeting_id)
        return MeetingFacts(meeting.id, meeting.type_code, self._types.type_spec(meeting.type_code).label,
                            meeting.status is MeetingStatus.FINAL, meeting.on, meeting.number)
