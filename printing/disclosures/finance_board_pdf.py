"""财务公开栏 of one month: A4 portrait, the lines as the accounts gave them, the totals, the supervisors' line."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.core.notices import chinese_date
from models.disclosures.finance import yuan
from models.disclosures.print_sources import FinanceBoard
from printing.core.catalogue import PrintJob
from printing.core.layout import table_page
from printing.core.tables import TableDocument, render_table_pdf, table_texts
from printing.core.fingerprint import content_fingerprint


def finance_document(board: FinanceBoard, today: date) -> TableDocument:
    sheet = board.sheet
    year, month = sheet.month.split("-")
    rows = tuple((line.on.isoformat(), line.summary, yuan(line.income) if line.income else "",
                  yuan(line.expense) if line.expense else "") for line in sheet.lines)
    rows += (("合计", "", yuan(sheet.income), yuan(sheet.expense)),)
    return TableDocument(
        f"{board.village}{year}年{int(month)}月财务公开", ("日期", "摘要", "收入（元）", "支出（元）"), rows,
        (2.2, 6.0, 2.2, 2.2),
        before=(f"本月收入合计 {yuan(sheet.income)} 元，支出合计 {yuan(sheet.expense)} 元，"
                f"收支相抵 {yuan(sheet.income - sheet.expense)} 元。",),
        after=("以上收支由村会计提供，经村务监督委员会审核后公开。如有疑问，请在公开期内向村务监督委员会提出，"
               "村民委员会将在七日内答复。", "村务监督委员会（签字）：", f"{board.village}村民委员会　{chinese_date(today)}"),
        record="财务公开", version=sheet.month)


def finance_fingerprint(board: FinanceBoard, today: date) -> str:
    document = finance_document(board, today)
    return content_fingerprint(f"table:{document.record}", table_texts(document), document.version)


def render_finance_board_pdf(board: FinanceBoard, today: date,
                             progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(finance_document(board, today), table_page("A4", landscape=False), progress=progress)


def finance_job(board: FinanceBoard, today: date) -> PrintJob:
    return PrintJob(f"{board.sheet.month}财务公开", finance_fingerprint(board, today),
                    lambda progress: render_finance_board_pdf(board, today, progress))
