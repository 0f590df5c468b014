"""The generic notice (公示 / 公告 / 通知) on the GB/T 9704 page, or as an A3 poster for the display board."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer

from models.core.notices import Notice, NoticeKind, chinese_date
from printing.core.blocks import body_paragraph, closing_block, paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, notice_page, poster_page, render
from printing.core.styles import HEADER_RED, TextStyles, notice_styles, poster_styles


@dataclass(frozen=True)
class NoticeOptions:
    """How to print a notice: paper, poster mode, seal area, optional red header and QR code."""

    paper: str = "A4"
    poster: bool = False
    seal: bool = True
    red_header: str = ""  # issuing organ printed in red above a red rule; empty: none
    qr: bool = False

    def page(self) -> PageSpec:
        return poster_page(self.paper) if self.poster else notice_page(self.paper)

    def styles(self) -> TextStyles:
        return poster_styles() if self.poster else notice_styles()


def period_line(notice: Notice) -> str:
    """公示期：2025年3月7日至2025年3月13日 (R47: both dates printed)."""
    assert notice.period is not None
    return f"{notice.kind.label}期：{notice.period.text}（共{notice.period.days}天）"


def printed_texts(notice: Notice) -> list[str]:
    """Every text the notice prints, in order: what the fingerprint covers and what tests read back."""
    texts = [notice.title, *notice.paragraphs]
    if notice.period is not None:
        texts.append(period_line(notice))
    texts += [f"附件：{name}" for name in notice.attachments]
    return texts + [notice.kind.closing, notice.signer, chinese_date(notice.signed_on)]


def notice_fingerprint(notice: Notice) -> str:
    return content_fingerprint(f"notice:{notice.kind.value}", printed_texts(notice), notice.version)


def _header(organ: str, styles: TextStyles, width: float) -> list[Flowable]:
    style = styles.title.clone("red_header", textColor=HEADER_RED, fontSize=styles.title.fontSize * 1.3,
                               leading=styles.title.leading * 1.3)
    return [paragraph(organ, style, "红头"), Spacer(1, 2 * mm), HRFlowable(width=width, thickness=1.5, color=HEADER_RED, spaceAfter=styles.line)]


def build_story(notice: Notice, options: NoticeOptions = NoticeOptions()) -> list[Flowable]:
    """The notice as flowables: (red header,) title, body, period, attachments, closing and signature block."""
    styles, width = options.styles(), options.page().column_width
    story: list[Flowable] = _header(options.red_header, styles, width) if options.red_header else []
    story += [title(notice.title, styles, width), Spacer(1, styles.line * 0.25)]
    story += [body_paragraph(text, styles, "正文") for text in notice.paragraphs]
    if notice.period is not None:
        story.append(paragraph(period_line(notice), styles.body, "公示期"))
    if notice.attachments:
        story.append(Spacer(1, styles.line))
        story += [paragraph(f"附件：{name}", styles.body, "附件说明") for name in notice.attachments]
    story.append(closing_block(notice.kind.closing, notice.signer, chinese_date(notice.signed_on), styles,
                               options.seal))
    return story


def render_notice_pdf(notice: Notice, options: NoticeOptions = NoticeOptions(),
                      progress: Callable[[int], None] | None = None) -> bytes:
    """The notice as PDF bytes; `progress(page)` is called as each page is laid out."""
    fingerprint = notice_fingerprint(notice)
    payload = qr_payload(fingerprint, notice.title, notice.version) if options.qr else None
    meta = DocumentMeta(notice.title, fingerprint, payload)
    return render(build_story(notice, options), options.page(), meta, progress)


def is_publicity(notice: Notice) -> bool:
    return notice.kind is NoticeKind.PUBLICITY
