"""意见采纳情况说明: every opinion of the revision with its disposition and reason, totals above (A4 landscape)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from models.core.notices import chinese_date
from models.workflow.masking import shown_name
from models.workflow.records import Disposition, Opinion
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, render, table_page
from printing.core.styles import table_styles
from printing.core.tables import long_table

REPLY_HEADER = ("编号", "提出人", "渠道", "涉及条款", "意见内容", "处理结果", "理由")
REPLY_WIDTHS = (1.0, 1.6, 1.6, 1.4, 5.0, 1.4, 4.0)


@dataclass(frozen=True)
class AdoptionStatement:
    """意见采纳情况说明: every opinion of the revision with its reply."""

    rulebook_title: str
    signer: str
    signed_on: date
    opinions: tuple[Opinion, ...]

    @property
    def title(self) -> str:
        return f"《{self.rulebook_title}》修订意见采纳情况说明"


def totals_line(opinions: Sequence[Opinion]) -> str:
    counts = {d: sum(1 for o in opinions if o.reply and o.reply.disposition is d) for d in Disposition}
    waiting = sum(1 for o in opinions if o.reply is None)
    text = (f"本次修订共收到意见{len(opinions)}条，其中采纳{counts[Disposition.ADOPTED]}条，"
            f"部分采纳{counts[Disposition.PARTLY]}条，不采纳{counts[Disposition.REJECTED]}条")
    return text + (f"，尚未答复{waiting}条。" if waiting else "。逐条情况如下：")


def reply_rows(opinions: Sequence[Opinion]) -> list[tuple[str, ...]]:
    return [(str(o.number), shown_name(o), o.channel.label, o.article_label or "整体", o.text,
             o.reply.disposition.label if o.reply else "未答复", o.reply.reason if o.reply else "")
            for o in sorted(opinions, key=lambda o: o.number)]


def statement_texts(statement: AdoptionStatement) -> list[str]:
    return [statement.title, totals_line(statement.opinions), *REPLY_HEADER,
            *(cell for row in reply_rows(statement.opinions) for cell in row), statement.signer,
            chinese_date(statement.signed_on)]


def statement_fingerprint(statement: AdoptionStatement) -> str:
    version = ";".join(f"{o.id}:{o.reply.disposition.value if o.reply else ''}" for o in statement.opinions)
    return content_fingerprint("adoption", statement_texts(statement), version)


def build_story(statement: AdoptionStatement) -> list[Flowable]:
    spec, styles = table_page("A4", landscape=True), table_styles(10.5)
    right = styles.table_cell.clone("signer_right", alignment=2)
    return [title(statement.title, styles, spec.text_width, "采纳情况说明"),
            paragraph(totals_line(statement.opinions), styles.table_cell, "采纳情况说明"), Spacer(1, 3 * mm),
            long_table(REPLY_HEADER, reply_rows(statement.opinions), REPLY_WIDTHS, spec.text_width, styles, "意见登记"),
            Spacer(1, 8 * mm), paragraph(statement.signer, right, "落款"),
            paragraph(chinese_date(statement.signed_on), right, "落款")]


def render_adoption_statement_pdf(statement: AdoptionStatement, qr: bool = False,
                                  progress: Callable[[int], None] | None = None) -> bytes:
    fingerprint = statement_fingerprint(statement)
    payload = qr_payload(fingerprint, statement.title) if qr else None
    return render(build_story(statement), table_page("A4", landscape=True),
                  DocumentMeta(statement.title, fingerprint, payload), progress)
