"""The meeting JSON document (docs/formats.md): validation into a Meeting, and back (import ⇄ export)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

from models.core.errors import DomainError
from models.minutes.quorum import Tally, tally_problem
from models.minutes.types import MeetingTypeSpec, resolve_type
from models.minutes.votes import PersonVote, Speech, VoteChoice, tally_from_votes, vote_problems
from models.minutes.meetings import (
    AgendaItem, AttendanceKind, Attendee, Gender, MatterKind, Meeting, VoteMethod, present_voter_names,
)
from models.registry.ports import RosterPerson

Resolver = Callable[[str], RosterPerson | None]

MEETING_KEYS = {"type", "date", "start", "end", "place", "host", "recorder", "expected", "present",
                "households_represented", "absent", "items", "convener", "host_post", "expected_households",
                "expected_reason", "women_present", "observers", "township_attendees", "motion_source",
                "notice_date", "notice_override_reason", "authorisation", "summary"}
REQUIRED_KEYS = ("type", "date", "expected", "present", "items")
ITEM_KEYS = {"title", "discussion", "for", "against", "abstain", "resolution", "proposer", "background",
             "matter", "vote_method", "resolution_owner", "resolution_due", "scrutineer", "counter", "speeches",
             "votes"}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
_TEXT_KEYS = ("start", "end", "place", "host", "recorder", "convener", "host_post", "expected_reason",
              "observers", "township_attendees", "motion_source", "notice_override_reason", "authorisation", "summary")


class DocumentError(DomainError):
    """The document is refused; `.problems` lists each key and its reason. Nothing is written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("会议记录文件有误，未导入任何内容：\n" + "\n".join(f"  {p}" for p in problems))
        self.problems = problems


class _Reader:
    """Reads typed values out of the document, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, key: str, reason: str) -> None:
        self.problems.append(f"“{key}”：{reason}")

    def text(self, data: dict[str, Any], key: str, path: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(path, "应为文字")
            return ""
        return value.strip()

    def count(self, data: dict[str, Any], key: str, path: str, required: bool = False) -> int | None:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(path, "必填，应为不小于 0 的整数")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(path, f"应为不小于 0 的整数，实际为 {value!r}")
            return None
        return value

    def day(self, data: dict[str, Any], key: str, path: str, required: bool = False) -> date | None:
        value = data.get(key)
        if value in (None, ""):
            if required:
                self.fail(path, "必填，格式为 YYYY-MM-DD")
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(path, f"日期格式应为 YYYY-MM-DD，实际为 {value!r}")
            return None


def parse_document(data: Any, custom_types: tuple[MeetingTypeSpec, ...] = (),
                   resolve: Resolver | None = None) -> tuple[Meeting, MeetingTypeSpec]:
    """Validate a whole document; raise DocumentError naming every bad key, else return the draft."""
    if not isinstance(data, dict):
        raise DocumentError(["文件内容应为一个 JSON 对象（{…}）"])
    reader = _Reader()
    for key in sorted(set(data) - MEETING_KEYS):
        reader.fail(key, "不认识的键（请对照 docs/formats.md 检查拼写）")
    for key in REQUIRED_KEYS:
        if key not in data:
            reader.fail(key, "缺少必填的键")
    spec = _type(reader, data, custom_types)
    meeting = _meeting(reader, data, spec, resolve)
    if reader.problems or spec is None or meeting is None:
        raise DocumentError(reader.problems)
    return meeting, spec


def _type(reader: _Reader, data: dict[str, Any], custom: tuple[MeetingTypeSpec, ...]) -> MeetingTypeSpec | None:
    if "type" not in data:
        return None
    try:
        return resolve_type(str(data["type"]), custom)
    except DomainError as error:
        reader.fail("type", error.message)
        return None


def _meeting(reader: _Reader, data: dict[str, Any], spec: MeetingTypeSpec | None,
             resolve: Resolver | None) -> Meeting | None:
    on = reader.day(data, "date", "date", required=True)
    # Any: the values go to Meeting's str fields by name, which mypy cannot follow through **texts.
    texts: dict[str, Any] = {key: reader.text(data, key, key) for key in _TEXT_KEYS}
    for key in ("start", "end"):
        if texts[key] and not _TIME.match(texts[key]):
            reader.fail(key, f"时间格式应为 HH:MM（如 09:30），实际为 {texts[key]!r}")
    present, attendees = _present(reader, data.get("present"), resolve)
    attendees += _absent(reader, data.get("absent", []))
    items = _items(reader, data.get("items"), present, present_voter_names(tuple(attendees)))
    if on is None or spec is None:
        return None
    authorisation = texts.pop("authorisation")
    return Meeting(
        spec.code, on, expected=reader.count(data, "expected", "expected", required=True) or 0, present=present,
        expected_households=reader.count(data, "expected_households", "expected_households"),
        households_represented=reader.count(data, "households_represented", "households_represented"),
        women_present=reader.count(data, "women_present", "women_present"), attendees=tuple(attendees),
        notice_date=reader.day(data, "notice_date", "notice_date"), items=tuple(items),
        authorisation_ref=authorisation, **texts)


def _present(reader: _Reader, value: Any, resolve: Resolver | None) -> tuple[int, list[Attendee]]:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, []
    if not isinstance(value, list):
        if value is not None:
            reader.fail("present", "应为到会人数（整数），或到会人员的身份证号/姓名列表")
        return 0, []
    attendees: list[Attendee] = []
    for index, entry in enumerate(value):
        person = _person(reader, entry, f"present[{index}]", resolve)
        if person is not None:
            attendees.append(person)
    return len(value), attendees


def _person(reader: _Reader, entry: Any, path: str, resolve: Resolver | None) -> Attendee | None:
    if not isinstance(entry, str) or not entry.strip():
        reader.fail(path, "应为身份证号或姓名（文字）")
        return None
    key = entry.strip()
    found = resolve(key) if resolve is not None else None
    if found is not None:
        return Attendee(found.name, Gender(found.gender), villager_id=found.villager_id)
    if _ID_NUMBER.match(key):
        reader.fail(path, "户籍花名册中找不到这个身份证号（花名册尚未登记时，请改填姓名）")
        return None
    return Attendee(key)


def _absent(reader: _Reader, value: Any) -> list[Attendee]:
    if not isinstance(value, list):
        reader.fail("absent", "应为列表，每项形如 {\"name\": \"…\", \"reason\": \"…\"}")
        return []
    found: list[Attendee] = []
    for index, entry in enumerate(value):
        path = f"absent[{index}]"
        if not isinstance(entry, dict) or set(entry) - {"name", "reason"}:
            reader.fail(path, "应为 {\"name\": \"…\", \"reason\": \"…\"}")
            continue
        name = reader.text(entry, "name", f"{path}.name")
        if not name:
            reader.fail(f"{path}.name", "缺席人员姓名不能为空")
        found.append(Attendee(name, kind=AttendanceKind.ABSENT, reason=reader.text(entry, "reason", f"{path}.reason")))
    return found


def _items(reader: _Reader, value: Any, present: int, names: frozenset[str]) -> list[AgendaItem]:
    if not isinstance(value, list):
        if value is not None:
            reader.fail("items", "应为议题列表")
        return []
    return [item for index, entry in enumerate(value)
            if (item := _item(reader, entry, f"items[{index}]", present, names)) is not None]


def _item(reader: _Reader, entry: Any, path: str, present: int, names: frozenset[str]) -> AgendaItem | None:
    if not isinstance(entry, dict):
        reader.fail(path, "每个议题应为一个 JSON 对象")
        return None
    for key in sorted(set(entry) - ITEM_KEYS):
        reader.fail(f"{path}.{key}", "不认识的键")
    title = reader.text(entry, "title", f"{path}.title")
    if not title:
        reader.fail(f"{path}.title", "议题名称不能为空")
    tally = _tally(reader, entry, path, present)
    matter = _enum(reader, MatterKind, entry.get("matter"), f"{path}.matter") or MatterKind.ORDINARY
    method = _enum(reader, VoteMethod, entry.get("vote_method"), f"{path}.vote_method")
    texts = {k: reader.text(entry, k, f"{path}.{k}") for k in
             ("discussion", "resolution", "proposer", "background", "resolution_owner", "scrutineer", "counter")}
    due = reader.day(entry, "resolution_due", f"{path}.resolution_due")
    speeches = _speeches(reader, entry.get("speeches", []), f"{path}.speeches")
    votes = _votes(reader, entry.get("votes", []), f"{path}.votes")
    for problem in vote_problems(votes, method is VoteMethod.SECRET_BALLOT, tally, present, names):
        reader.fail(f"{path}.votes", problem)
    return AgendaItem(title, matter=matter, vote_method=method, tally=tally_from_votes(votes) if votes else tally,
                      resolution_due=due, speeches=speeches, votes=votes, **texts)


def _entries(reader: _Reader, value: Any, path: str, keys: tuple[str, str], shape: str) -> list[tuple[str, str]]:
    """A list of two-key objects, each value non-empty text; each bad entry is named with its index."""
    if not isinstance(value, list):
        reader.fail(path, f"应为列表，每项形如 {shape}")
        return []
    found: list[tuple[str, str]] = []
    for index, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) != set(keys):
            reader.fail(f"{path}[{index}]", f"应为 {shape}")
            continue
        pair = tuple(reader.text(entry, key, f"{path}[{index}].{key}") for key in keys)
        if all(pair):
            found.append((pair[0], pair[1]))
        else:
            reader.fail(f"{path}[{index}]", f"两项都不能为空，应为 {shape}")
    return found


def _speeches(reader: _Reader, value: Any, path: str) -> tuple[Speech, ...]:
    pairs = _entries(reader, value, path, ("speaker", "said"), '{"speaker": "发言人", "said": "发言要点"}')
    return tuple(Speech(speaker, said) for speaker, said in pairs)


def _votes(reader: _Reader, value: Any, path: str) -> tuple[PersonVote, ...]:
    pairs = _entries(reader, value, path, ("name", "vote"), '{"name": "姓名", "vote": "for/against/abstain/not_voting"}')
    votes: list[PersonVote] = []
    for index, (name, vote) in enumerate(pairs):
        choice = VoteChoice.parse(vote)
        if choice is None:
            reader.fail(f"{path}[{index}].vote", "应为以下之一：" + "、".join(f"{c.value}（{c.label}）"
                                                                            for c in VoteChoice))
        else:
            votes.append(PersonVote(name, choice))
    return tuple(votes)


def _tally(reader: _Reader, entry: dict[str, Any], path: str, present: int) -> Tally | None:
    given = [k for k in ("for", "against", "abstain") if entry.get(k) is not None]
    if not given:
        return None
    counts = [reader.count(entry, k, f"{path}.{k}", required=True) for k in ("for", "against", "abstain")]
    if any(c is None for c in counts):
        return None
    tally = Tally(*(c or 0 for c in counts))
    problem = tally_problem(tally, present)
    if problem:
        reader.fail(f"{path}.for", problem)
    return tally


def _enum(reader: _Reader, kind: type[MatterKind] | type[VoteMethod], value: Any, path: str) -> Any:
    if value in (None, ""):
        return None
    for member in kind:
        if value in (member.value, member.label):
            return member
    reader.fail(path, "应为以下之一：" + "、".join(f"{m.value}（{m.label}）" for m in kind))
    return None


def to_document(meeting: Meeting) -> dict[str, Any]:
    """The same JSON shape `parse_document` reads, so import → export → import is a round trip."""
    present_names = [a.name for a in meeting.attendees if a.kind is AttendanceKind.PRESENT]
    use_names = bool(present_names) and len(present_names) == meeting.present
    document: dict[str, Any] = {
        "type": meeting.type_code, "date": meeting.on.isoformat(), "start": meeting.start, "end": meeting.end,
        "place": meeting.place, "host": meeting.host, "recorder": meeting.recorder, "expected": meeting.expected,
        "present": present_names if use_names else meeting.present,
        "households_represented": meeting.households_represented,
        "absent": [{"name": a.name, "reason": a.reason} for a in meeting.absentees],
        "items": [_item_document(item) for item in meeting.items],
    }
    optional: dict[str, Any] = {
        "convener": meeting.convener, "host_post": meeting.host_post,
        "expected_households": meeting.expected_households, "expected_reason": meeting.expected_reason,
        "women_present": meeting.women_present, "observers": meeting.observers,
        "township_attendees": meeting.township_attendees, "motion_source": meeting.motion_source,
        "notice_date": meeting.notice_date.isoformat() if meeting.notice_date else None,
        "notice_override_reason": meeting.notice_override_reason, "authorisation": meeting.authorisation_ref,
        "summary": meeting.summary,
    }
    document.update({k: v for k, v in optional.items() if v not in (None, "")})
    return document


def _item_document(item: AgendaItem) -> dict[str, Any]:
    tally = item.tally
    document: dict[str, Any] = {
        "title": item.title, "discussion": item.discussion,
        "for": tally.for_ if tally else None, "against": tally.against if tally else None,
        "abstain": tally.abstain if tally else None, "resolution": item.resolution,
    }
    optional: dict[str, Any] = {
        "proposer": item.proposer, "background": item.background,
        "matter": item.matter.value if item.matter is not MatterKind.ORDINARY else None,
        "vote_method": item.vote_method.value if item.vote_method else None,
        "resolution_owner": item.resolution_owner,
        "resolution_due": item.resolution_due.isoformat() if item.resolution_due else None,
        "scrutineer": item.scrutineer, "counter": item.counter,
        "speeches": [{"speaker": s.speaker, "said": s.content} for s in item.speeches] or None,
        "votes": [{"name": v.name, "vote": v.choice.value} for v in item.votes] or None,
    }
    document.update({k: v for k, v in optional.items() if v not in (None, "")})
    return document
