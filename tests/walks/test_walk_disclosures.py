"""Walk: 三务公开 and 十星级文明户 through the real main window.

The clerk records the finance board put up today (it discloses last month), adds the photo of the posted board
through Qt's own file dialog, and `disclose due --json` says what the screen says. On 十星级文明户 the clerk adopts
the star list at a finalised meeting, awards a star and withdraws another with its reason."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pypdf

from models.core.attachments import AttachmentOwner, OwnerKind
from models.stars.stars import may_name
from tests.walks.conftest import Walk
from tests.walks.driver import (answer, choose, cli_json, click_button, expect_dialog, field, fill, replace_text,
                                save_as)
from tests.walks.steps import cell


def _last_month(today: date) -> str:
    return f"{today.replace(day=1) - timedelta(days=1):%Y-%m}"


def test_record_a_disclosure_with_a_photo_of_the_board(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("三务公开")
    today = date.today()
    photo = tmp_path / "财务公开栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 2048)

    def fill_form(dialog) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, field(dialog, "公开类别"), "财务公开")
        choose(qtbot, field(dialog, "事项"), "财务收支")
        fill(qtbot, field(dialog, "开始日期"), today)
        fill(qtbot, field(dialog, "结束日期"), today + timedelta(days=14))
        fill(qtbot, field(dialog, "张贴人"), "吴会计")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, fill_form):
        click_button(qtbot, screen, "登记公开")
    posted = screen.selected_publication
    assert posted is not None and posted.period == _last_month(today) and posted.posted_by == "吴会计"
    with expect_dialog(qtbot, save_as(qtbot, photo)):
        click_button(qtbot, screen.photo_panel, "添加附件")
    qtbot.waitUntil(lambda: screen.photo_panel.model.rowCount() == 1)
    (kept,) = walk.stores.attachments.attachments(AttachmentOwner(OwnerKind.DISCLOSURE, posted.id))
    assert kept.file_name == "财务公开栏.jpg"
    objection_and_answer(qtbot, walk, screen, posted.id)
    rows = cli_json(walk.db_path, "disclose", "due")["rows"]
    finance = [r for r in rows if r["category"] == "财务收支" and r["period"] == _last_month(today)]
    assert finance and finance[0]["status"] == "done"
    shown = [n for n in range(screen.due_model.rowCount()) if cell(screen.due_model, n, "期间") == _last_month(today)
             and cell(screen.due_model, n, "事项") == "财务收支"]
    assert shown and cell(screen.due_model, shown[0], "状态") == "按时公开"


def test_adopt_award_and_withdraw_stars_on_screen(qtbot, walk: Walk) -> None:
    screen = walk.open_area("十星级文明户")
    final = [m for m in walk.stores.meetings.list_meetings() if m.type_code == "villagers_meeting"
             and m.status.value == "final"]
    label = f"{final[0].on} {final[0].number}"

    def adopt(dialog) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, field(dialog, "通过的会议"), label)
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, adopt):
        click_button(qtbot, screen, "通过星目")
    year = screen.year
    before = {r.household_no: r.stars for r in screen._rows}
    proposed = {c.household_no for c in walk.stores.star_awards.candidacies.candidacies(year) if c.star == "学习进步"}
    household = next(no for no, stars in before.items() if "学习进步" not in stars and no not in proposed)
    evaluate_a_star(qtbot, walk, screen, household, "学习进步", label, final[0].on)
    listed = {r["household"]: r["stars"] for r in cli_json(walk.db_path, "stars", "list", "--year", str(year))["rows"]}
    assert "学习进步" in listed[household]
    row = next(n for n, r in enumerate(screen._rows) if r.household_no == household)
    screen.view.selectRow(row)

    def withdraw(dialog) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, field(dialog, "星"), "学习进步")
        fill(qtbot, field(dialog, "撤销理由"), "违反村规民约第十二条，经村民代表会议认定")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, withdraw):
        click_button(qtbot, screen, "撤星")
    listed = {r["household"]: r["stars"] for r in cli_json(walk.db_path, "stars", "list", "--year", str(year))["rows"]}
    assert "学习进步" not in listed[household]


def evaluate_a_star(qtbot, walk: Walk, screen, household: str, star: str, meeting: str,  # type: ignore[no-untyped-def]
                    decided_on: date) -> None:
    """R53 on screen: the household applies, its group passes it, the meeting decides, the decision is publicised,
    an objection during the publicity is answered (not upheld), and the star counts once the publicity closed."""
    panel = screen.evaluation

    def apply(dialog) -> None:  # type: ignore[no-untyped-def]
        fill(qtbot, field(dialog, "户号"), household)
        choose(qtbot, field(dialog, "星"), star)
        choose(qtbot, field(dialog, "方式"), "农户申请")
        fill(qtbot, field(dialog, "申报日期"), decided_on - timedelta(days=3))
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, apply):
        click_button(qtbot, panel, "申请/推荐")
    row = next(n for n, r in enumerate(panel._rows) if (r.candidacy.household_no, r.candidacy.star) == (household, star))
    assert cell(panel.model, row, "小组评议") == "待小组评议"
    panel.view.selectRow(row)

    def review(dialog) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, field(dialog, "评议结果"), "小组评议通过")
        fill(qtbot, field(dialog, "评议日期"), decided_on - timedelta(days=1))
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, review):
        click_button(qtbot, panel, "小组评议")

    def award(dialog) -> None:  # type: ignore[no-untyped-def]
        assert field(dialog, "户号").text() == household and field(dialog, "星").currentText() == star
        choose(qtbot, field(dialog, "评定的会议"), meeting)
        click_button(qtbot, dialog, "确定")

    panel.view.selectRow(row)
    with expect_dialog(qtbot, award):
        click_button(qtbot, screen, "评星")
    assert cell(panel.model, row, "进度") == "已评定，待公示"

    def publicize(dialog) -> None:  # type: ignore[no-untyped-def]
        fill(qtbot, field(dialog, "公示开始"), decided_on)
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, publicize):
        click_button(qtbot, panel, "公示")
    screen.today = lambda: decided_on + timedelta(days=2)  # the clerk's day during the publicity
    screen.reload()
    assert cell(panel.model, row, "进度") == "公示中"
    panel.view.selectRow(row)

    def object_(dialog) -> None:  # type: ignore[no-untyped-def]
        fill(qtbot, field(dialog, "提出人"), "邻居老王")
        fill(qtbot, field(dialog, "异议内容"), "他家孩子今年没有上夜校")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, object_):
        click_button(qtbot, panel, "登记异议")
    assert cell(panel.model, row, "进度") == "有异议待答复"
    panel.view.selectRow(row)

    def answer_it(dialog) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, field(dialog, "结论"), "异议不成立")
        fill(qtbot, field(dialog, "答复"), "经核实本户已参加农技夜校十二次")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, answer_it):
        click_button(qtbot, panel, "答复异议")
    screen.today = date.today
    screen.reload()
    assert cell(panel.model, row, "进度") == "已授星"


def objection_and_answer(qtbot, walk: Walk, screen, publication_id: str) -> None:  # type: ignore[no-untyped-def]
    """A villager asks about a line of the board; the committee answers (组织法第三十一条)."""
    def raise_it(dialog) -> None:  # type: ignore[no-untyped-def]
        fill(qtbot, field(dialog, "提出人"), "杨老三")
        fill(qtbot, field(dialog, "异议内容"), "保洁员工资为什么比上月多")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, raise_it):
        click_button(qtbot, screen, "登记异议")
    assert screen.objections_model.rowCount() == 1

    def answer_it(dialog) -> None:  # type: ignore[no-untyped-def]
        fill(qtbot, field(dialog, "答复"), "本月增加了两次河道清漂")
        click_button(qtbot, dialog, "确定")

    with expect_dialog(qtbot, answer_it):
        click_button(qtbot, screen, "答复")
    (kept,) = cli_json(walk.db_path, "disclose", "objections", publication_id)["objections"]
    assert (kept["raised_by"], kept["answer"]) == ("杨老三", "本月增加了两次河道清漂")
    assert cell(screen.objections_model, 0, "答复") == "本月增加了两次河道清漂"


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages).replace(" ", "")


def _save_print(qtbot, screen, button: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    # Rendered off the GUI thread; then 另存为, and (no PDF reader offscreen) 已保存 says where the file is.
    with expect_dialog(qtbot, save_as(qtbot, target), answer(qtbot, "确定", seen)):
        click_button(qtbot, screen, button)
        qtbot.waitUntil(lambda: not screen.printer.busy)
    assert target.exists() and str(target) in seen[0]


def test_import_the_finance_sheet_and_print_the_boards(qtbot, walk: Walk, tmp_path: Path) -> None:
    screen = walk.open_area("三务公开")
    sheet = tmp_path / "10月收支.csv"
    sheet.write_text("日期,摘要,收入,支出\n2026-10-08,光伏电站收益,8600.00,\n2026-10-20,保洁员工资,,2400.00\n"
                     "合计,,8600.00,2400.00\n", encoding="utf-8")
    replace_text(screen.month_edit, "2026-10")
    seen: list[str] = []
    with expect_dialog(qtbot, save_as(qtbot, sheet), answer(qtbot, "确定", seen)):
        click_button(qtbot, screen, "导入财务明细")
    assert "2 行" in seen[0]
    board = tmp_path / "财务公开.pdf"
    _save_print(qtbot, screen, "打印财务公开栏", board)
    text = _pdf_text(board)
    assert "2026年10月财务公开" in text and "光伏电站收益" in text and "6,200.00" in text
    printed = [p for p in walk.stores.publications.publications() if p.note.startswith("打印登记")]
    assert [(p.kind.value, p.category, p.start) for p in printed] == [("finance", "财务收支", date.today())]
    assert printed[0].period in ("2026-10", "2026-Q4")  # the printed board is the month's finance disclosure
    assert any(p.id == printed[0].id for p in screen._posted)  # and the screen shows it at once
    stars = walk.open_area("十星级文明户")
    target = tmp_path / "十星级文明户.pdf"
    _save_print(qtbot, stars, "打印公示栏", target)
    registered = [p for p in walk.stores.publications.publications() if p.note.startswith("打印登记")]
    assert {(p.kind.value, p.category) for p in registered} == {("finance", "财务收支"), ("village", "村民普遍关心的其他事项")}
    board_text = _pdf_text(target)
    bases = walk.stores.naming_bases.bases_in_effect()
    for row in stars._rows:
        household = walk.stores.star_awards.household(row.household_no)
        if may_name(household, bases, date.today()):
            assert household.head_name in board_text
        else:  # R30–R32: no name without a basis on a public printout
            assert household.head_name not in board_text and f"第{household.household_no}号户" in board_text
