"""The meeting record page and its public notices as Word (.docx), with the same text the PDF prints:
title and record number, the heading fields as a two-column table, each agenda item, summary, 补正, signatures;
a notice with its title, paragraphs, publicity period and signature block."""
from __future__ import annotations

from typing import Any

from models.core.notices import Notice, chinese_date
from printing.core.notice_pdf import period_line
from printing.core.docx_page import HEADING_FONT, TITLE_FONT, TITLE_PT, add_paragraph, add_run, new_document, to_bytes
from printing.minutes.minutes_pdf import MeetingRecord, amendment_lines, heading_fields, item_lines, status_line


def render_minutes_docx(record: MeetingRecord) -> bytes:
    document = new_document()
    meeting = record.meeting
    add_paragraph(document, record.title, "center", TITLE_FONT, TITLE_PT, bold=True)
    add_paragraph(document, status_line(meeting), "center", size=12)
    _fields(document, heading_fields(record))
    for index in range(len(meeting.items)):
        head, *rest = item_lines(record, index)
        add_paragraph(document, head, font=HEADING_FONT)
        for line in rest:
            add_paragraph(document, line, indent=True)
    if meeting.summary:
        add_paragraph(document, "会议小结", font=HEADING_FONT)
        add_paragraph(document, meeting.summary, indent=True)
    if meeting.amendments:
        add_paragraph(document, "补正记录", font=HEADING_FONT)
        for line in amendment_lines(meeting):
            add_paragraph(document, line, indent=True)
    add_paragraph(document, "")
    add_paragraph(document, "\u3000\u3000".join(record.template.signatures))
    return to_bytes(document)


def _fields(document: Any, rows: list[tuple[str, str]]) -> None:
    from docx.shared import Mm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        add_run(cells[0].paragraphs[0], label, HEADING_FONT, 12)
        add_run(cells[1].paragraphs[0], value or "—", size=12)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Mm(30), Mm(126)


def render_notice_docx(notice: Notice) -> bytes:
    """决议公开 / 实施结果公开 and other notices: title, body, publicity period, signer and date right-aligned."""
    document = new_document()
    add_paragraph(document, notice.title, "center", TITLE_FONT, TITLE_PT, bold=True)
    for text in notice.paragraphs:
        add_paragraph(document, text, indent=True)
    if notice.period is not None:
        add_paragraph(document, period_line(notice), indent=True)
    add_paragraph(document, notice.kind.closing, indent=True)
    add_paragraph(document, "")
    add_paragraph(document, notice.signer, "right")
    add_paragraph(document, chinese_date(notice.signed_on), "right")
    return to_bytes(document)
