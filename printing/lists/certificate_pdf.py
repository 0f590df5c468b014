"""The honour certificate (荣誉证书) of a red list entry: A4 landscape, red frame and title, signer and date."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from models.lists.honours import HonourCertificate
from printing.core.blocks import paragraph
from printing.core.fingerprint import content_fingerprint
from printing.core.layout import DocumentMeta, PageSpec, render
from printing.core.styles import HEADER_RED, poster_styles


def certificate_page() -> PageSpec:
    return PageSpec("A4", True, 18 * mm, 18 * mm, 20 * mm, 18 * mm, page_numbers=False)


def certificate_fingerprint(certificate: HonourCertificate) -> str:
    return content_fingerprint("honour_certificate", certificate.texts)


def _styles() -> dict[str, ParagraphStyle]:
    base = poster_styles()
    return {"title": ParagraphStyle("certificate_title", parent=base.title, fontSize=44, leading=60,
                                    textColor=HEADER_RED, alignment=1),
            "recipient": ParagraphStyle("certificate_recipient", parent=base.body, fontSize=24, leading=36,
                                        firstLineIndent=0),
            "body": ParagraphStyle("certificate_body", parent=base.body, fontSize=20, leading=34, firstLineIndent=40),
            "sign": ParagraphStyle("certificate_sign", parent=base.signature, fontSize=20, leading=30, alignment=2),
            "number": ParagraphStyle("certificate_number", parent=base.body, fontSize=11, leading=16,
                                     firstLineIndent=0)}


def build_story(certificate: HonourCertificate, spec: PageSpec) -> list[Flowable]:
    """The certificate as one framed cell: title, recipient, citation, signer, date and number."""
    styles = _styles()
    title, recipient, citation, closing, signer, day, number = certificate.texts
    cell = [paragraph(title, styles["title"], "证书标题"), Spacer(1, 8 * mm),
            paragraph(recipient, styles["recipient"], "受表彰户"), paragraph(citation, styles["body"], "表彰事由"),
            paragraph(closing, styles["body"], "表彰事由"), Spacer(1, 12 * mm),
            paragraph(signer, styles["sign"], "落款"), paragraph(day, styles["sign"], "落款"), Spacer(1, 6 * mm),
            paragraph(number, styles["number"], "证书编号")]
    frame = Table([[cell]], colWidths=[spec.text_width], rowHeights=[spec.text_height - 8 * mm])
    frame.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 3, HEADER_RED),
                               ("INNERGRID", (0, 0), (-1, -1), 0, HEADER_RED),
                               ("LEFTPADDING", (0, 0), (-1, -1), 22 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 22 * mm),
                               ("TOPPADDING", (0, 0), (-1, -1), 14 * mm), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [frame]


def render_certificate_pdf(certificate: HonourCertificate, progress: Callable[[int], None] | None = None) -> bytes:
    """The certificate as PDF bytes (one A4 landscape page)."""
    spec = certificate_page()
    meta = DocumentMeta(f"荣誉证书（{certificate.recipient}）", certificate_fingerprint(certificate))
    return render(build_story(certificate, spec), spec, meta, progress)
