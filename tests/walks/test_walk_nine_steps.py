"""Walk 3: the nine steps of a revision of 青石村's rules, all on screen (九步工作法, 村规民约, 同步, 打印中心).

The demo's revision stands at step 5: the clerk types in a paper opinion form, answers every open opinion, writes
the revised version, posts it, registers and answers an objection, gets the township's pre-review by a bundle round
trip (the reviewer works on 乡镇审查 of the demo's township desk), records the vote with the signatures, the filing,
and prints the adopted rules as a poster. Then the next revision starts from step 1 on the same screen: the joint
meeting and timetable, invitations with replies, the committee and its checks, the first draft and the opinions
(typed from paper forms and answered), on to step 6. After each half the command line says what the screens say."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QSpinBox, QWidget

from storage.demo.b10_installation import DEMO_PASSWORD
from tests.helpers import type_text
from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, cli_json, click, click_button, expect_dialog, fill, replace_text,
                                save_as, tick)
from tests.walks.steps import (TODAY, advance, cell, click_row, confirm, enter_paper_form,
                               export_bundle, import_bundle, last_week, post_publicity, reply_opinion,
                               reply_opinions, review_the_draft, revise, rewrite_article, tick_cell,
                               workflow_step)

REVISED = "生活垃圾分类投放，每月评比一次，评比结果在村务公开栏公布。"
OBJECTION = "垃圾评比不要每月一次，太频繁"
RECEIPT = "德乡备〔2026〕3号"
DRAFTED = "婚事新办、丧事简办，红白喜事宴席不超过十五桌。"


def test_nine_steps_on_screen(qtbot, walk: Walk, log_in: Callable[..., Walk], township_db: Path,
                              tmp_path: Path) -> None:
    workflow = walk.open_area("九步工作法")
    rulebook_id = workflow.rulebook_id
    assert workflow_step(workflow) == 5
    consultation(qtbot, workflow)
    advance(qtbot, workflow, 6)
    revise(qtbot, walk, 4, 9, REVISED)
    workflow = walk.open_area("九步工作法")
    advance(qtbot, workflow, 7)
    second_publicity(qtbot, walk, log_in, township_db, tmp_path)
    advance(qtbot, workflow, 8)
    vote(qtbot, walk)
    advance(qtbot, workflow, 9)
    filing(qtbot, workflow)
    advance(qtbot, workflow, None)
    status = cli_json(walk.db_path, "rules", "status", rulebook_id)
    assert status["current_step"] is None and {s["state"] for s in status["steps"]} == {"done"}
    assert _rulebook(walk, rulebook_id)["in_force_version"] == 4
    poster = print_poster(qtbot, walk, tmp_path / "张贴版.pdf")
    assert poster.read_bytes().startswith(b"%PDF")

    workflow = walk.open_area("九步工作法")
    click_button(qtbot, workflow, "开始修订")  # the next revision of the rules now in force
    assert workflow_step(workflow) == 1
    joint_meeting(qtbot, workflow)
    advance(qtbot, workflow, 2)
    invitations(qtbot, workflow)
    advance(qtbot, workflow, 3)
    committee(qtbot, workflow)
    advance(qtbot, workflow, 4)
    first_draft(qtbot, walk)
    workflow = walk.open_area("九步工作法")
    advance(qtbot, workflow, 5)
    paper_opinions(qtbot, workflow)
    advance(qtbot, workflow, 6)
    status = cli_json(walk.db_path, "rules", "status", rulebook_id)
    assert status["current_step"] == 6
    assert [s["state"] for s in status["steps"]] == ["done"] * 5 + ["active"] + ["pending"] * 3
    assert [s["blockers"] for s in status["steps"]][5] == [b.removeprefix("· ") for b in
                                                           workflow.guard_label.text().splitlines()[1:]]
    assert _rulebook(walk, rulebook_id)["versions"] == 5
    assert cli_json(walk.db_path, "check") == {"ok": True, "problems": []}


def consultation(qtbot: Any, workflow: Any) -> None:
    """Step 5: one more paper form typed in (王平光, found by his initials), then every open opinion answered."""
    page = workflow.pages_stack.currentWidget()
    enter_paper_form(qtbot, page.entry, "wpg", "王平光（0008户）", "巡逻队晚上要多巡几趟，冬季防火", "YJ-0037",
                     written_by="吴晓梅")
    assert cell(workflow.opinion_model, 36, "表单号") == "YJ-0037" and cell(workflow.opinion_model, 36, "答复") == "未答复"
    assert reply_opinions(qtbot, workflow, "采纳") == 5


def second_publicity(qtbot: Any, walk: Walk, log_in: Callable[..., Walk], township_db: Path, tmp_path: Path) -> None:
    """Step 7: posted for a week that is over, an objection registered and answered, the township's review."""
    workflow = walk.open_area("九步工作法")
    page = workflow.pages_stack.currentWidget()
    post_publicity(qtbot, page, *last_week())
    type_text(page.objector_edit, "龙老二")
    replace_text(page.objection_edit, OBJECTION)
    click(qtbot, page.objection_button)
    assert "还有 1 条异议未答复" in workflow.guard_label.text()
    assert reply_opinions(qtbot, workflow, "不采纳", "多数群众同意每月评比") == 1
    stick = tmp_path / "U盘"
    stick.mkdir()
    bundle = export_bundle(qtbot, walk, stick)
    town = log_in("shenhe", DEMO_PASSWORD, db=township_db)
    import_bundle(qtbot, town, bundle)
    review_the_draft(qtbot, town, "第九条", REVISED)
    import_bundle(qtbot, walk, export_bundle(qtbot, town, stick))
    walk.open_area("九步工作法")
    assert "审查第4版" in page.review_label.text()


def vote(qtbot: Any, walk: Walk) -> None:
    """Step 8: the villagers' meeting chosen, its women present corrected from the sign-in sheet, the tally entered
    and confirmed, a household's signature ticked on the sheet."""
    number = meeting_held_today(walk)
    workflow = walk.open_area("九步工作法")
    page = workflow.pages_stack.currentWidget()
    page.reload()  # the meeting was written by another connection (as by a second window), not on this bus
    choose(qtbot, page.meeting_combo, number)
    assert "实到 118 人" in page.meeting_label.text() and "到会妇女：47 人" in page.meeting_label.text()
    seen: list[str] = []
    with expect_dialog(qtbot, _input(qtbot, 48), _input(qtbot, "据签到表核实"), answer(qtbot, "是", seen)):
        click(qtbot, page.women_button)
    assert "补正为 48 人" in seen[0] and "到会妇女：48 人" in page.meeting_label.text()
    for column, value in ((1, 110), (2, 5), (3, 3)):
        fill(qtbot, page.tally_table.cellWidget(0, column), value)
    confirm(qtbot, lambda: click(qtbot, page.vote_button))
    assert [cell(page.result_model, 0, h) for h in ("赞成", "反对", "弃权", "结果")] == ["110", "5", "3", "通过"]
    signatures = page.signatures
    type_text(signatures.find_edit, "王平光")
    assert signatures.model.rowCount() == 1
    tick_cell(qtbot, signatures.view, 0, 3)
    assert "已签 1 /" in signatures.count_label.text()


def meeting_held_today(walk: Walk) -> str:
    """The villagers' meeting that votes must come after the publicity and the township's review (R19): the demo's
    2026-民-02 of August came before both, so the meeting of today is recorded (its copy, finalised); its number."""
    import dataclasses
    from datetime import timedelta

    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.core.installation import open_database
    from storage.core.backend import build_stores
    store = build_stores(open_database(walk.db_path), COMMAND_LINE_ACTOR).meetings
    august = store.get(cli_json(walk.db_path, "meeting", "show", "2026-民-02")["id"])
    copy = dataclasses.replace(august, id="", number="", on=TODAY, notice_date=TODAY - timedelta(days=12),
                               status=type(august.status).DRAFT, finalised_by="", amendments=())
    created = store.create(copy).id
    store.finalise(created, True, True)
    return store.get(created).number


def _input(qtbot: Any, value: Any) -> Callable[[QWidget], None]:
    """A handler for QInputDialog: the number or text given, then 确定."""
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        editor = dialog.findChild(QSpinBox) if isinstance(value, int) else dialog.findChild(QLineEdit)
        fill(qtbot, editor, value)
        click_button(qtbot, dialog, "确定")
    return handle


def filing(qtbot: Any, workflow: Any) -> None:
    """Step 9: the township's receipt typed in from the paper, with the date the rules take effect."""
    page = workflow.pages_stack.currentWidget()
    assert "状态：" in page.filing_label.text()
    choose(qtbot, page.status_combo, "已备案")
    type_text(page.receipt_edit, RECEIPT)
    fill(qtbot, page.effective_edit, TODAY)
    click(qtbot, page.filing_button)
    assert f"备案编号：{RECEIPT}" in page.filing_label.text() and f"施行日期：{TODAY.isoformat()}" in page.filing_label.text()


def print_poster(qtbot: Any, walk: Walk, path: Path) -> Path:
    """打印中心: the rules in force as the A3 poster, previewed, saved as PDF."""
    screen = walk.open_area("打印中心")
    products = screen.products_list
    item = products.findItems("村规民约张贴版（A3 三栏大字）", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(products.viewport(), LEFT, pos=products.visualItemRect(item).center())
    choose(qtbot, screen.item_combo, "青石村村规民约")
    click(qtbot, screen.render_button)
    qtbot.waitUntil(screen.preview.save_button.isEnabled, timeout=30000)
    assert "预览：" in screen.preview.status_label.text()
    with expect_dialog(qtbot, save_as(qtbot, path)):
        click(qtbot, screen.preview.save_button)
    assert screen.preview.status_label.text() == f"已保存：{path}"
    return path


def joint_meeting(qtbot: Any, workflow: Any) -> None:
    """Step 1: the joint meeting that decided to revise, linked; the timetable saved as proposed."""
    page = workflow.pages_stack.currentWidget()
    choose(qtbot, page.meeting_combo, "2026-联-04")
    click(qtbot, page.meeting_button)
    assert page.meeting_label.text().startswith("2026-联-04")
    click(qtbot, page.timetable_button)


def invitations(qtbot: Any, workflow: Any) -> None:
    """Step 2: the elders and the veteran party member picked from the registry by role, the women's federation
    and the school typed in; every reply recorded (the school declines)."""
    page = workflow.pages_stack.currentWidget()
    for role in ("寨老", "老党员"):
        choose(qtbot, page.role_combo, role)
        click(qtbot, page.add_role_button)
    for name, capacity, box in (("村妇联主席", "妇女代表", page.womens_check), ("青石村小学", "驻村单位", page.unit_check)):
        type_text(page.name_edit, name)
        type_text(page.capacity_edit, capacity)
        tick(qtbot, box)
        click(qtbot, page.add_name_button)
        tick(qtbot, box, False)
    model = page.model
    capacities = [cell(model, r, "身份") for r in range(model.rowCount())]
    assert capacities.count("寨老") == 3 and "老党员" in capacities and capacities[-2:] == ["妇女代表", "驻村单位"]
    for row in range(model.rowCount()):
        click_row(qtbot, page.invitations_view, row)
        choose(qtbot, page.reply_combo, "婉拒" if cell(model, row, "姓名/单位") == "青石村小学" else "接受")
        click(qtbot, page.reply_button)
    assert [cell(model, r, "答复") for r in range(model.rowCount())].count("接受") == model.rowCount() - 1


def committee(qtbot: Any, workflow: Any) -> None:
    """Step 3: the party secretary as chair, two accepted invitees as members, each with the three checks."""
    page = workflow.pages_stack.currentWidget()
    assert page.chair_edit.text(), "the party secretary is not proposed as chair"
    click(qtbot, page.chair_button)
    for _ in range(2):
        choose(qtbot, page.candidate_combo, page.candidate_combo.itemText(0))
        click(qtbot, page.member_button)
    model = page.member_model
    assert [cell(model, r, "职务") for r in range(model.rowCount())] == ["主任", "成员", "成员"]
    choose(qtbot, page.result_combo, "通过")
    for row in range(model.rowCount()):
        click_row(qtbot, page.members_view, row)
        click(qtbot, page.all_checks_button)
    checks = {cell(model, r, agency).split()[0] for r in range(model.rowCount()) for agency in ("司法所", "综治中心", "派出所")}
    assert checks == {"通过"}


def first_draft(qtbot: Any, walk: Walk) -> None:
    """Step 4: on 村规民约 a new draft copied from the rules in force; on 九步工作法 it is made the first draft; back on
    村规民约 one article rewritten; the draft has no legality finding that must be fixed."""
    rules = walk.open_area("村规民约")
    choose(qtbot, rules.version_combo, "第4版")
    click_button(qtbot, rules, "新建修订版本")
    workflow = walk.open_area("九步工作法")
    page = workflow.pages_stack.currentWidget()
    choose(qtbot, page.version_combo, "第5版")
    click(qtbot, page.draft_button)
    assert page.draft_label.text() == "第5版"
    rewrite_article(qtbot, walk, 5, 12, DRAFTED)
    walk.open_area("九步工作法")
    assert page.finding_model.rowCount() == 0


def paper_opinions(qtbot: Any, workflow: Any) -> None:
    """Step 5: two paper forms typed in — a villager found by initials, and a migrant worker whose form the clerk
    wrote for him —, one adopted, one not (with the reason he is told)."""
    page = workflow.pages_stack.currentWidget()
    enter_paper_form(qtbot, page.entry, "wpg", "王平光（0008户）", "宴席桌数再少一些，十五桌为宜", "YJ2-0001")
    enter_paper_form(qtbot, page.entry, "", "在外务工的杨某", "礼金标准要写具体数额", "YJ2-0002", written_by="吴晓梅")
    model = workflow.opinion_model
    assert [cell(model, r, "表单号") for r in range(model.rowCount())] == ["YJ2-0001", "YJ2-0002"]
    reply_opinion(qtbot, workflow, 0, "采纳")
    reply_opinion(qtbot, workflow, 1, "不采纳", "礼金数额由红白理事会每年公布，不写入村规民约")


def _rulebook(walk: Walk, rulebook_id: str) -> dict[str, Any]:
    return next(r for r in cli_json(walk.db_path, "rules", "list")["rulebooks"] if r["id"] == rulebook_id)
