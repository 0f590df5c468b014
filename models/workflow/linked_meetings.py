"""What a step reads of a linked meeting record (两委联席会议, the vote's 村民会议): a read across the minutes
and workflow areas, typed by the `MeetingRecords` and `MeetingTypes` protocols so neither area's store builds the other's."""
from __future__ import annotations

from models.minutes.meetings import evaluate
from models.minutes.record import effective
from models.workflow.guards import MeetingFacts
from models.workflow.ports import MeetingRecords, MeetingTypes


def meeting_facts(meetings: MeetingRecords, types: MeetingTypes, meeting_id: str) -> MeetingFacts | None:
    """The guard's facts of one meeting as its record reads with its 补正 applied (None: no meeting linked)."""
    if not meeting_id:
        return None
    meeting = effective(meetings.get(meeting_id))
    spec = types.type_spec(meeting.type_code)
    outcome = evaluate(meeting, spec)
    return MeetingFacts(meeting.id, meeting.number, meeting.type_code, spec.label, meeting.on, meeting.is_final,
                        meeting.attendance, outcome.quorum, spec.majority,
                        sum(1 for r in outcome.items if r.status == "passed"), meeting.women_present,
                        meeting.authorisation_ref, meeting.notice_date, meeting.notice_override_reason)
