"""Walk 6: 打印中心, one product of each area: generate the preview, print it on the PDF printer of the real print
dialog, read the printed PDF back. Each preview carries the same 校验码 and page count as `main.py print … --json`."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt

from models.core.notices import publicity_period
from tests.walks.conftest import LEFT, Walk
from tests.walks.driver import (answer, choose, cli_json, click_button, expect_dialog, fill, field, fingerprint,
                                print_to_pdf, render_preview, save_as)

TITLE = "关于2026年度低保评议结果的公示"
BODY = "经村民代表会议评议，拟确定以下农户为2026年度低保对象。\n一、公示内容\n（一）第1组龙勇强户"


def test_one_product_of_each_area_previewed_printed_and_the_same_as_the_cli(qtbot, walk: Walk,
                                                                            tmp_path: Path) -> None:
    screen = walk.open_area("打印中心")
    rulebook = cli_json(walk.db_path, "rules", "list")["rulebooks"][0]
    meeting = next(m for m in cli_json(walk.db_path, "meeting", "list")["meetings"] if m["status"] == "final")
    jobs = (  # area: (打印中心 entry, record to choose, the same print on the command line)
        ("通用公示 / 公告 / 通知", None, _notice_args(tmp_path)),
        ("村规民约全文（A4 小册子）", rulebook["title"], ["rules", rulebook["id"]]),          # 村规民约
        ("征求意见公告", rulebook["title"], ["call-for-opinions", rulebook["id"]]),           # 九步工作法
        ("会议记录本页面", meeting["number"], ["minutes", meeting["id"]]),                    # 会议记录
        ("村民小组花名册", "第1组", ["group-roster", "第1组"]),                               # 户籍花名册
    )
    for number, (product, record, cli_args) in enumerate(jobs):
        _choose_product(qtbot, screen, product)
        if record is None:
            _fill_notice(qtbot, screen)
        else:
            choose(qtbot, screen.item_combo, record)
        status = render_preview(qtbot, screen)
        made = cli_json(walk.db_path, "print", *cli_args, "--out", str(tmp_path / f"cli-{number}.pdf"))
        assert made["fingerprint"] == fingerprint(status), product
        assert screen.preview.document.pageCount() == made["pages"], product
        printed = tmp_path / f"printed-{number}.pdf"  # every page goes to the printer as a 300-dpi picture
        print_to_pdf(qtbot, screen.preview.print_button, printed)
        assert len(pypdf.PdfReader(printed).pages) == made["pages"], product
    _save_the_last(qtbot, screen, tmp_path)
    _list_publicity(qtbot, walk, tmp_path)                                                # 红黑榜


def _choose_product(qtbot: Any, screen: Any, label: str) -> None:
    products = screen.products_list
    (item,) = products.findItems(label, Qt.MatchFlag.MatchExactly)
    products.scrollToItem(item)
    qtbot.mouseClick(products.viewport(), LEFT, pos=products.visualItemRect(item).center())
    assert products.currentItem() is item


def _fill_notice(qtbot: Any, screen: Any) -> None:
    fill(qtbot, field(screen, "标题"), TITLE)
    fill(qtbot, field(screen, "正文"), BODY)
    assert field(screen, "落款").text() == "青石村村民委员会"  # the village's committee by default


def _notice_args(tmp_path: Path) -> list[str]:
    body = tmp_path / "body.txt"
    body.write_text(BODY, encoding="utf-8")
    today = date.today()
    return ["notice", "--title", TITLE, "--body-file", str(body), "--from", today.isoformat(),
            "--to", publicity_period(today).end.isoformat(), "--signer", "青石村村民委员会", "--date", today.isoformat()]


def _save_the_last(qtbot: Any, screen: Any, tmp_path: Path) -> None:
    """另存为 PDF… writes the previewed bytes themselves: the text reads back."""
    target = tmp_path / "花名册.pdf"
    with expect_dialog(qtbot, save_as(qtbot, target)):
        qtbot.mouseClick(screen.preview.save_button, LEFT)
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "第1组" in text and "花名册" in text.replace("\n", "")


def _list_publicity(qtbot: Any, walk: Walk, tmp_path: Path) -> None:
    """红黑榜 prints from its own screen (no preview): 打印公示… for an entry in publicity, saved as a PDF; its text
    is the text of `print list-publicity --entry`."""
    screen = walk.open_area("红黑榜")
    tabs = screen.tabs_widget
    qtbot.mouseClick(tabs.tabBar(), LEFT, pos=tabs.tabBar().tabRect(1).center())
    view, model = screen.entries_view, screen.entries_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 3).data() == "公示")
    view.scrollTo(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row, 0)).center())
    entry_id = screen.selected_id
    target, seen = tmp_path / "公示.pdf", []
    with expect_dialog(qtbot, answer(qtbot, "确定")):  # the date and 落款, as offered
        click_button(qtbot, screen, "打印公示")
    # Rendered off the GUI thread, then 另存为 opens; no PDF reader offscreen, so 已保存 says where it is.
    with expect_dialog(qtbot, save_as(qtbot, target), answer(qtbot, "确定", seen)):
        qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert str(target) in seen[0]
    cli_pdf = tmp_path / "cli-publicity.pdf"
    cli_json(walk.db_path, "print", "list-publicity", "--entry", entry_id, "--out", str(cli_pdf))
    assert _text(target) == _text(cli_pdf) and "公示" in _text(target)


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_a_copy_saved_from_the_print_centre_is_registered_for_print_verify(qtbot, walk: Walk,
                                                                           tmp_path: Path) -> None:
    """The same register as `print …`: once the preview is saved, its 校验码 checks (print verify, 核对打印件)."""
    from tests.helpers import run_json

    screen = walk.open_area("打印中心")
    rulebook = cli_json(walk.db_path, "rules", "list")["rulebooks"][0]
    _choose_product(qtbot, screen, "村规民约全文（A4 小册子）")
    choose(qtbot, screen.item_combo, rulebook["title"])
    code = fingerprint(render_preview(qtbot, screen))
    assert run_json(walk.db_path, "print", "verify", code)[0] == 2  # a preview alone is no copy
    with expect_dialog(qtbot, save_as(qtbot, tmp_path / "规约.pdf")):
        qtbot.mouseClick(screen.preview.save_button, LEFT)
    assert run_json(walk.db_path, "print", "verify", code) == (0, {
        "document": "《青石村村规民约》", "version": "第3版", "printed_on": date.today().isoformat(),
        "status": "current"})
