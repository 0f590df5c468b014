"""Word (.docx) output shared by the printed products that clerks also want to edit: an A4 page with GB/T 9704-like
margins (37/35/28/26 mm), 仿宋 16 pt body with the font set for East Asian text, and runs in a given face."""
from __future__ import annotations

import io
from typing import Any

A4_MM = (210, 297)
MARGINS_MM = (37, 35, 28, 26)  # top, bottom, left, right (GB/T 9704-2012 §5.2.1)
BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋", "宋体", "黑体"
BODY_PT, TITLE_PT = 16, 22


def new_document(landscape: bool = False) -> Any:
    """An empty python-docx Document on A4 (landscape for wide tables), Normal text in 仿宋 16 pt."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    width, height = A4_MM[::-1] if landscape else A4_MM
    top, bottom, left, right = (26, 26, 28, 26) if landscape else MARGINS_MM
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    return document


def add_run(paragraph: Any, text: str, font: str = BODY_FONT, size: float = BODY_PT, bold: bool = False) -> Any:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def add_paragraph(document: Any, text: str, align: str = "", font: str = BODY_FONT, size: float = BODY_PT,
                  bold: bool = False, indent: bool = False) -> Any:
    """A paragraph in one face; `align` "center"/"right"; `indent` sets the two-character first-line indent."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    if align:
        paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    if text:
        add_run(paragraph, text, font, size, bold)
    return paragraph


def to_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
