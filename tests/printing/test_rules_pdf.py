"""The rules booklet (A4) and poster (A3 landscape, three columns), and the 修改对照表 (A4 landscape)."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.rules.document import Article, Chapter, Rulebook, RuleVersion, VersionStatus
from printing.rules.comparison_pdf import Comparison, render_comparison_pdf, row_cells
from printing.rules.rules_pdf import RulesOptions, render_rules_pdf, version_line
from printing.core.styles import table_styles
from storage.core.db import Database
from models.rules.comparison import comparison as comparison_rows
from storage.rules.reasons import SqliteChangeReasonStore
from storage.rules.store import SqliteRulebookStore
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck

RARE = Rulebook("r1", "堌上村村规民约")
VERSION = RuleVersion("v1", "r1", 3, (
    Chapter("c1", "总则", (Article("a1", "为维护本村秩序，制定本村规民约。"),
                          Article("a2", "本村规民约适用于全体村民。", ("外出务工人员参照执行。",)))),
    Chapter("c2", "附则", (Article("a3", "本村规民约由吉𠮷、张䶮等村民代表讨论通过，自公布之日起施行。"),))),
    VersionStatus.IN_FORCE, "2026-05-01")


@pytest.mark.parametrize(("options", "size"), [(RulesOptions(), (210, 297)),
                                               (RulesOptions("A3", poster=True), (420, 297)),
                                               (RulesOptions("A4", poster=True), (210, 297))])
def test_booklet_and_posters_read_back_in_order(options: RulesOptions, size: tuple[int, int]) -> None:
    data = render_rules_pdf(RARE, VERSION, options)
    pdfcheck.assert_in_order(data, ["堌上村村规民约", "（第3版，2026年5月1日起施行）", "第一章总则",
                                    "第一条", "为维护本村秩序", "第二条", "外出务工人员参照执行。", "第二章附则",
                                    "第三条", "吉𠮷、张䶮"])
    assert set(pdfcheck.page_sizes_mm(data)) == {size}
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_poster_title_spans_the_columns() -> None:
    data = render_rules_pdf(RARE, VERSION, RulesOptions("A3", poster=True))
    placed = pdfcheck.text_positions(data)
    title_x = [x for _, x, _, _, text in placed if "堌上村" in text][0]
    first_article_x = [x for _, x, _, _, text in placed if text.startswith("第一条")][0]
    assert title_x > first_article_x + 200  # centred over the page, not in the first column


def test_version_line() -> None:
    assert version_line(RuleVersion("v", "r", 4)) == "（第4版，草稿）"
    assert version_line(RuleVersion("v", "r", 2, (), VersionStatus.IN_FORCE, "2026-05-01")) == \
        "（第2版，2026年5月1日起施行）"
    assert version_line(RuleVersion("v", "r", 1, (), VersionStatus.SUPERSEDED, "")) == "（第1版，已被取代）"


def test_demo_rules_and_comparison(demo_db: Database, rulebook_id: str) -> None:
    store = SqliteRulebookStore(demo_db, COMMAND_LINE_ACTOR)
    rulebook = store.get_rulebook(rulebook_id)
    booklet = render_rules_pdf(rulebook, store.load_version(rulebook_id, 1))
    assert len(pdfcheck.reader(booklet).pages) >= 2
    rows = tuple(comparison_rows(store, SqliteChangeReasonStore(demo_db, COMMAND_LINE_ACTOR), rulebook_id, 2, 3))
    comparison = Comparison(rulebook, store.load_version(rulebook_id, 2), store.load_version(rulebook_id, 3), rows)
    data = render_comparison_pdf(comparison)
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    pdfcheck.assert_in_order(data, ["青石村村规民约修改对照表", "（第2版→第3版", "原条文修改后条文修改理由",
                                    rows[0].reason, rows[-1].reason])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)


def test_comparison_marks_without_colour() -> None:
    from models.rules.diff import ChangeKind, ComparisonRow, char_diff
    row = ComparisonRow(ChangeKind.CHANGED, "a1", "第一条 罚款五十元。", "第一条 批评教育。", "采纳意见3（杨老三）",
                        tuple(char_diff("罚款五十元。", "批评教育。")), 1, 1)
    old, new = RuleVersion("v1", "r1", 1), RuleVersion("v2", "r1", 2)
    data = render_comparison_pdf(Comparison(RARE, old, new, (row,)))
    pdfcheck.assert_in_order(data, ["第一条", "罚款五十元。", "第一条", "批评教育。", "采纳意见3（杨老三）"])
    before, after, _ = row_cells(row, table_styles(), "test")
    struck = [f.text for f in before.frags if any(kind == "strike" for _, kind, *_ in f.us_lines)]
    assert struck == ["罚款五十元"]
    inserted = [f for f in after.frags if any(kind == "underline" for _, kind, *_ in f.us_lines)]
    assert "".join(f.text for f in inserted) == "批评教育" and {f.fontName for f in inserted} == \
        {table_styles().table_header.fontName}


def test_cli_rules_and_comparison(demo_path: Path, rulebook_id: str, tmp_path: Path) -> None:
    out = tmp_path / "rules.pdf"
    code, data = run_json(demo_path, "print", "rules", rulebook_id, "--version", "1", "--poster", "--out", str(out))
    assert code == 0, data
    assert set(pdfcheck.page_sizes_mm(out.read_bytes())) == {(420, 297)}
    code, data = run_json(demo_path, "print", "comparison", rulebook_id, "1", "2", "--out", str(tmp_path / "c.pdf"))
    assert code == 0 and data["pages"] >= 1
    code, _, err = run_cli(["--db", str(demo_path), "print", "rules", "nope", "--out", str(tmp_path / "x.pdf")])
    assert code == 2 and "rules list" in err
    code, _, err = run_cli(["--db", str(demo_path), "print", "comparison", rulebook_id, "1", "9",
                            "--out", str(tmp_path / "x.pdf")])
    assert code == 2 and "第9版" in err and not (tmp_path / "x.pdf").exists()


def test_preamble_closing_and_verse_are_printed() -> None:
    from dataclasses import replace

    framed = replace(VERSION, preamble=("为了和睦，制定本约。",), closing=("堌上村村民委员会", "2026年5月1日"))
    pdfcheck.assert_in_order(render_rules_pdf(RARE, framed), ["堌上村村规民约", "为了和睦，制定本约。", "第一条",
                                                              "第三条", "堌上村村民委员会", "2026年5月1日"])
    verse = RuleVersion("v2", "r1", 1, (Chapter("c", "", (Article("s1", "爱祖国，感党恩；"), Article("s2", "讲卫生，护环境。"))),),
                        verse=True)
    printed = render_rules_pdf(RARE, verse)
    pdfcheck.assert_in_order(printed, ["爱祖国，感党恩；", "讲卫生，护环境。"])
    assert "第一条" not in pdfcheck.text_of(printed)


def test_booklet_lines_carried_over_a_page_break_start_at_the_margin() -> None:
    """An article split by a page break goes on at the left margin of the text block: no line of the part carried
    to the next page starts half a character in (reportlab's splitter put a space at each line end)."""
    text = "村民应当爱护公共设施，维护村容整洁，不得乱堆乱放、乱搭乱建、乱倒垃圾，违者由村民委员会责令限期改正并恢复原状。" * 3
    version = RuleVersion("v1", "r1", 1, (Chapter("c1", "总则", tuple(Article(f"a{n}", text) for n in range(12))),),
                          VersionStatus.IN_FORCE, "2026-05-01")
    data = render_rules_pdf(Rulebook("r1", "测试村村规民约"), version, RulesOptions())
    body = [(page, x, run) for page, x, y, _right, run in pdfcheck.text_positions(data)
            if 100 < y < 760 and "—" not in run]
    carried = [(x, run) for page, x, run in body if page == 1][:5]  # the lines before 第四条 on page 2
    margin = min(x for _page, x, _run in body)
    assert len(carried) == 5 and all(abs(x - margin) < 0.5 for x, _run in carried), carried
    carried_text = "".join(run.rstrip("\n") for _x, run in carried)
    assert " " not in carried_text and text.endswith(carried_text), carried_text  # not a character added or lost
