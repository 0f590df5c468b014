"""首页 lists overdue resolutions (议后怎么办) and updates when one is done."""
from __future__ import annotations

import dataclasses
import os
from datetime import date, timedelta
from pathlib import Path

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.minutes.followups import FollowUpStatus
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.models.meeting_fixtures import complete_meeting
from ui.core.bus import DataBus
from ui.core.home import OVERDUE_SHOWN, HomeScreen


def _finalise_with_items(stores, dues: list[date]) -> None:
    base = complete_meeting(number="")
    items = tuple(dataclasses.replace(base.items[0], title=f"决议{i}", resolution_due=due)
                  for i, due in enumerate(dues))
    meeting = stores.meetings.create(dataclasses.replace(base, items=items))
    stores.meetings.finalise(meeting.id, True, True)


def test_home_lists_overdue_follow_ups(qtbot, qtmodeltester, village_db: Database, admin: Actor,
                                       tmp_path: Path) -> None:
    stores = build_stores(village_db, admin)
    bus = DataBus()
    today = date.today()
    home = HomeScreen(stores, bus)
    qtbot.waitUntil(lambda: home.is_populated, timeout=3000)
    qtbot.addWidget(home)
    home.show()
    assert home.overdue_label.text() == "逾期未落实的决议：无" and not home.overdue_view.isVisible()

    _finalise_with_items(stores, [today - timedelta(days=30), today - timedelta(days=3), today + timedelta(days=5)])
    bus.changed.emit(Changed(Entity.MEETING))
    qtmodeltester.check(home.overdue_model)
    assert home.overdue_label.text() == "逾期未落实的决议：2 项" and home.overdue_view.isVisible()
    assert [home.overdue_model.index(r, 4).data() for r in range(2)] == ["决议0", "决议1"]
    assert home.overdue_model.index(0, 1).data() == "30 天" and home.overdue_model.index(0, 2).data() == "未启动"
    if os.environ.get("XIANGYUE_SCREENSHOTS"):
        home.resize(1000, 600)
        home.grab().save(str(Path(os.environ["XIANGYUE_SCREENSHOTS"]) / "home_overdue.png"))

    done = stores.follow_ups.overdue(today)[0]
    stores.follow_ups.record_progress(done.id, today, FollowUpStatus.DONE, "已办结", "已完成")
    bus.changed.emit(Changed(Entity.FOLLOW_UP, frozenset({done.id})))
    assert home.overdue_label.text() == "逾期未落实的决议：1 项"


def test_home_shows_only_the_most_overdue(qtbot, village_db: Database, admin: Actor) -> None:
    stores = build_stores(village_db, admin)
    today = date.today()
    _finalise_with_items(stores, [today - timedelta(days=40 - i) for i in range(OVERDUE_SHOWN + 2)])
    home = HomeScreen(stores, DataBus())
    qtbot.waitUntil(lambda: home.is_populated, timeout=3000)
    qtbot.addWidget(home)
    assert home.overdue_model.rowCount() == OVERDUE_SHOWN
    assert f"{OVERDUE_SHOWN + 2} 项" in home.overdue_label.text() and "会议记录" in home.overdue_label.text()
    assert home.overdue_model.index(0, 1).data() == "40 天"


def test_home_lists_overdue_workflow_steps(qtbot, tmp_path) -> None:
    from storage.core.backend import SqliteBackend
    from storage.demo import DemoOptions, run_demo
    from ui.core.bus import DataBus
    from ui.core.home import HomeScreen
    backend = SqliteBackend(tmp_path / "demo.sqlite3")
    run_demo(backend.db, DemoOptions(seed=5, households=40))
    screen = HomeScreen(backend.login("admin", "demo1234"), DataBus())
    qtbot.addWidget(screen)
    # The demo's timetable puts step 5's target in April 2026, so it is overdue on any later day.
    qtbot.waitUntil(lambda: "逾期的步骤" in screen.steps_label.text(), timeout=3000)
    assert "征求民意" in screen.steps_label.text()


def test_home_lists_meetings_that_must_be_convened(qtbot, village_db: Database, admin: Actor) -> None:
    from models.minutes.convene import ConveneBody, make_proposal

    stores = build_stores(village_db, admin)
    bus = DataBus()
    home = HomeScreen(stores, bus)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.is_populated, timeout=3000)
    assert home.convene_label.text() == "应当召集的会议：无"
    received = date.today() - timedelta(days=20)
    stores.convene_proposals.record_proposal(make_proposal(ConveneBody.VILLAGERS, received, "调整土地承包方案", 41, 401,
                                                  due=received + timedelta(days=15)))
    stores.convene_proposals.record_proposal(make_proposal(ConveneBody.VILLAGERS, received, "不足十分之一", 40, 401))
    bus.changed.emit(Changed(Entity.MEETING))
    text = home.convene_label.text()
    assert "村民会议：调整土地承包方案" in text and "已过期" in text and "不足十分之一" not in text


def test_home_lists_the_disclosures_due_and_overdue_and_updates(qtbot, village_db: Database, admin: Actor) -> None:
    """R41 reminders: an event item (an approval) past its 5 days shows as 逾期未公开; posted, it leaves the list."""
    from models.disclosures.calendar import DisclosureEvent
    from models.disclosures.catalogue import DisclosureKind, Place

    stores = build_stores(village_db, admin)
    bus = DataBus()
    today = date.today()
    for obligation, _ in stores.disclosures.due(today):  # the fresh village's periods posted: only the approval is left
        if obligation.due < today:
            stores.publications.record(obligation.kind, obligation.category, obligation.opens, obligation.opens,
                                       Place.BOARD, "吴文书", period=obligation.period)
    approval = stores.disclosures.record_event(
        DisclosureEvent("需经政府批准的事项", "乡政府关于村道硬化的批复", today - timedelta(days=6)), today)
    home = HomeScreen(stores, bus)
    qtbot.waitUntil(lambda: home.is_populated, timeout=3000)
    qtbot.addWidget(home)
    text = home.disclosures_label.text()
    assert "需经政府批准的事项 乡政府关于村道硬化的批复：逾期未公开" in text
    bus.changed.emit(stores.publications.record(DisclosureKind.VILLAGE, "需经政府批准的事项", today, today,
                                                Place.BOARD, "吴文书", period=approval.id))
    assert "乡政府关于村道硬化的批复" not in home.disclosures_label.text()
