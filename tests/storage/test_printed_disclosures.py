"""打印即登记 (issue 23): a printed 决议公开 of the meeting that decided a four-two matter meets that resolution; the
boards and other notices count as the quarter's 其他事项; the finance board its month (or quarter); a copy printed
again is not registered twice; a product that is no disclosure registers nothing."""
from __future__ import annotations

from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR
from models.disclosures.calendar import Resolution, RulePublicity, Status
from models.disclosures.printed import PrintedNotice
from storage.core.db import Database
from storage.disclosures.store import SqliteDisclosureCalendar, SqlitePublications

DECIDED = Resolution("matter-1", "村道硬化工程", date(2026, 11, 20), "meeting-9")


class _Resolutions:
    def resolutions(self) -> list[Resolution]:
        return [DECIDED]

    def rule_publicities(self) -> list[RulePublicity]:
        return []


def _publications(db: Database) -> tuple[SqliteDisclosureCalendar, SqlitePublications]:
    calendar = SqliteDisclosureCalendar(db, COMMAND_LINE_ACTOR, _Resolutions())
    return calendar, SqlitePublications(db, COMMAND_LINE_ACTOR, calendar)


def test_a_printed_resolution_notice_meets_its_resolution_once(village_db: Database) -> None:
    calendar, publications = _publications(village_db)
    notice = PrintedNotice("resolution-notice", "关于村道硬化工程的决议公告", "3F9A-1C2B", date(2026, 11, 22),
                           "meeting-9")
    changed = publications.register_printed(notice)
    assert changed is not None
    posted = publications.publication(changed.id)
    assert (posted.category, posted.period, posted.start, posted.end) == (
        "村级重大事项决议（四议两公开）", "matter-1", date(2026, 11, 22), date(2026, 11, 28))
    assert "3F9A-1C2B" in posted.note and posted.on_time
    (row,) = [(o, s) for o, s in calendar.due(date(2026, 11, 30), 2026) if o.period == "matter-1"]
    assert row[1] is Status.DONE
    assert publications.register_printed(notice) is None  # the same copy printed again
    assert len(publications.publications()) == 1


def test_boards_other_notices_and_the_finance_board(village_db: Database) -> None:
    _calendar, publications = _publications(village_db)
    day = date(2026, 12, 3)
    other = publications.register_printed(PrintedNotice("result-notice", "实施结果公开", "AAAA-0001", day, "meeting-3"))
    board = publications.register_printed(PrintedNotice("points-board", "积分榜", "AAAA-0002", day))
    finance = publications.register_printed(PrintedNotice("finance-board", "2026年11月财务公开", "AAAA-0003", day,
                                                          period="2026-11"))
    assert other is not None and board is not None and finance is not None
    assert [(p.category, p.period) for p in map(publications.publication, (other.id, board.id, finance.id))] == [
        ("村民普遍关心的其他事项", "2026-Q3"), ("村民普遍关心的其他事项", "2026-Q3"), ("财务收支", "2026-11")]
    assert publications.register_printed(PrintedNotice("signature-sheet", "签字表", "AAAA-0004", day)) is None
    plain = publications.register_printed(PrintedNotice("resolution-notice", "未关联四议两公开的决议公告", "AAAA-0005",
                                                        day, "meeting-4"))
    assert plain is not None and publications.publication(plain.id).category == "村民普遍关心的其他事项"


def test_the_rules_second_publicity_shows_in_the_calendar_as_done(village_db: Database) -> None:
    """The workflow's step 7 publicity is a village-affairs disclosure the calendar lists, done on its first day."""
    from models.workflow.records import Publicity
    from storage.disclosures.sources import CalendarSources

    class _Revisions:
        def current_steps(self) -> dict[str, int | None]:
            return {"rb-1": 8, "rb-2": 4}

        def facts(self, rulebook_id: str, today: date) -> object:
            class _Facts:
                publicity = Publicity(date(2026, 9, 1), date(2026, 9, 10), "村委会公开栏") if rulebook_id == "rb-1" \
                    else None
            return _Facts()

    class _Matters:
        def matters(self) -> list[object]:
            return []

    sources = CalendarSources(_Matters(), _Revisions())  # type: ignore[arg-type]
    calendar = SqliteDisclosureCalendar(village_db, COMMAND_LINE_ACTOR, sources)
    (row,) = [(o, s) for o, s in calendar.due(date(2026, 12, 1), 2026) if o.category == "村规民约修订公示"]
    obligation, status = row
    assert status is Status.DONE and obligation.opens == date(2026, 9, 1)
    assert "2026-09-01至2026-09-10" in obligation.subject
