"""The minutes screen learns of writes made elsewhere (a sync import) from the Changed on the bus alone."""
from __future__ import annotations

import dataclasses
from datetime import date

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.minutes.convene import ConveneBody, make_proposal
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.models.meeting_fixtures import complete_meeting
from ui.core.bus import DataBus
from ui.minutes.screen import MinutesScreen, create_screen


def test_a_sync_notice_shows_the_new_data_without_reselecting(qtbot, village_db: Database, admin: Actor) -> None:
    stores, bus = build_stores(village_db, admin), DataBus()
    meeting_id = stores.meetings.create(complete_meeting()).id
    screen = create_screen(stores, bus)
    assert isinstance(screen, MinutesScreen)
    qtbot.addWidget(screen)
    screen.show()
    screen.select(meeting_id)
    assert screen.editor.text_edits["place"].text() == "村委会议室"

    # written as a bundle import writes: straight through the stores, the screen not told how
    stores.meetings.save_draft(dataclasses.replace(stores.meetings.get(meeting_id), place="鼓楼坪"))
    stores.four_two.create_matter("村道硬化", "党员群众建议")
    stores.convene_proposals.record_proposal(make_proposal(ConveneBody.REPRESENTATIVES, date(2026, 3, 2),
                                                           "调整低保", 7, 35))
    bus.changed.emit(Changed(Entity.SYNC))

    assert screen.editor.meeting is not None and screen.editor.meeting.place == "鼓楼坪"
    assert screen.editor.text_edits["place"].text() == "鼓楼坪"
    assert screen.model.meeting_at(0).place == "鼓楼坪"
    assert screen.four_two_panel is not None and screen.four_two_panel.matters_list.count() == 1
    assert screen.convene_panel.model.rowCount() == 1
    assert screen.undo_stack.count() == 0  # showing another's change is not an edit of this clerk's


def test_a_finalise_elsewhere_shows_the_follow_ups(qtbot, village_db: Database, admin: Actor) -> None:
    stores, bus = build_stores(village_db, admin), DataBus()
    meeting_id = stores.meetings.create(complete_meeting()).id
    screen = create_screen(stores, bus)
    assert isinstance(screen, MinutesScreen)
    qtbot.addWidget(screen)
    screen.show()
    screen.select(meeting_id)
    stores.meetings.finalise(meeting_id, True, True)
    bus.changed.emit(Changed(Entity.SYNC))
    panel = screen.editor.follow_ups_panel
    assert screen.editor.meeting is not None and screen.editor.meeting.is_final
    assert panel is not None and not panel.isHidden() and panel.follow_ups_list.count() == 1
