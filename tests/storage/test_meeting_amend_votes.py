"""补正 of a finalised record's speeches and per-person votes: a dated, reasoned new record; the original stays; the
checks run again on the corrected record; the printed page shows the corrected version with the 补正 listed."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from models.core.errors import DomainError
from models.minutes.record import effective, parse_votes
from models.minutes.quorum import Tally
from models.minutes.votes import PersonVote, Speech, VoteChoice
from models.minutes.meetings import Attendee, Meeting, VoteMethod, with_counted_tally
from printing.minutes.minutes_pdf import MeetingRecord, printed_texts
from storage.core.db import Database
from models.minutes.ports import MeetingStore
from models.minutes.types import BUILTIN_TYPES
from storage.core.backend import build_stores
from tests.helpers import run_json
from tests.models.meeting_fixtures import complete_meeting

F, A = VoteChoice.FOR, VoteChoice.AGAINST
DAY = date(2026, 3, 20)


def named_meeting() -> Meeting:
    attendees = tuple(Attendee(f"代表{i}", villager_id=f"v{i}") for i in range(5))
    votes = tuple(PersonVote(f"代表{i}", c, f"v{i}") for i, c in enumerate((F, F, F, A, A)))
    base = complete_meeting(expected=5, present=5, attendees=attendees)
    item = with_counted_tally(dataclasses.replace(
        base.items[0], vote_method=VoteMethod.NAMED_BALLOT, scrutineer="甲", counter="乙", votes=votes,
        speeches=(Speech("代表0", "同意修路"), Speech("代表3", "资金不够"))))
    return dataclasses.replace(base, items=(item,))


@pytest.fixture
def final(village_db: Database, admin: object) -> tuple[MeetingStore, Meeting]:
    store = build_stores(village_db, admin).meetings  # type: ignore[arg-type]
    return store, store.get(store.finalise(store.create(named_meeting()).id, True, True).id)


def test_parse_votes_names_the_bad_line() -> None:
    assert parse_votes("张三：赞成\n李四: 反对\n\n王五：未投票") == (
        PersonVote("张三", F), PersonVote("李四", A), PersonVote("王五", VoteChoice.NOT_VOTING))
    with pytest.raises(DomainError, match="第 2 行“李四：同意”"):
        parse_votes("张三：赞成\n李四：同意")


def test_a_named_vote_is_corrected_and_the_counts_follow(village_db: Database,
                                                         final: tuple[MeetingStore, Meeting]) -> None:
    store, meeting = final
    assert meeting.items[0].tally == Tally(3, 2, 0)
    corrected = "代表0：赞成\n代表1：赞成\n代表2：赞成\n代表3：赞成\n代表4：反对"
    store.amend(meeting.id, "items.1.votes", corrected, "代表3 当场改投赞成，记录员漏改", DAY)
    amendment = store.get(meeting.id).amendments[-1]
    assert amendment.before == "代表0：赞成\n代表1：赞成\n代表2：赞成\n代表3：反对\n代表4：反对"
    reread = store.get(meeting.id)
    assert reread.items[0].votes == meeting.items[0].votes  # the original stays
    amended = effective(reread).items[0]
    assert amended.tally == Tally(4, 1, 0)
    assert amended.votes[3] == PersonVote("代表3", F, "v3")  # registry id kept
    audit = village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name = 'meeting_amendments'"
                                    ).fetchone()[0]
    assert "第 1 项议题·逐人表决" in audit and "代表3：反对；代表4：反对 → " in audit
    changes = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'meeting_amendments'"
                                      ).fetchone()[0]
    assert changes == 1


def test_a_correction_that_breaks_the_record_is_refused(village_db: Database,
                                                        final: tuple[MeetingStore, Meeting]) -> None:
    store, meeting = final
    with pytest.raises(DomainError, match="记录了 4 人，与到会 5 人不符"):
        store.amend(meeting.id, "items.1.votes", "代表0：赞成\n代表1：赞成\n代表2：赞成\n代表3：赞成", "漏记", DAY)
    with pytest.raises(DomainError, match="“路人”不在到会名单中"):
        store.amend(meeting.id, "items.1.votes", "代表0：赞成\n代表1：赞成\n代表2：赞成\n代表3：赞成\n路人：反对",
                    "错记", DAY)
    with pytest.raises(DomainError, match="第 2 条发言应写成"):
        store.amend(meeting.id, "items.1.speeches", "代表0：同意修路\n资金不够", "补记", DAY)
    with pytest.raises(DomainError, match="票数（赞成 4、反对 2、弃权 0）与逐人表决"):
        store.amend(meeting.id, "items.1.for", "4", "笔误", DAY)
    assert store.get(meeting.id).amendments == ()


def test_speeches_corrected_and_printed_as_corrected(final: tuple[MeetingStore, Meeting]) -> None:
    store, meeting = final
    store.amend(meeting.id, "items.1.speeches", "代表0：同意修路\n代表3：资金不够，建议分两年修", "发言要点记漏", DAY)
    amended = effective(store.get(meeting.id))
    assert amended.items[0].speeches[1] == Speech("代表3", "资金不够，建议分两年修")
    texts = printed_texts(MeetingRecord(amended, BUILTIN_TYPES[meeting.type_code], "青石村"))
    assert any("代表3：资金不够，建议分两年修" in t for t in texts)
    assert any("补正“第 1 项议题·发言记录”：原为“代表0：同意修路；代表3：资金不够”" in t and "发言要点记漏" in t
               for t in texts)


def test_cli_amend_votes_from_a_file(village_db: Database, final: tuple[MeetingStore, Meeting],
                                     tmp_path: Path) -> None:
    store, meeting = final
    votes = tmp_path / "votes.txt"
    votes.write_text("代表0：赞成\n代表1：赞成\n代表2：弃权\n代表3：反对\n代表4：反对\n", encoding="utf-8")
    code, out = run_json(village_db.path, "meeting", "amend", meeting.number, "items.1.votes",
                         "--to-file", str(votes), "--reason", "代表2 弃权，误记为赞成", "--date", "2026-03-21")
    assert code == 0 and out["date"] == "2026-03-21" and out["after"].endswith("代表2：弃权\n代表3：反对\n代表4：反对")
    code, shown = run_json(village_db.path, "meeting", "show", meeting.id)
    assert code == 0 and (shown["items"][0]["for"], shown["items"][0]["abstain"]) == (2, 1)
    code, err = run_json(village_db.path, "meeting", "amend", meeting.id, "items.1.votes", "--to", "代表0：同意",
                         "--reason", "x")
    assert code == 2 and "应写成“姓名：赞成”" in err
