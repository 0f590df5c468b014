"""Every refused 群众说事 transition from the command line: exit 2, a Chinese message that says what to do instead,
and nothing written (the matters' rows, their timelines, the meetings and their agenda compared before and after)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from models.core.accounts import Actor
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import run_json

TABLES = ("matters", "matter_events", "meetings", "agenda_items", "follow_ups", "matter_projects")


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {table: db.conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in TABLES}


def _run(db: Path, *args: str) -> str:
    code, out = run_json(db, *args)
    assert code == 0, out
    return out["number"] if isinstance(out, dict) and "number" in out else ""


def _matter(db: Path, until: str = "open") -> str:
    number = _run(db, "matter", "add", "--text", "村口路灯坏了", "--class", "基础设施", "--channel", "说事室",
                  "--date", "2026-11-02")
    steps = [("assign", "--to", "村主任", "--date", "2026-11-03"), ("done", "--result", "已更换灯泡"),
             ("feedback", "--rating", "满意"), ("close",)]
    for step in steps[:("open", "assigned", "done", "feedback", "closed").index(until)]:
        _run(db, "matter", step[0], number, *step[1:])
    return number


def _refused(village_db: Database, *args: str) -> str:
    """Run a command that must be refused; return its message after checking nothing was written."""
    before = _dump(village_db)
    code, message = run_json(village_db.path, *args)
    assert code == 2, message
    assert isinstance(message, str) and _dump(village_db) == before
    return message


def _final_meeting(village_db: Database, admin: Actor) -> str:
    from tests.models.meeting_fixtures import complete_meeting

    stores = build_stores(village_db, admin)
    made = stores.meetings.create(complete_meeting(on=date(2026, 11, 1))).id
    stores.meetings.finalise(made, True, True)
    return made


def test_to_meeting_on_a_finalised_meeting(village_db: Database, admin: Actor) -> None:
    number = _matter(village_db.path)
    message = _refused(village_db, "matter", "to-meeting", number, "--meeting", _final_meeting(village_db, admin))
    assert "已定稿" in message and "请选择一次尚未定稿的会议" in message


def test_to_meeting_on_a_closed_matter(village_db: Database, admin: Actor) -> None:
    from models.minutes.meetings import Meeting

    number = _matter(village_db.path, "closed")
    draft = build_stores(village_db, admin).meetings.create(Meeting("representatives_meeting", date(2026, 11, 20))).id
    message = _refused(village_db, "matter", "to-meeting", number, "--meeting", draft)
    assert "已销号的事项不能提交议事" in message and "登记一件新的说事" in message


def test_assign_and_done_on_a_done_matter(village_db: Database) -> None:
    number = _matter(village_db.path, "done")
    message = _refused(village_db, "matter", "assign", number, "--to", "组长")
    assert "已办结的事项不能交办" in message and "请回访说事人" in message
    message = _refused(village_db, "matter", "done", number, "--result", "再办一次")
    assert "已办结的事项不能办结" in message and "请回访说事人" in message


def test_close_on_a_closed_matter(village_db: Database) -> None:
    number = _matter(village_db.path, "closed")
    message = _refused(village_db, "matter", "close", number)
    assert "已销号的事项不能销号" in message and "重新办理" in message


def test_reopen_on_an_assigned_matter(village_db: Database) -> None:
    number = _matter(village_db.path, "assigned")
    message = _refused(village_db, "matter", "reopen", number, "--reason", "说事人不满意")
    assert "已交办的事项不能重新办理" in message and "请办结" in message


def test_reopen_of_a_satisfied_or_unasked_raisers_matter(village_db: Database) -> None:
    """An unsatisfied matter reopens once (issue 22): not one whose raiser was satisfied, nor one never asked."""
    satisfied = _matter(village_db.path, "closed")  # 满意, then 销号
    message = _refused(village_db, "matter", "reopen", satisfied, "--reason", "再看看")
    assert "说事人的评价是“满意”" in message and "--rating 不满意" in message
    unasked = _matter(village_db.path, "done")
    message = _refused(village_db, "matter", "reopen", unasked, "--reason", "再看看")
    assert "还没有回访说事人" in message and "请先回访" in message
    _run(village_db.path, "matter", "feedback", unasked, "--rating", "不满意")
    _run(village_db.path, "matter", "reopen", unasked, "--reason", "说事人说路灯还是不亮")


def test_resolution_on_a_closed_matter(village_db: Database, admin: Actor) -> None:
    from models.minutes.meetings import Meeting

    number = _matter(village_db.path)
    draft = build_stores(village_db, admin).meetings.create(Meeting("representatives_meeting", date(2026, 11, 20))).id
    _run(village_db.path, "matter", "to-meeting", number, "--meeting", draft)
    for step in (("assign", "--to", "村主任"), ("done", "--result", "已修"), ("feedback", "--rating", "满意"),
                 ("close",)):
        _run(village_db.path, "matter", step[0], number, *step[1:])
    message = _refused(village_db, "matter", "resolution", number)
    assert "已销号的事项不能按决议交办" in message and "登记一件新的说事" in message


def test_resolution_without_a_meeting_says_to_submit_it_first(village_db: Database) -> None:
    number = _matter(village_db.path)
    message = _refused(village_db, "matter", "resolution", number)
    assert "没有提交过议事" in message and "请先提交议事" in message


def test_a_step_dated_before_the_matter_was_raised(village_db: Database) -> None:
    number = _matter(village_db.path)  # raised 2026-11-02
    message = _refused(village_db, "matter", "assign", number, "--to", "村主任", "--date", "2026-11-01")
    assert "早于说事日期 2026-11-02" in message and "实际办理的日期" in message
    _run(village_db.path, "matter", "assign", number, "--to", "村主任", "--date", "2026-11-02")  # the same day is in


def test_a_matter_raised_after_today(village_db: Database) -> None:
    from datetime import timedelta

    later = (date.today() + timedelta(days=1)).isoformat()
    message = _refused(village_db, "matter", "add", "--text", "村口路灯坏了", "--class", "基础设施", "--channel", "说事室",
                       "--date", later)
    assert f"说事日期 {later} 晚于今天" in message
