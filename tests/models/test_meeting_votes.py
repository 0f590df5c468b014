"""Per-person votes must match attendance (R12: yes + no + abstain + not voting = P); speeches parse by line."""
from __future__ import annotations

import dataclasses

from models.minutes.checks import item_vote_problems, missing_for_final
from models.minutes.quorum import Tally
from models.minutes.types import BUILTIN_TYPES
from models.minutes.votes import (
    PersonVote, Speech, VoteChoice, parse_speeches, speech_problems, speeches_text, tally_from_votes,
)
from models.minutes.meetings import AttendanceKind, Attendee, Meeting, VoteMethod, evaluate, with_counted_tally
from tests.models.meeting_fixtures import complete_meeting

F, A, N, X = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN, VoteChoice.NOT_VOTING


def _named(choices: list[VoteChoice], present_names: int | None = None) -> Meeting:
    """A meeting of 5 expected, `present_names` ticked present (default: one per vote), voted by name."""
    count = len(choices) if present_names is None else present_names
    attendees = tuple(Attendee(f"代表{i}") for i in range(count))
    votes = tuple(PersonVote(f"代表{i}", c) for i, c in enumerate(choices))
    base = complete_meeting(expected=5, present=count, attendees=attendees)
    item = with_counted_tally(dataclasses.replace(base.items[0], vote_method=VoteMethod.NAMED_BALLOT,
                                                  scrutineer="甲", counter="乙", votes=votes))
    return dataclasses.replace(base, items=(item,))


def test_counts_come_from_the_named_votes_and_decide_the_item() -> None:
    meeting = _named([F, F, A, N, X])
    assert meeting.items[0].tally == Tally(2, 1, 1)
    assert item_vote_problems(meeting, meeting.items[0]) == []
    result = evaluate(meeting, BUILTIN_TYPES["representatives_meeting"]).items[0]
    assert result.status == "failed"  # 2 of 5 present is not more than half
    assert evaluate(_named([F, F, F, A, X]), BUILTIN_TYPES["representatives_meeting"]).items[0].passed


def test_every_present_person_must_be_accounted_for() -> None:
    meeting = _named([F, F, A], present_names=4)
    problems = item_vote_problems(meeting, meeting.items[0])
    assert any("记录了 3 人，与到会 4 人不符" in p for p in problems)
    assert any("应等于到会人数" in p for p in missing_for_final(meeting, BUILTIN_TYPES["representatives_meeting"]))


def test_voters_must_be_present_and_vote_once() -> None:
    meeting = _named([F, F, F])
    item = dataclasses.replace(meeting.items[0], votes=(PersonVote("代表0", F), PersonVote("代表0", A),
                                                        PersonVote("路人", F)))
    problems = item_vote_problems(meeting, item)
    assert any("“代表0”重复表决" in p for p in problems)
    assert any("“路人”不在到会名单中" in p for p in problems)


def test_a_proxy_holder_votes_for_the_absent_person_too() -> None:
    attendees = (Attendee("张三", proxy_for="李四"), Attendee("王五"))
    base = complete_meeting(expected=5, present=3, attendees=attendees)
    votes = (PersonVote("张三", F), PersonVote("李四", F), PersonVote("王五", A))
    item = with_counted_tally(dataclasses.replace(base.items[0], vote_method=VoteMethod.SHOW_OF_HANDS, votes=votes))
    assert item_vote_problems(dataclasses.replace(base, items=(item,)), item) == []


def test_secret_ballot_cannot_be_recorded_by_name_and_counts_must_agree() -> None:
    meeting = _named([F, F, A])
    secret = dataclasses.replace(meeting.items[0], vote_method=VoteMethod.SECRET_BALLOT)
    assert "无记名投票不能逐人记录" in item_vote_problems(meeting, secret)[0]
    wrong = dataclasses.replace(meeting.items[0], tally=Tally(3, 0, 0))
    assert any("不一致" in p for p in item_vote_problems(meeting, wrong))
    assert tally_from_votes(()) == Tally(0, 0, 0)


def test_absentees_are_not_voters() -> None:
    attendees = (Attendee("张三"), Attendee("李四", kind=AttendanceKind.ABSENT, reason="病假"))
    base = complete_meeting(expected=2, present=1, attendees=attendees)
    item = with_counted_tally(dataclasses.replace(base.items[0], votes=(PersonVote("李四", F),)))
    assert any("“李四”不在到会名单中" in p for p in item_vote_problems(base, item))


def test_speeches_are_typed_one_per_line_and_each_needs_a_speaker() -> None:
    speeches = parse_speeches("张三：同意修路\n\n李四:资金从哪里来？\n只有内容")
    assert speeches == (Speech("张三", "同意修路"), Speech("李四", "资金从哪里来？"), Speech("", "只有内容"))
    assert speech_problems(speeches) == ["第 3 条发言应写成“发言人：发言要点”，例如“张三：同意修路”。"]
    assert parse_speeches(speeches_text(speeches)) == speeches
    base = complete_meeting()
    item = dataclasses.replace(base.items[0], speeches=speeches)
    assert any("第 3 条发言" in p for p in missing_for_final(dataclasses.replace(base, items=(item,)),
                                                             BUILTIN_TYPES["representatives_meeting"]))


def test_speeches_count_as_the_discussion_record_for_finalising() -> None:
    base = complete_meeting()
    item = dataclasses.replace(base.items[0], discussion="", speeches=(Speech("张三", "赞成"),))
    assert missing_for_final(dataclasses.replace(base, items=(item,)), BUILTIN_TYPES["representatives_meeting"]) == []
    bare = dataclasses.replace(item, speeches=())
    assert missing_for_final(dataclasses.replace(base, items=(bare,)), BUILTIN_TYPES["representatives_meeting"])


def test_two_villagers_of_one_name_are_two_voters() -> None:
    attendees = (Attendee("王芳", villager_id="v1"), Attendee("王芳", villager_id="v2"))
    base = complete_meeting(expected=2, present=2, attendees=attendees)
    votes = (PersonVote("王芳", F, "v1"), PersonVote("王芳", A, "v2"))
    item = with_counted_tally(dataclasses.replace(base.items[0], votes=votes))
    assert item_vote_problems(base, item) == []
    twice = dataclasses.replace(item, votes=(PersonVote("王芳", F, "v1"), PersonVote("王芳", A, "v1")))
    assert any("重复表决" in p for p in item_vote_problems(base, twice))
