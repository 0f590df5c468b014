"""The 补正 dialog corrects a finalised record's per-person votes and speeches, starting from the text as it reads."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from models.core.accounts import Actor
from models.minutes.record import effective
from models.minutes.quorum import Tally
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.storage.test_meeting_amend_votes import named_meeting
from tests.ui.minutes_stores import only_follow_ups
from ui.core.bus import DataBus
from ui.minutes.dialogs import AmendDialog, AmendmentRequest
from ui.minutes.screen import MinutesScreen


def test_amend_dialog_and_editor_correct_named_votes(qtbot, village_db: Database, admin: Actor, monkeypatch) -> None:
    stores = build_stores(village_db, admin)
    final = stores.meetings.get(stores.meetings.finalise(stores.meetings.create(named_meeting()).id, True, True).id)
    dialog = AmendDialog(None, final, date(2026, 3, 20))
    qtbot.addWidget(dialog)
    dialog.field_combo.set_current_value("items.1.votes")
    assert dialog.after_edit.toPlainText().splitlines()[3] == "代表3：反对"
    dialog.field_combo.set_current_value("items.1.speeches")
    assert dialog.after_edit.toPlainText() == "代表0：同意修路\n代表3：资金不够"

    screen = MinutesScreen(only_follow_ups(stores), DataBus(), None)
    qtbot.addWidget(screen)
    screen.show()
    screen.editor.load(stores.meetings.get(final.id))
    screen.editor.setEnabled(True)  # as when the record is picked in the list
    corrected = "代表0：赞成\n代表1：赞成\n代表2：赞成\n代表3：赞成\n代表4：反对"
    monkeypatch.setattr(AmendDialog, "ask", classmethod(
        lambda cls, *a: AmendmentRequest("items.1.votes", corrected, "代表3 改投赞成", date(2026, 3, 20))))
    qtbot.mouseClick(screen.editor.amend_button, Qt.MouseButton.LeftButton)
    assert "第 1 项议题·逐人表决" in screen.editor.amendments_label.text()
    assert "代表3：反对；代表4：反对”更正为" in screen.editor.amendments_label.text()
    assert effective(stores.meetings.get(final.id)).items[0].tally == Tally(4, 1, 0)
