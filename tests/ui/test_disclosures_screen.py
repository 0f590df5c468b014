"""三务公开 screen offscreen: the finance frequency box switches the calendar, undoably."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.backend import build_stores
from storage.core.db import Database
from ui.core.bus import DataBus
from ui.disclosures import create_screen


def _finance_periods(screen) -> set[str]:  # type: ignore[no-untyped-def]
    return {row[0].period for row in screen._due if row[0].category == "财务收支"}


def test_the_monthly_box_switches_finance_to_quarterly_and_back(qtbot, village_db: Database) -> None:
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.monthly_check.isChecked() and any("-Q" not in p for p in _finance_periods(screen))
    box = screen.monthly_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not stores.disclosures.frequent_finance() and not box.isChecked()
    assert _finance_periods(screen) and all("-Q" in p for p in _finance_periods(screen))
    screen.undo_stack.undo()
    assert stores.disclosures.frequent_finance() and box.isChecked()


def test_a_supervisor_signs_a_posting_off_on_the_screen(qtbot, village_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """R42 on screen: the button asks, signs as the logged-in supervisor, shows the signer and greys out."""
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from models.core.accounts import Actor, Role
    from models.disclosures.catalogue import DisclosureKind, Place
    from ui.disclosures.screen import POSTED_COLUMNS

    clerk = build_stores(village_db, COMMAND_LINE_ACTOR)
    posted = clerk.publications.record(DisclosureKind.FINANCE, "财务收支", date(2026, 11, 5), date(2026, 11, 20),
                                       Place.BOARD, "吴文书").id
    stores = build_stores(village_db, Actor("s1", "龙监督", Role.SUPERVISOR))
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.today = lambda: date(2026, 11, 8)
    screen.show()
    screen.select_publication(posted)
    assert screen.sign_off_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.sign_off_button, Qt.MouseButton.LeftButton)
    assert asked and "财务收支" in asked[0]
    assert clerk.publications.publication(posted).signed_off_by == "龙监督"
    screen.select_publication(posted)
    column = [name for name, _ in POSTED_COLUMNS]
    row = next(n for n, p in enumerate(screen._posted) if p.id == posted)
    shown = screen.posted_model.index(row, column.index("监委会签字")).data()
    assert shown == "龙监督 2026-11-08" and not screen.sign_off_button.isEnabled()


def test_the_event_dialog_asks_the_project_step_only_for_a_project(qtbot, village_db: Database) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from models.disclosures.calendar import ProjectStep
    from tests.helpers import type_text
    from ui.disclosures.event_dialog import EventDialog

    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    dialog = EventDialog(stores.disclosures.catalogue(), date(2026, 6, 15))
    qtbot.addWidget(dialog)
    assert dialog.category_combo.count() == 2  # the default catalogue's two event items
    dialog.category_combo.set_current_value("需经政府批准的事项")
    assert not dialog.step_combo.isEnabled()
    dialog.category_combo.set_current_value("时间较长的建设项目")
    assert dialog.step_combo.isEnabled()
    dialog.step_combo.set_current_value(ProjectStep.PROGRESS)
    type_text(dialog.subject_edit, "饮水工程")
    dialog.accept()
    event = dialog.recorded_event()
    assert (event.category, event.subject, event.step, event.on) == ("时间较长的建设项目", "饮水工程",
                                                                     ProjectStep.PROGRESS, date(2026, 6, 15))


def test_an_event_recorded_on_the_screen_falls_due_and_undoes(qtbot, village_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from models.disclosures.calendar import DisclosureEvent
    from ui.disclosures import event_dialog

    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    screen = create_screen(stores, DataBus())
    qtbot.addWidget(screen)
    screen.today = lambda: date(2026, 6, 20)
    screen.show()
    asked = DisclosureEvent("需经政府批准的事项", "乡政府关于村道硬化的批复", date(2026, 6, 10))
    monkeypatch.setattr(event_dialog.EventDialog, "ask", classmethod(lambda cls, *_a: asked))
    qtbot.mouseClick(screen.event_button, Qt.MouseButton.LeftButton)
    due = [(o.subject, o.due, s.value) for o, s in screen._due if o.category == "需经政府批准的事项"]
    assert due == [("乡政府关于村道硬化的批复", date(2026, 6, 15), "overdue")]
    screen.undo_stack.undo()
    assert not [o for o, _ in screen._due if o.category == "需经政府批准的事项"] and not stores.disclosures.events()


def test_the_posting_dialog_lists_what_the_category_contains(qtbot, village_db: Database) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from models.disclosures.catalogue import DisclosureKind
    from ui.disclosures.dialogs import PublicationDialog

    dialog = PublicationDialog(build_stores(village_db, COMMAND_LINE_ACTOR).disclosures.catalogue(),
                               date(2026, 10, 12), "吴文书")
    qtbot.addWidget(dialog)
    dialog.kind_combo.set_current_value(DisclosureKind.VILLAGE)
    dialog.category_combo.set_current_value("惠民资金和补贴发放")
    assert "救灾救助、补贴补助" in dialog.contents_label.text() and not dialog.contents_label.isHidden()
    dialog.category_combo.set_current_value("村民普遍关心的其他事项")
    assert dialog.contents_label.isHidden()
    dialog.accept()
    assert dialog.form().category == "村民普遍关心的其他事项"
