"""The rules (村规民约) as an A4 booklet, or as an A3 poster in two or three columns of large type."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, FrameBreak, Spacer

from models.core.notices import chinese_date
from models.rules.document import Rulebook, RuleVersion, VersionStatus, numbered_articles
from models.rules.text import chapter_headings
from models.core.numerals import article_label
from printing.core import glyphs as glyphs
from printing.core.blocks import paragraph, title
from printing.core.fingerprint import content_fingerprint, qr_payload
from printing.core.layout import DocumentMeta, PageSpec, notice_page, poster_page, render
from printing.core.styles import TextStyles, column_poster_styles, notice_styles
from printing.core.text import ChineseParagraph


@dataclass(frozen=True)
class RulesOptions:
    """Booklet (A4 portrait, GB/T 9704 page) or poster (A3: landscape in three columns; A4: two columns)."""

    paper: str = "A4"
    poster: bool = False
    qr: bool = False

    def page(self) -> PageSpec:
        if not self.poster:
            return notice_page(self.paper)
        if self.paper == "A3":
            return poster_page("A3", landscape=True, columns=3)
        return poster_page("A4", landscape=False, columns=2)

    def styles(self) -> TextStyles:
        return column_poster_styles() if self.poster else notice_styles()


def document_title(rulebook: Rulebook, version: RuleVersion) -> str:
    return version.title or rulebook.title


def version_line(version: RuleVersion) -> str:
    """（第2版，2026年5月1日起施行） or （第3版，草稿） under the title."""
    if version.status is VersionStatus.DRAFT:
        return f"（第{version.number}版，草稿）"
    try:
        effective = date.fromisoformat(version.effective_date[:10]) if version.effective_date else None
    except ValueError:
        effective = None
    if effective is not None:
        return f"（第{version.number}版，{chinese_date(effective)}起施行）"
    return f"（第{version.number}版，{version.status.label}）"


def printed_texts(rulebook: Rulebook, version: RuleVersion) -> list[str]:
    """Every text the rules print, in order (what the fingerprint covers and the tests read back)."""
    headings = chapter_headings(version)
    texts = [document_title(rulebook, version), version_line(version), *version.preamble]
    numbered = iter(numbered_articles(version))
    for chapter in version.chapters:
        if headings[chapter.key] and not version.verse:
            texts.append(headings[chapter.key])
        for _ in chapter.articles:
            article = next(numbered)
            first = article.text if version.verse else f"{article_label(article.number)} {article.text}"
            texts += [first, *article.items]
    return texts + list(version.closing)


def rules_fingerprint(rulebook: Rulebook, version: RuleVersion) -> str:
    return content_fingerprint("rules", printed_texts(rulebook, version), f"{version.id}:{version.number}")


def _article(label: str, text: str, styles: TextStyles, record: str) -> ChineseParagraph:
    """第N条 in the hei face, then the article text in the body face."""
    hei = styles.heading1.fontName
    head = f'<font name="{hei}">{glyphs.markup(label, hei, record)}</font>'
    return ChineseParagraph(f"{head}\u3000{glyphs.markup(text, styles.body.fontName, record)}", styles.body)


def _chapter(text: str, styles: TextStyles) -> list[Flowable]:
    style = styles.heading1.clone("chapter", alignment=TA_CENTER, firstLineIndent=0, spaceBefore=styles.line / 2,
                                  spaceAfter=styles.line / 4)
    return [CondPageBreak(styles.line * 3), paragraph(text, style, "章标题")]


def _heading(rulebook: Rulebook, version: RuleVersion, styles: TextStyles, width: float) -> list[Flowable]:
    line_style = styles.body.clone("version_line", alignment=TA_CENTER, firstLineIndent=0)
    return [title(document_title(rulebook, version), styles, width, "规约标题"),
            paragraph(version_line(version), line_style, "版本说明"), Spacer(1, styles.line / 2)]


def build_story(rulebook: Rulebook, version: RuleVersion, options: RulesOptions = RulesOptions()) -> list[Flowable]:
    """Title and version line (across all columns on a poster), then chapters and articles."""
    styles, spec = options.styles(), options.page()
    story = _heading(rulebook, version, styles, spec.text_width)
    if spec.columns > 1:
        story.append(FrameBreak())
    story += [paragraph(text, styles.body, "前言") for text in version.preamble]
    headings = chapter_headings(version)
    numbered = iter(numbered_articles(version))
    verse = styles.body.clone("verse", alignment=TA_CENTER, firstLineIndent=0)
    for chapter in version.chapters:
        if headings[chapter.key] and not version.verse:
            story += _chapter(headings[chapter.key], styles)
        for _ in chapter.articles:
            article = next(numbered)
            record = f"{article_label(article.number)}"
            if version.verse:  # a stanza is printed as written; its number is for reference only
                story += [paragraph(line, verse, record) for line in (article.text, *article.items)]
                continue
            story.append(_article(article_label(article.number), article.text, styles, record))
            story += [paragraph(item, styles.body, record) for item in article.items]
    closing = styles.body.clone("closing", alignment=TA_RIGHT, firstLineIndent=0)
    if version.closing:
        story.append(Spacer(1, styles.line / 2))
    return story + [paragraph(text, closing, "落款") for text in version.closing]


def banner_height(rulebook: Rulebook, version: RuleVersion, options: RulesOptions) -> float:
    """Height of the title band of a poster's first page (0 for a booklet)."""
    spec, styles = options.page(), options.styles()
    if spec.columns == 1:
        return 0.0
    heading = _heading(rulebook, version, styles, spec.text_width)
    return sum(f.wrap(spec.text_width, spec.text_height)[1] + f.getSpaceAfter() for f in heading) + 4 * mm


def render_rules_pdf(rulebook: Rulebook, version: RuleVersion, options: RulesOptions = RulesOptions(),
                     progress: Callable[[int], None] | None = None) -> bytes:
    """The rules as PDF bytes; `progress(page)` is called as each page is laid out."""
    fingerprint = rules_fingerprint(rulebook, version)
    name = document_title(rulebook, version)
    payload = qr_payload(fingerprint, name, str(version.number)) if options.qr else None
    return render(build_story(rulebook, version, options), options.page(), DocumentMeta(name, fingerprint, payload),
                  progress, banner_height(rulebook, version, options))
