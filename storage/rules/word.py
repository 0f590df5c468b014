"""Word (.docx) as Word users make it: reading paragraphs and tables in document order with their automatic
numbering written out (numbering.xml lvlText such as 第%1条), Heading/Title styles and alignment as role hints;
and the page setup every .docx we write shares (A4, GB/T 9704-like margins, fonts set for East Asian text)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.core.numerals import to_chinese
from models.rules.reading import Role, SourceLine

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
# GB/T 9704-2012: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 3号仿宋 (16 pt), title 2号 (22 pt).
A4_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋", "宋体", "黑体"


@dataclass
class _Numbering:
    """numId → level → (start, numFmt, lvlText, restarts after a higher level), and each list's running counters."""

    levels: dict[str, dict[int, tuple[int, str, str, bool]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counts if k > level and levels.get(k, (1, "", "", True))[3]]:
            del counts[deeper]  # a higher level restarts the levels below it, unless lvlRestart is 0
        _, fmt, text, _ = levels[level]
        if fmt in ("bullet", "none"):
            return ""
        for n in range(9, -1, -1):
            if f"%{n + 1}" in text:
                value = counts.get(n, levels.get(n, (1, "decimal", "", True))[0])
                text = text.replace(f"%{n + 1}", _format(value, levels.get(n, (1, fmt, "", True))[1]))
        return text


def _format(value: int, fmt: str) -> str:
    if fmt.startswith("chineseCounting") or fmt in ("ideographDigital", "taiwaneseCounting", "japaneseCounting"):
        return to_chinese(value)
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL[int(d)] for d in str(value))
    if fmt.startswith("decimalEnclosedCircle") and value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(value)


def _numbering(document: Any) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return numbering
    abstract: dict[str, dict[int, tuple[int, str, str, bool]]] = {}
    for node in root.findall(f"{W}abstractNum"):
        levels: dict[int, tuple[int, str, str, bool]] = {}
        for lvl in node.findall(f"{W}lvl"):
            start, fmt, text = lvl.find(f"{W}start"), lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
            restart = lvl.find(f"{W}lvlRestart")
            levels[int(lvl.get(f"{W}ilvl"))] = (int(start.get(f"{W}val")) if start is not None else 1,
                                                fmt.get(f"{W}val") if fmt is not None else "decimal",
                                                text.get(f"{W}val") if text is not None else "",
                                                restart is None or restart.get(f"{W}val") != "0")
        abstract[node.get(f"{W}abstractNumId")] = levels
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            numbering.levels[num.get(f"{W}numId")] = dict(abstract.get(ref.get(f"{W}val"), {}))
    return numbering


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's automatic numbering: its own, or its style's (List Number, Heading …)."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is not None and num_pr.find(f"{W}numId") is not None:
            ilvl = num_pr.find(f"{W}ilvl")
            num_id = num_pr.find(f"{W}numId").get(f"{W}val")
            return (num_id, int(ilvl.get(f"{W}val")) if ilvl is not None else 0) if num_id != "0" else None
    return None


def _hint(paragraph: Any) -> Role | None:
    name = (paragraph.style.name or "") if paragraph.style is not None else ""
    if name == "Title" or name == "标题":
        return Role.TITLE
    if name.startswith("Heading") or name.startswith("标题 "):
        return Role.CHAPTER
    alignment = paragraph.paragraph_format.alignment
    return Role.CLOSING if alignment is not None and int(alignment) == 2 else None  # WD_ALIGN_PARAGRAPH.RIGHT


def read_docx_lines(document: Any) -> list[SourceLine]:
    """Every paragraph, in document order (tables where they stand), with automatic numbers written out."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _numbering(document)
    lines: list[SourceLine] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            lines.append(_line(Paragraph(child, document), numbering))
        elif child.tag == f"{W}tbl":
            lines += _table_lines(Table(child, document), numbering)
    return lines


def _line(paragraph: Any, numbering: _Numbering) -> SourceLine:
    num = _num_pr(paragraph)
    label = numbering.label(*num) if num else ""
    text = paragraph.text
    return SourceLine(f"{label}\u3000{text}" if label and text.strip() else text, _hint(paragraph))


def _table_lines(table: Any, numbering: _Numbering) -> list[SourceLine]:
    """A row whose first cell is only a number (第一条 | 条文) is one article; other cells are paragraphs."""
    lines: list[SourceLine] = []
    for row in table.rows:
        cells: list[Any] = []
        for cell in row.cells:  # a merged cell repeats; keep it once
            if not cells or cell._tc is not cells[-1]._tc:
                cells.append(cell)
        texts = [[_line(p, numbering).text for p in c.paragraphs] for c in cells]
        first = "".join(texts[0]).strip() if texts else ""
        if len(cells) > 1 and 0 < len(first) <= 8 and _is_label(first):
            rest = [t for cell in texts[1:] for t in cell if t.strip()]
            lines.append(SourceLine(f"{first}\u3000{rest[0]}" if rest else first))
            lines += [SourceLine(t) for t in rest[1:]]
        else:
            lines += [SourceLine(t) for cell in texts for t in cell]
    return lines


def _is_label(text: str) -> bool:
    from models.rules.reading import mark

    marker, _, body = mark(text)
    return bool(marker) and not body or text.strip().isdigit()


def setup_page(document: Any, landscape: bool = False) -> None:
    """A4 (landscape for wide tables) with GB/T 9704-like margins, and Normal text in 仿宋 for East Asian text."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for section in document.sections:
        width, height = A4_MM if not landscape else A4_MM[::-1]
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        if landscape:
            section.top_margin, section.bottom_margin = Mm(26), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
