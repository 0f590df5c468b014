"""Mapping between meeting models and their table rows (meetings, attendees, agenda items, amendments)."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.minutes.quorum import MajorityRule, QuorumRule, Tally
from models.minutes.types import Composition, MeetingTypeSpec
from models.minutes.meetings import (
    AgendaItem, Amendment, AttendanceKind, Attendee, Gender, MatterKind, Meeting, MeetingStatus, VoteMethod,
)
from models.minutes.votes import PersonVote, Speech, VoteChoice
from storage.core.db import Database

# Meeting model field → meetings column, for the plain scalar fields.
MEETING_COLUMNS = {
    "start": "start_time", "end": "end_time", "place": "place", "convener": "convener", "host": "host",
    "host_post": "host_post", "recorder": "recorder", "expected": "expected", "expected_computed": "expected_computed",
    "expected_reason": "expected_reason", "expected_households": "expected_households", "present": "present",
    "households_represented": "households_represented", "women_present": "women_present", "observers": "observers",
    "township_attendees": "township_attendees", "motion_source": "motion_source",
    "notice_override_reason": "notice_override_reason", "authorisation_ref": "authorisation_ref",
    "summary": "summary",
}
ITEM_TEXT = ("title", "proposer", "background", "discussion", "resolution", "resolution_owner", "scrutineer",
             "counter", "carried_from")


def rows(db: Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def meeting_values(meeting: Meeting) -> dict[str, Any]:
    values = {column: getattr(meeting, name) for name, column in MEETING_COLUMNS.items()}
    values.update(type_code=meeting.type_code, date=meeting.on.isoformat(),
                  notice_date=meeting.notice_date.isoformat() if meeting.notice_date else None)
    return values


def attendee_values(attendee: Attendee, meeting_id: str, position: int) -> dict[str, Any]:
    return {"meeting_id": meeting_id, "position": position, "villager_id": attendee.villager_id,
            "name": attendee.name, "gender": attendee.gender.value, "kind": attendee.kind.value,
            "post": attendee.post, "reason": attendee.reason, "proxy_for": attendee.proxy_for}


def item_values(item: AgendaItem, meeting_id: str, position: int) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(item, name) for name in ITEM_TEXT}
    tally = item.tally
    values.update(meeting_id=meeting_id, position=position, matter=item.matter.value,
                  vote_method=item.vote_method.value if item.vote_method else None,
                  votes_for=tally.for_ if tally else None, votes_against=tally.against if tally else None,
                  votes_abstain=tally.abstain if tally else None,
                  resolution_due=item.resolution_due.isoformat() if item.resolution_due else None)
    return values


def to_attendee(row: dict[str, Any]) -> Attendee:
    return Attendee(row["name"], Gender(row["gender"]), AttendanceKind(row["kind"]), row["villager_id"],
                    row["post"], row["reason"], row["proxy_for"])


def vote_values(vote: PersonVote, meeting_id: str, item_id: str, position: int) -> dict[str, Any]:
    return {"meeting_id": meeting_id, "item_id": item_id, "position": position, "name": vote.name,
            "villager_id": vote.villager_id, "choice": vote.choice.value}


def speech_values(speech: Speech, meeting_id: str, item_id: str, position: int) -> dict[str, Any]:
    return {"meeting_id": meeting_id, "item_id": item_id, "position": position, "speaker": speech.speaker,
            "villager_id": speech.villager_id, "content": speech.content}


def to_item(row: dict[str, Any], votes: tuple[PersonVote, ...] = (), speeches: tuple[Speech, ...] = ()) -> AgendaItem:
    tally = None if row["votes_for"] is None else Tally(row["votes_for"], row["votes_against"] or 0,
                                                        row["votes_abstain"] or 0)
    return AgendaItem(id=row["id"], matter=MatterKind(row["matter"]),
                      vote_method=VoteMethod(row["vote_method"]) if row["vote_method"] else None, tally=tally,
                      resolution_due=_day(row["resolution_due"]), votes=votes, speeches=speeches,
                      **{name: row[name] for name in ITEM_TEXT})


def _by_item(db: Database, table: str, meeting_id: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows(db, f"SELECT * FROM {table} WHERE meeting_id = ? AND deleted = 0 ORDER BY item_id, position",
                    [meeting_id]):
        grouped.setdefault(row["item_id"], []).append(row)
    return grouped


def load_items(db: Database, meeting_id: str) -> tuple[AgendaItem, ...]:
    """The live agenda items of a meeting in order, each with its per-person votes and speeches."""
    items = rows(db, "SELECT * FROM agenda_items WHERE meeting_id = ? AND deleted = 0 ORDER BY position",
                 [meeting_id])
    votes, speeches = _by_item(db, "agenda_item_votes", meeting_id), _by_item(db, "agenda_item_speeches", meeting_id)
    return tuple(to_item(row, tuple(PersonVote(v["name"], VoteChoice(v["choice"]), v["villager_id"])
                                    for v in votes.get(row["id"], ())),
                         tuple(Speech(s["speaker"], s["content"], s["villager_id"])
                               for s in speeches.get(row["id"], ()))) for row in items)


def to_amendment(row: dict[str, Any]) -> Amendment:
    return Amendment(date.fromisoformat(row["on_date"]), row["editor"], row["field_name"], row["before_text"],
                     row["after_text"], row["reason"], row["id"])


def load_meeting(db: Database, row: dict[str, Any]) -> Meeting:
    """A meeting with its attendees, items and amendments (all live rows, in order)."""
    meeting_id = row["id"]
    attendees = rows(db, "SELECT * FROM meeting_attendees WHERE meeting_id = ? AND deleted = 0 ORDER BY position",
                     [meeting_id])
    amendments = rows(db, "SELECT * FROM meeting_amendments WHERE meeting_id = ? AND deleted = 0 "
                          "ORDER BY on_date, created_at", [meeting_id])
    scalars = {name: row[column] for name, column in MEETING_COLUMNS.items()}
    return Meeting(row["type_code"], date.fromisoformat(row["date"]), id=meeting_id, number=row["number"],
                   notice_date=_day(row["notice_date"]), attendees=tuple(map(to_attendee, attendees)),
                   items=load_items(db, meeting_id), status=MeetingStatus(row["status"]),
                   finalised_by=row["finalised_by"], amendments=tuple(map(to_amendment, amendments)), **scalars)


def to_type_spec(row: dict[str, Any]) -> MeetingTypeSpec:
    return MeetingTypeSpec(row["code"], row["label"], row["letter"], Composition(row["composition"]),
                           QuorumRule(row["quorum"]), MajorityRule(row["majority"]), row["notice_days"],
                           False, False, row["rule_note"])
