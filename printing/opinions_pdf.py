"""Step 5 (征求民意) on paper: the call for opinions, numbered opinion forms, and 意见采纳情况说明.

- The call for opinions is a 公告 on the GB/T 9704 page with its period and every channel listed.
- Opinion forms (意见征求表) carry a serial number (2026-0007: year and household number) so an opinion typed in
  later points back to its paper form; one form per household, two to an A4 page, with a cut line between.
- 意见采纳情况说明 is an A4 landscape table of every opinion with its disposition and reason, totals above it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Spacer

from models.notices import Notice, NoticeKind, chinese_date, publicity_period
from models.workflow_records import Channel, Disposition, Opinion
from printing.blocks import paragraph, title
from printing.fingerprint import content_fingerprint, qr_payload
from printing.layout import DocumentMeta, render, table_page
from printing.styles import TextStyles, table_styles
from printing.tables import grid_table, long_table

REPLY_HEADER = ("编号", "提出人", "渠道", "涉及条款", "意见内容", "处理结果", "理由")
REPLY_WIDTHS = (1.0, 1.6, 1.6, 1.4, 5.0, 1.4, 4.0)
FORM_ROWS = 7  # ruled lines for the opinion itself


def call_for_opinions(rulebook_title: str, draft_number: int, signer: str, start: date,
                      end: date | None = None) -> Notice:
    """征求意见公告: what is asked, until when (both dates), and every way to answer."""
    ways = "、".join(channel.label for channel in Channel)
    paragraphs = (f"为做好《{rulebook_title}》修订工作，让每户村民都能参与，现将《{rulebook_title}》修订草案"
                  f"（第{draft_number}稿）公开征求全体村民意见。",
                  "一、征求范围", "本村全体村民，包括外出务工、经商、上学的村民。",
                  "二、提出方式", f"可通过{ways}等方式提出。村民小组组长和执行委员会成员将入户发放意见征求表；"
                  "不便书写的，可口述，由他人代写并注明代写人。",
                  "三、有关要求", "请写明真实姓名和户号，意见尽量说明涉及哪一条。每条意见都将登记编号并逐条答复，"
                  "采纳情况将在修订完成前公开。")
    return Notice(NoticeKind.ANNOUNCEMENT, f"关于征求《{rulebook_title}》修订意见的公告", paragraphs, signer, start,
                  publicity_period(start, end), version=str(draft_number))


@dataclass(frozen=True)
class OpinionForms:
    """Blank opinion forms for households: (serial, 户号, 户主) each."""

    rulebook_title: str
    draft_number: int
    households: tuple[tuple[str, str, str], ...]

    @property
    def title(self) -> str:
        return f"《{self.rulebook_title}》修订意见征求表"


def form_serial(year: int, household_no: str) -> str:
    return f"{year}-{household_no}"


def form_lines(forms: OpinionForms, household: tuple[str, str, str]) -> list[str]:
    serial, number, head = household
    return [forms.title, f"编号：{serial}", f"户号：{number}", f"户主：{head}",
            f"征求对象：《{forms.rulebook_title}》修订草案（第{forms.draft_number}稿）"]


def _form(forms: OpinionForms, household: tuple[str, str, str], styles: TextStyles, width: float) -> Flowable:
    serial, number, head = household
    record = f"{number}户的意见征求表"
    header = [paragraph(text, styles.table_header, record) for text in
              (f"编号：{serial}", f"户号：{number}", f"户主：{head}")]
    label = [paragraph("意见和建议（可写明涉及第几条）：", styles.table_cell, record), "", ""]
    blank: list[list[object]] = [["", "", ""] for _ in range(FORM_ROWS)]
    footer = [paragraph(text, styles.table_cell, record) for text in ("提出人签名：", "代写人：", "日期：    年  月  日")]
    table = grid_table([header, label, *blank, footer], (1, 1, 1), width, styles,
                       [None, None] + [9 * mm] * FORM_ROWS + [12 * mm], header_rows=0,
                       extra=[("SPAN", (0, 1), (-1, 1)), *((("SPAN", (0, r), (-1, r))) for r in range(2, 2 + FORM_ROWS)),
                              ("LINEBELOW", (0, 1), (-1, FORM_ROWS), 0.3, "black")])
    intro = paragraph(f"征求对象：《{forms.rulebook_title}》修订草案（第{forms.draft_number}稿）", styles.table_cell,
                      record)
    return KeepTogether([title(forms.title, styles, width, record), intro, Spacer(1, 2 * mm), table])


def forms_story(forms: OpinionForms) -> list[Flowable]:
    spec, styles = table_page("A4", landscape=False), table_styles(11.0)
    story: list[Flowable] = []
    for index, household in enumerate(forms.households):
        if index and index % 2 == 0:
            story.append(PageBreak())
        elif index:
            story += [Spacer(1, 4 * mm), HRFlowable(width=spec.text_width, thickness=0.6, dash=(4, 3)),
                      Spacer(1, 4 * mm)]
        story.append(_form(forms, household, styles, spec.text_width))
    return story


def forms_fingerprint(forms: OpinionForms) -> str:
    return content_fingerprint("opinion_forms", [line for h in forms.households for line in form_lines(forms, h)],
                               str(forms.draft_number))


def render_opinion_forms_pdf(forms: OpinionForms, qr: bool = False, progress: Callable[[int], None] | None = None
                             ) -> bytes:
    fingerprint = forms_fingerprint(forms)
    payload = qr_payload(fingerprint, forms.title) if qr else None
    return render(forms_story(forms), table_page("A4", landscape=False),
                  DocumentMeta(forms.title, fingerprint, payload), progress)


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
    return [(str(o.number), o.name, o.channel.label, o.article_label or "整体", o.text,
             o.reply.disposition.label if o.reply else "未答复", o.reply.reason if o.reply else "")
            for o in sorted(opinions, key=lambda o: o.number)]


def statement_texts(statement: AdoptionStatement) -> list[str]:
    return [statement.title, totals_line(statement.opinions), *REPLY_HEADER,
            *(cell for row in reply_rows(statement.opinions) for cell in row), statement.signer,
            chinese_date(statement.signed_on)]


def statement_fingerprint(statement: AdoptionStatement) -> str:
    version = ";".join(f"{o.id}:{o.reply.disposition.value if o.reply else ''}" for o in statement.opinions)
    return content_fingerprint("adoption", statement_texts(statement), version)


def statement_story(statement: AdoptionStatement) -> list[Flowable]:
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
    return render(statement_story(statement), table_page("A4", landscape=True),
                  DocumentMeta(statement.title, fingerprint, payload), progress)
