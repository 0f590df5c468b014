"""Word files as Word users make them (automatic numbering, List Number and Heading styles, articles in tables),
read in document order; and every .docx we write on A4 with GB/T 9704 margins and East Asian fonts."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from models.rules.document import RuleVersion
from models.rules.text import parse_rules_lines, parse_rules_text
from storage.rules.files import read_paragraphs, render_docx, write_comparison_file
from storage.rules.word import MARGINS_MM
from tests.office import SONG_STAND_IN, SONG_STAND_IN_PDF, fonts_of_text, has_family, needs_office, office_pdf

docx = pytest.importorskip("docx")


def _automatic_numbering(document: Any, num_id: int, levels: list[tuple[str, str, bool]]) -> None:
    """Add a list to numbering.xml: one (numFmt, lvlText, restarts) per level, as Word writes it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   + ("" if restarts else '<w:lvlRestart w:val="0"/>') + f'<w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text, restarts) in enumerate(levels))
    root.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def _numbered(document: Any, text: str, num_id: int, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


@pytest.fixture
def numbered_docx(tmp_path: Path) -> Path:
    """第%1章 / 第%2条 from numbering.xml (articles counted on through chapters), typed items, a closing."""
    document = docx.Document()
    _automatic_numbering(document, 90, [("chineseCounting", "第%1章", True), ("chineseCounting", "第%2条", False)])
    document.add_paragraph("青石村村规民约")
    document.add_paragraph("为了建设美丽乡村，制定本村规民约。")
    _numbered(document, "总则", 90, 0)
    _numbered(document, "本约适用于全体村民。", 90, 1)
    _numbered(document, "村民应当遵纪守法：", 90, 1)
    document.add_paragraph("（一）不参与赌博；")
    _numbered(document, "社会治安", 90, 0)
    _numbered(document, "违者由执行委员会批评教育。", 90, 1)
    document.add_paragraph("第四条 这一条是手打的条号。")
    document.add_paragraph("青石村村民委员会").alignment = 2
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    return path


def test_automatic_numbering_is_written_out_and_read(numbered_docx: Path) -> None:
    lines = read_paragraphs(numbered_docx)
    assert [line.text for line in lines][2:5] == ["第一章\u3000总则", "第一条\u3000本约适用于全体村民。",
                                                  "第二条\u3000村民应当遵纪守法："]
    parsed = parse_rules_lines(lines)
    assert parsed.title == "青石村村规民约" and parsed.preamble == ["为了建设美丽乡村，制定本村规民约。"]
    assert [(c.title, [a.text for a in c.articles]) for c in parsed.chapters] == [
        ("总则", ["本约适用于全体村民。", "村民应当遵纪守法："]),
        ("社会治安", ["违者由执行委员会批评教育。", "这一条是手打的条号。"])]
    assert parsed.chapters[0].articles[1].items == ("（一）不参与赌博；",)
    assert parsed.closing == ["青石村村民委员会"] and parsed.problems == []


def test_list_number_and_heading_styles(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("村民公约", style="Title")
    document.add_paragraph("爱护环境", style="Heading 1")
    for text in ("不乱倒垃圾。", "不乱搭乱建。"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("邻里和睦", style="Heading 1")
    document.add_paragraph("互谅互让。", style="List Number")
    path = tmp_path / "styles.docx"
    document.save(str(path))
    parsed = parse_rules_lines(read_paragraphs(path))
    assert parsed.title == "村民公约"
    assert [(c.title, [a.text for a in c.articles]) for c in parsed.chapters] == [
        ("爱护环境", ["不乱倒垃圾。", "不乱搭乱建。"]), ("邻里和睦", ["互谅互让。"])]


def test_articles_in_a_table_stay_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("石桥村村规民约")
    document.add_paragraph("第一条 本约适用于全体村民。")
    table = document.add_table(rows=2, cols=2)
    for row, (number, text) in zip(table.rows, (("第二条", "讲卫生。"), ("第三条", "护环境。"))):
        row.cells[0].text, row.cells[1].text = number, text
    document.add_paragraph("第四条 本约自通过之日起施行。")
    path = tmp_path / "table.docx"
    document.save(str(path))
    parsed = parse_rules_lines(read_paragraphs(path))
    assert [a.text for a in parsed.chapters[0].articles] == ["本约适用于全体村民。", "讲卫生。", "护环境。",
                                                             "本约自通过之日起施行。"]
    assert parsed.problems == []


def _mm(length: Any) -> float:
    return round(length.mm, 1)


def test_rules_docx_is_a4_with_gbt9704_margins_and_east_asian_fonts(tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    parsed = parse_rules_text("青石村约定\n为了和睦。\n第一章 总则\n第一条 甲。\n青石村村民委员会")
    version = RuleVersion("v", "r", 1, tuple(parsed.chapters), title=parsed.title, preamble=tuple(parsed.preamble),
                          closing=tuple(parsed.closing))
    path = tmp_path / "rules.docx"
    path.write_bytes(render_docx(version, version.title))
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210.0, 297.0)
    assert (_mm(section.top_margin), _mm(section.bottom_margin), _mm(section.left_margin), _mm(section.right_margin)) \
        == (MARGINS_MM["top"], MARGINS_MM["bottom"], MARGINS_MM["left"], MARGINS_MM["right"])
    fonts = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in document.paragraphs for r in p.runs}
    assert fonts <= {"仿宋", "宋体", "黑体"} and "仿宋" in fonts
    assert [p.text for p in document.paragraphs] == ["青石村约定", "为了和睦。", "第一章 总则", "第一条\u3000甲。",
                                                     "青石村村民委员会"]
    assert int(document.paragraphs[-1].alignment) == 2  # the closing right-aligned, as a 落款 is


def test_comparison_table_docx_is_landscape_a4(tmp_path: Path) -> None:
    path = write_comparison_file([], "修改对照表", tmp_path / "cmp.docx")
    section = docx.Document(str(path)).sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (297.0, 210.0)



@needs_office
def test_an_office_suite_prints_the_comparison_on_landscape_a4(tmp_path: Path) -> None:
    """The 修改对照表 .docx printed by LibreOffice: landscape A4, both texts and the reason, nothing off the page."""
    from models.rules.diff import comparison_table, diff_versions
    from tests.printing import pdfcheck

    def version(text: str, number: int) -> RuleVersion:
        parsed = parse_rules_text(f"青石村村规民约\n第一条 {text}")
        return RuleVersion(f"v{number}", "r", number, tuple(parsed.chapters), title=parsed.title)

    old, new = version("村民应当爱护公共设施。", 1), version("村民应当爱护公共设施和村内道路，不得占道堆放柴草。", 2)
    rows = comparison_table(diff_versions(old, new), {})
    rows = [dataclasses.replace(row, reason="村民代表会议提出道路被占用的问题较多。") for row in rows]
    data = office_pdf(write_comparison_file(rows, "青石村村规民约修改对照表", tmp_path / "cmp.docx"))
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    pdfcheck.assert_in_order(data, ["修改对照表", "村民应当爱护公共设施。", "不得占道堆放柴草", "道路被占用的问题较多"])
    pdfcheck.assert_text_inside_pages(data)


@needs_office
@pytest.mark.parametrize("song_faces", [False, True], ids=["fonts-as-installed", "with-fangsong-and-songti"])
def test_an_office_suite_lays_the_rules_out_on_a4(tmp_path: Path, song_faces: bool) -> None:
    """LibreOffice prints the rules on A4, in order; where 仿宋/宋体 exist on the machine the body is set in them
    (GB/T 9704), not in whatever sans face the office suite falls back to."""
    from tests.printing import pdfcheck

    if song_faces and not has_family(SONG_STAND_IN):
        pytest.skip(f"no Song face ({SONG_STAND_IN}) installed to stand in for 仿宋/宋体")
    parsed = parse_rules_text("青石村村规民约\n为了和睦。\n第一章 总则\n第一条 村民应当遵纪守法。\n青石村村民委员会")
    version = RuleVersion("v", "r", 1, tuple(parsed.chapters), title=parsed.title, preamble=tuple(parsed.preamble),
                          closing=tuple(parsed.closing))
    source = tmp_path / "rules.docx"
    source.write_bytes(render_docx(version, version.title))
    data = office_pdf(source, song_faces)
    assert set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    pdfcheck.assert_in_order(data, ["青石村村规民约", "为了和睦。", "第一条", "村民应当遵纪守法。", "青石村村民委员会"])
    pdfcheck.assert_text_inside_pages(data)
    if song_faces:
        faces = fonts_of_text(data)
        body = [face for run, face in faces.items() if "遵纪守法" in run or "为了和睦" in run]
        assert body and set(body) == {SONG_STAND_IN_PDF}, faces
