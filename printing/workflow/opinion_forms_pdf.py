"""意见征求表: one opinion form per household, numbered (2026-0007: year and household number), two to an A4 page.

The serial is what an opinion typed in later records as its `form_serial`, so it points back to its paper form.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Spacer

from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, render, table_page
from printing.core.styles import TextStyles, table_styles
from printing.core.tables import grid_table

FORM_ROWS = 6  # ruled lines for the opinion itself


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
    # Villagers who cannot write press a thumbprint in the box; the 代写人 signs beside it.
    thumb = [paragraph("不会写字的，请在右侧方框内按手印，并由代写人在上栏签名。", styles.table_cell, record), "",
             paragraph("手印：", styles.table_cell, record)]
    thumb_row = 3 + FORM_ROWS
    table = grid_table([header, label, *blank, footer, thumb], (1, 1, 1), width, styles,
                       [None, None] + [9 * mm] * FORM_ROWS + [12 * mm, 18 * mm], header_rows=0,
                       extra=[("SPAN", (0, 1), (-1, 1)), *((("SPAN", (0, r), (-1, r))) for r in range(2, 2 + FORM_ROWS)),
                              ("LINEBELOW", (0, 1), (-1, FORM_ROWS), 0.3, "black"),
                              ("SPAN", (0, thumb_row), (1, thumb_row)), ("VALIGN", (2, thumb_row), (2, thumb_row), "TOP")])
    intro = paragraph(f"征求对象：《{forms.rulebook_title}》修订草案（第{forms.draft_number}稿）", styles.table_cell,
                      record)
    return KeepTogether([title(forms.title, styles, width, record), intro, Spacer(1, 2 * mm), table])


def build_story(forms: OpinionForms) -> list[Flowable]:
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
    return render(build_story(forms), table_page("A4", landscape=False),
                  DocumentMeta(forms.title, fingerprint, payload), progress)
