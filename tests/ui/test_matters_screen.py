"""群众说事 screen offscreen: a matter from intake to 销号 by clicks and typing, the refusal of 销号 before 回访
shown as a warning (and nothing written), and the list reloading from the bus."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.matters.records import MatterStatus, Rating
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import type_text
from tests.ui.modal import answer_next_box
from ui.core.bus import DataBus
from ui.matters.screen import MattersScreen


def _click(qtbot, screen: MattersScreen, key: str, text: str = "") -> None:
    edit = screen.assignee_combo.lineEdit() if key in ("assign", "township") else screen.step_edit
    edit.clear()
    if text:
        type_text(edit, text)
    qtbot.mouseClick(screen.buttons[key], Qt.MouseButton.LeftButton)


def test_from_intake_to_closing(qtbot, qtmodeltester, village_db: Database, admin: Actor) -> None:
    stores, bus = build_stores(village_db, admin), DataBus()
    heard: list[Changed] = []
    bus.changed.connect(heard.append)
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.matters_model.rowCount() == 0 and not screen.buttons["assign"].isEnabled()
    screen.tabs.setCurrentIndex(1)
    type_text(screen.intake.text_edit, "三组水渠堵塞，雨天漫上村道")
    type_text(screen.intake.place_edit, "三组")
    qtbot.mouseClick(screen.intake.add_button, Qt.MouseButton.LeftButton)
    assert screen.matters_model.rowCount() == 1 and screen.tabs.currentIndex() == 0
    matter = screen.selected()
    assert matter is not None and matter.number.endswith("-说-001") and heard[-1].concerns(Entity.MATTER)
    qtmodeltester.check(screen.matters_model)
    _click(qtbot, screen, "assign", "三组组长")
    _click(qtbot, screen, "note", "已组织清淤")
    _click(qtbot, screen, "done", "水渠已疏通")
    seen = answer_next_box("OK")
    _click(qtbot, screen, "close")
    assert seen.opened and "回访" in seen.text
    assert stores.matters.matter(matter.id).status is MatterStatus.DONE
    screen.rating_combo.setCurrentIndex(list(Rating).index(Rating.SATISFIED))
    _click(qtbot, screen, "feedback", "电话回访")
    _click(qtbot, screen, "close")
    closed = stores.matters.matter(matter.id)
    assert closed.status is MatterStatus.CLOSED and closed.rating is Rating.SATISFIED
    assert screen.events_model.rowCount() == 6
    assert [screen.events_model.index(r, 1).data() for r in range(6)] == ["登记", "交办", "进展", "办结", "回访",
                                                                             "销号"]
    assert "已销号" in screen.title_label.text()


def test_a_name_two_villagers_share_is_refused_listing_them(qtbot, village_db: Database, admin: Actor) -> None:
    from dataclasses import replace

    from models.core.ids import new_id
    from tests.registry_fixtures import make_family

    stores = build_stores(village_db, admin)
    _, head, _ = make_family(stores)
    stores.villagers.save_villager(replace(head, id=new_id(), id_number="", relation="其他", position=5))
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    type_text(screen.intake.text_edit, "求助")
    type_text(screen.intake.villager_edit, "吴建华")
    seen = answer_next_box("OK")
    qtbot.mouseClick(screen.intake.add_button, Qt.MouseButton.LeftButton)
    assert seen.opened and "2 位村民" in seen.text and head.id in seen.text
    assert stores.matters.matters() == []


def test_the_list_reloads_from_the_bus(qtbot, village_db: Database, admin: Actor) -> None:
    from datetime import date

    from models.matters.records import Channel, Matter, MatterClass

    stores, bus = build_stores(village_db, admin), DataBus()
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)
    qtbot.addWidget(screen)
    changed = stores.matters.add_matter(Matter(MatterClass.OTHER, Channel.PHONE, "咨询医保", date(2026, 11, 1)))
    assert screen.matters_model.rowCount() == 0
    bus.changed.emit(changed)
    assert screen.matters_model.rowCount() == 1


def test_a_matter_like_an_open_one_is_offered_to_be_merged(qtbot, village_db: Database, admin: Actor) -> None:
    from datetime import date

    from models.matters.records import Channel, EventKind, Matter, MatterClass

    stores = build_stores(village_db, admin)
    road = stores.matters.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.ROOM, "三组机耕道塌方车辆无法通行",
                                            date(2026, 11, 2), place="三组")).id
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    type_text(screen.intake.text_edit, "三组的机耕道塌方了，车过不去")
    type_text(screen.intake.place_edit, "三组")
    seen = answer_next_box("记入已有事项")
    qtbot.mouseClick(screen.intake.add_button, Qt.MouseButton.LeftButton)
    assert seen.opened and "2026-说-001" in seen.text
    assert len(stores.matters.matters()) == 1
    assert stores.matters.timeline(road)[-1].kind is EventKind.NOTE
    assert screen.selected() is not None and screen.selected().id == road


def test_the_chosen_matters_attachments_are_shown(qtbot, village_db: Database, admin: Actor, tmp_path) -> None:
    from datetime import date

    from models.core.attachments import AttachmentOwner, OwnerKind
    from models.matters.records import Channel, Matter, MatterClass

    stores = build_stores(village_db, admin)
    matter_id = stores.matters.add_matter(Matter(MatterClass.OTHER, Channel.PHONE, "咨询医保", date(2026, 11, 1))).id
    photo = tmp_path / "来信.pdf"
    photo.write_bytes(b"%PDF-1.4\n" + b"0" * 50)
    stores.attachments.attach(AttachmentOwner(OwnerKind.MATTER, matter_id), photo)
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    assert screen.attachments_panel.model.rowCount() == 0 and not screen.attachments_panel.add_button.isEnabled()
    screen.matters_view.selectRow(0)
    assert screen.attachments_panel.model.rowCount() == 1 and screen.attachments_panel.add_button.isEnabled()


def test_a_household_number_names_the_household_and_keeps_it_private(qtbot, village_db: Database,
                                                                      admin: Actor) -> None:
    from tests.registry_fixtures import make_family

    stores = build_stores(village_db, admin)
    household, _, _ = make_family(stores)
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    type_text(screen.intake.text_edit, "房屋漏雨，申请危房改造")
    type_text(screen.intake.villager_edit, household.household_no)
    qtbot.mouseClick(screen.intake.urgent_check, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    qtbot.mouseClick(screen.intake.add_button, Qt.MouseButton.LeftButton)
    (matter,) = stores.matters.matters()
    assert matter.raiser.ref == household.id and matter.raiser.name == "吴建华户" and matter.raiser.group == "第1组"
    assert matter.urgency == "紧急" and not matter.public


def test_each_step_is_one_undo_and_redo(qtbot, village_db: Database, admin: Actor) -> None:
    """撤销 of a step puts the matter back as it was and withdraws its timeline line; 重做 takes the step again."""
    from datetime import date

    from models.matters.records import Channel, EventKind, Matter, MatterClass

    stores = build_stores(village_db, admin)
    matter_id = stores.matters.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.PHONE, "路灯不亮",
                                                 date(2026, 11, 1), place="二组")).id
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    screen.matters_view.selectRow(0)
    _click(qtbot, screen, "assign", "二组组长")
    _click(qtbot, screen, "done", "已换灯泡")
    assert stores.matters.matter(matter_id).status is MatterStatus.DONE and screen.undo_stack.count() == 2
    screen.undo_stack.undo()
    undone = stores.matters.matter(matter_id)
    assert undone.status is MatterStatus.ASSIGNED and undone.result == "" and undone.assignee == "二组组长"
    assert [e.kind for e in stores.matters.timeline(matter_id)] == [EventKind.INTAKE, EventKind.ASSIGN]
    assert screen.events_model.rowCount() == 2  # the screen heard the undo's Changed
    screen.undo_stack.undo()
    first = stores.matters.matter(matter_id)
    assert first.status is MatterStatus.OPEN and first.assignee == "" and first.due is None
    screen.undo_stack.redo()
    assert stores.matters.matter(matter_id).status is MatterStatus.ASSIGNED


def test_a_step_is_not_undone_under_a_later_line(village_db: Database, admin: Actor) -> None:
    from datetime import date

    import pytest

    from models.core.errors import DomainError
    from models.matters.records import Channel, EventKind, Matter, MatterClass

    store = build_stores(village_db, admin).matters
    matter_id = store.add_matter(Matter(MatterClass.OTHER, Channel.PHONE, "咨询", date(2026, 11, 1))).id
    before = store.matter(matter_id)
    store.assign(matter_id, "文书", date(2026, 11, 2))
    store.note(matter_id, "已电话答复", date(2026, 11, 3))
    with pytest.raises(DomainError, match="不能撤销"):
        store.undo_step(before, EventKind.ASSIGN)


def test_the_officer_records_a_log_entry_and_undoes_it(qtbot, village_db: Database, admin: Actor) -> None:
    """信息员日志: the officer is chosen among the active accounts; an entry is one 撤销."""
    from datetime import date

    from PySide6.QtCore import QDate

    from models.core.accounts import Role
    from ui.matters.officer_tab import OfficerLogTab

    stores, bus = build_stores(village_db, admin), DataBus()
    stores.accounts.create_user("xinxiyuan", "龙德军", Role.CLERK, "secret123")
    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments)
    tab = OfficerLogTab(stores.officer_log, bus, screen.undo_stack)
    screen.add_officer_tab(tab)
    qtbot.addWidget(screen)
    assert tab.officer_combo.values() == ["admin", "xinxiyuan"]
    tab.officer_combo.set_current_value("xinxiyuan")
    tab.date_edit.setDate(QDate(2026, 11, 2))
    seen = answer_next_box("OK")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # no text yet: refused, nothing written
    assert seen.opened and "日志内容" in seen.text and screen.undo_stack.count() == 0
    type_text(tab.text_edit, "走访三组 6 户，收集说事 2 件")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    [entry] = stores.officer_log.entries("xinxiyuan")
    assert (entry.officer, entry.on, entry.text) == ("龙德军", date(2026, 11, 2), "走访三组 6 户，收集说事 2 件")
    assert tab.entries_model.rowCount() == 1 and tab.text_edit.text() == ""
    screen.undo_stack.undo()
    assert stores.officer_log.entries("xinxiyuan") == [] and tab.entries_model.rowCount() == 0


def test_assign_offers_the_registrys_cadres_and_committees(qtbot, village_db: Database, admin: Actor) -> None:
    from datetime import date

    from models.core.ids import new_id
    from models.matters.records import Channel, Matter, MatterClass
    from models.registry.households import RoleCode, RoleHolding
    from tests.registry_fixtures import make_family
    from tests.walks.driver import choose

    stores = build_stores(village_db, admin)
    _, head, _ = make_family(stores)
    stores.villagers.save_role(RoleHolding(new_id(), head.id, RoleCode.TWO_COMMITTEES_MEMBER.value, "村委会主任",
                                           date(2025, 1, 1)))
    first = stores.matters.add_matter(Matter(MatterClass.OTHER, Channel.PHONE, "咨询医保", date(2026, 11, 1))).id
    second = stores.matters.add_matter(Matter(MatterClass.DISPUTE, Channel.ROOM, "邻里纠纷", date(2026, 11, 1))).id
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    screen.show()
    labels = [screen.assignee_combo.itemText(i) for i in range(screen.assignee_combo.count())]
    assert labels == ["村委会主任吴建华", "村民委员会", "村务监督委员会", "人民调解委员会"]
    screen.matters_view.selectRow(1)  # newest first: the first matter is the second row
    choose(qtbot, screen.assignee_combo, "村委会主任吴建华")
    qtbot.mouseClick(screen.buttons["assign"], Qt.MouseButton.LeftButton)
    assert stores.matters.matter(first).assignee == "村委会主任吴建华"
    screen.matters_view.selectRow(0)
    _click(qtbot, screen, "assign", "人民调解委员会")
    assert stores.matters.matter(second).assignee == "人民调解委员会"


def test_intake_of_a_migrant_villager_on_an_earlier_day(qtbot, village_db: Database, admin: Actor) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from models.matters.records import RaiserKind

    stores = build_stores(village_db, admin)
    screen = MattersScreen(stores.matters, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    form = screen.intake
    type_text(form.text_edit, "家中老人无人照看，请村里帮忙联系")
    assert not form.via_edit.isEnabled()
    qtbot.mouseClick(form.migrant_check, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    assert form.via_edit.isEnabled()
    seen = answer_next_box("OK")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)  # a migrant without a name: refused
    assert seen.opened and "外出村民的姓名" in seen.text and stores.matters.matters() == []
    type_text(form.villager_edit, "杨老五")
    type_text(form.via_edit, "其妹杨秀 13900000000")
    form.date_edit.setDate(QDate(2026, 10, 28))
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    (matter,) = stores.matters.matters()
    assert (matter.raiser.kind, matter.raiser.name, matter.raiser.via) == (RaiserKind.MIGRANT, "杨老五",
                                                                           "其妹杨秀 13900000000")
    assert matter.raised_on == date(2026, 10, 28) and not matter.public  # a named raiser stays private (R49)
    assert not form.migrant_check.isChecked() and form.via_edit.text() == ""


def test_assign_with_a_due_date_chosen_and_feedback_by_whom(qtbot, village_db: Database, admin: Actor) -> None:
    """交办 takes the class's default unless a due date is chosen; 回访 records who called the raiser (else the user)."""
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from models.matters.records import Channel, Matter, MatterClass

    stores = build_stores(village_db, admin)
    store = stores.matters
    first = store.add_matter(Matter(MatterClass.SAFETY, Channel.PHONE, "桥栏杆松动", date(2026, 11, 1))).id
    second = store.add_matter(Matter(MatterClass.SAFETY, Channel.PHONE, "电线垂落", date(2026, 11, 1))).id
    screen = MattersScreen(store, stores.raisers, DataBus(), stores.attachments)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.due_edit.text() == "期限按类别"
    screen.matters_view.selectRow(1)
    _click(qtbot, screen, "assign", "网格员")
    assert store.matter(first).due == date.today() + timedelta(days=7)  # 安全隐患: 7 days
    screen.matters_view.selectRow(0)
    screen.due_edit.setDate(QDate(2030, 1, 15))
    _click(qtbot, screen, "assign", "网格员")
    assert store.matter(second).due == date(2030, 1, 15) and screen.due_edit.text() == "期限按类别"
    _click(qtbot, screen, "done", "已拉闸处理")
    type_text(screen.by_edit, "信息员龙德军")
    _click(qtbot, screen, "feedback", "满意")
    assert store.timeline(second)[-1].by == "信息员龙德军"
    screen.by_edit.clear()
    _click(qtbot, screen, "note", "再次查看")
    assert store.timeline(second)[-1].by == admin.name
