"""The meeting JSON document: refusals name the key, and export reads back to the same document."""
from __future__ import annotations

import copy
from typing import Any

import pytest

from models.minutes.document import DocumentError, parse_document, to_document
from models.registry.ports import RosterPerson

GOOD: dict[str, Any] = {
    "type": "村民代表会议", "date": "2026-03-12", "start": "09:00", "end": "11:30", "place": "村委会议室",
    "host": "杨光明", "recorder": "吴晓梅", "expected": 35, "present": 30, "households_represented": None,
    "absent": [{"name": "石秀英", "reason": "外出务工"}],
    "items": [{"title": "低保户评议", "discussion": "王五：同意", "for": 26, "against": 2, "abstain": 2,
               "resolution": "同意 3 户纳入低保"}, {"title": "通报", "discussion": "通报春耕"}],
}


def test_round_trip() -> None:
    meeting, spec = parse_document(GOOD)
    assert spec.code == "representatives_meeting" and meeting.present == 30
    document = to_document(meeting)
    again, _ = parse_document(document)
    assert to_document(again) == document and again == meeting
    assert document["items"][1]["for"] is None


def test_names_list_and_resolved_id_numbers() -> None:
    people = {"522631199001011234": RosterPerson("v1", "杨秀珍", "female")}
    data = dict(GOOD, present=["522631199001011234", "李四", "王五"], items=[{"title": "通报", "discussion": "x"}])
    meeting, _ = parse_document(data, resolve=people.get)
    assert meeting.present == 3 and meeting.attendees[0].villager_id == "v1"
    assert to_document(meeting)["present"] == ["杨秀珍", "李四", "王五"]


@pytest.mark.parametrize("change, key", [
    (lambda d: d.pop("type"), "type"),
    (lambda d: d.update(type="茶话会"), "type"),
    (lambda d: d.update(date="2026/3/12"), "date"),
    (lambda d: d.update(start="9点"), "start"),
    (lambda d: d.update(expected=-1), "expected"),
    (lambda d: d.update(present="三十"), "present"),
    (lambda d: d.update(present=["522631199001011234"]), "present[0]"),
    (lambda d: d.update(absent=[{"name": "x", "why": "y"}]), "absent[0]"),
    (lambda d: d.update(colour="red"), "colour"),
    (lambda d: d["items"][0].update({"for": 40}), "items[0].for"),
    (lambda d: d["items"][0].pop("against"), "items[0].against"),
    (lambda d: d["items"][0].update(title=""), "items[0].title"),
    (lambda d: d["items"][0].update(vote_method="shout"), "items[0].vote_method"),
])
def test_refusals_name_the_key(change: Any, key: str) -> None:
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(DocumentError) as error:
        parse_document(data)
    assert any(p.startswith(f"“{key}”") for p in error.value.problems), error.value.problems


def test_not_an_object() -> None:
    with pytest.raises(DocumentError, match="JSON 对象"):
        parse_document([1, 2])


def test_named_votes_and_speeches_round_trip_and_are_checked_against_attendance() -> None:
    from models.minutes.document import DocumentError, parse_document, to_document
    from models.minutes.quorum import Tally
    import pytest

    document = {"type": "村民代表会议", "date": "2026-03-12", "expected": 4, "present": ["张三", "李四", "王五"],
                "items": [{"title": "修路", "vote_method": "named_ballot",
                           "speeches": [{"speaker": "张三", "said": "同意修路"}, {"speaker": "李四", "said": "钱从哪来"}],
                           "votes": [{"name": "张三", "vote": "for"}, {"name": "李四", "vote": "反对"},
                                     {"name": "王五", "vote": "not_voting"}]}]}
    meeting, _ = parse_document(document)
    item = meeting.items[0]
    assert item.tally == Tally(1, 1, 0) and [s.speaker for s in item.speeches] == ["张三", "李四"]
    again, _ = parse_document(to_document(meeting))
    assert again.items[0].votes == item.votes and again.items[0].speeches == item.speeches
    short = {**document, "items": [{**document["items"][0], "votes": document["items"][0]["votes"][:2]}]}
    with pytest.raises(DocumentError, match=r"items\[0\]\.votes.*与到会 3 人不符"):
        parse_document(short)
    stranger = {**document, "items": [{**document["items"][0], "for": 2, "against": 1, "abstain": 0,
                                       "votes": [{"name": "赵六", "vote": "maybe"}]}]}
    with pytest.raises(DocumentError) as refused:
        parse_document(stranger)
    assert any("votes[0].vote" in p for p in refused.value.problems)
    bad_speech = {**document, "items": [{**document["items"][0], "speeches": [{"speaker": "", "said": "x"}]}]}
    with pytest.raises(DocumentError, match=r"speeches\[0\]"):
        parse_document(bad_speech)
