"""Rules files on disk: reading .md/.txt/.docx into paragraphs, writing Markdown and Word (.docx)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from models.core.errors import DomainError
from models.core.numerals import article_label
from models.rules.document import RuleVersion, numbered_articles
from models.rules.diff import ComparisonRow, SegmentKind, segments_markdown
from models.rules.reading import SourceLine
from models.rules.text import chapter_headings, render_markdown
from storage.core.archive_guard import check_office_file
from storage.core.files import atomic_write
from storage.rules.word import BODY_FONT, HEADING_FONT, TITLE_FONT, read_docx_lines, setup_page

TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def read_paragraphs(path: Path) -> list[SourceLine]:
    """One entry per line (text) or paragraph (Word, with its automatic number written out and its role hint);
    refuses other formats with a clear message."""
    if not path.is_file():
        raise DomainError(f"找不到文件“{path}”。请检查路径。")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix in TEXT_SUFFIXES:
        return [SourceLine(line) for line in _read_text(path).splitlines()]
    if suffix == ".doc":
        raise DomainError("不能直接读取旧版 Word（.doc）文件。请在 Word 或 WPS 中“另存为”.docx 后再导入。")
    raise DomainError(f"不支持“{path.suffix}”文件。请导入 .docx、.md 或 .txt 文件。")


MAX_TEXT_BYTES = 16 * 1024 * 1024  # a rulebook is a few dozen KB; anything this large is not one


def _read_text(path: Path) -> str:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise DomainError(f"“{path.name}”超过 {MAX_TEXT_BYTES // 1024 ** 2} MB，不像村规民约文本。未导入任何内容。")
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese Windows saves plain text as GBK by default
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError(f"“{path.name}”的文字编码无法识别。请用 UTF-8 编码另存后再导入。")


def _read_docx(path: Path) -> list[SourceLine]:
    import docx  # python-docx loads only when a Word file is used
    from docx.opc.exceptions import PackageNotFoundError

    check_office_file(path)  # size bombs and XML entities, before python-docx inflates anything
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:  # lxml's XMLSyntaxError is one
        raise DomainError(f"“{path.name}”不是有效的 Word（.docx）文件：{error}。请用 Word 或 WPS 重新保存。") from error
    return read_docx_lines(document)


def write_rules_file(version: RuleVersion, title: str, path: Path) -> Path:
    """Write the version as Markdown or Word, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".txt"):
        atomic_write(path, render_markdown(version, title).encode("utf-8"), 0o600)
    elif suffix == ".docx":
        atomic_write(path, render_docx(version, title), 0o600)
    else:
        raise DomainError("导出文件名应以 .md 或 .docx 结尾。")
    return path


def render_docx(version: RuleVersion, title: str) -> bytes:
    """An official-looking Word document on A4 (GB/T 9704 margins): centred title, preamble, centred chapter and
    section headings, bold 第X条 in 黑体 and the text in 仿宋, the closing right-aligned; verse as centred stanzas."""
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    setup_page(document)
    size = Pt(16)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(heading, title or version.title, bold=True, size=Pt(22), font=TITLE_FONT)
    for text in version.preamble:
        _indented(document, text, size)
    headings = chapter_headings(version)
    numbered = iter(numbered_articles(version))
    for chapter in version.chapters:
        if headings[chapter.key] and not version.verse:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, headings[chapter.key], bold=True, size=size, font=HEADING_FONT)
        for _ in chapter.articles:
            article = next(numbered)
            if version.verse:
                for line in (article.text, *article.items):
                    stanza = document.add_paragraph()
                    stanza.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    _run(stanza, line, bold=False, size=size, font=BODY_FONT)
                continue
            paragraph = _indented(document, "", size)
            _run(paragraph, article_label(article.number) + "\u3000", bold=True, size=size, font=HEADING_FONT)
            _run(paragraph, article.text, bold=False, size=size, font=BODY_FONT)
            for item in article.items:
                _indented(document, item, size)
    for text in version.closing:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(paragraph, text, bold=False, size=size, font=BODY_FONT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _indented(document: Any, text: str, size: Any) -> Any:
    """A body paragraph with the first line indented two characters, as Chinese official text is set."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = size * 2
    if text:
        _run(paragraph, text, bold=False, size=size, font=BODY_FONT)
    return paragraph


def _run(paragraph: Any, text: str, bold: bool, size: Any, font: str) -> Any:
    from docx.oxml.ns import qn

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = size
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def write_comparison_file(rows: list[ComparisonRow], heading: str, path: Path) -> Path:
    """The 修改对照表 as Markdown or Word: insertions underlined and bold, deletions struck through."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        atomic_write(path, comparison_markdown(rows, heading).encode("utf-8"), 0o600)
    elif suffix == ".docx":
        atomic_write(path, _comparison_docx(rows, heading), 0o600)
    else:
        raise DomainError("修改对照表的文件名应以 .md 或 .docx 结尾。")
    return path


def comparison_markdown(rows: list[ComparisonRow], heading: str) -> str:
    lines = [f"# {heading}", "", "| 原条文 | 修改后条文 | 修改理由 |", "|---|---|---|"]
    for row in rows:
        before, after = row.original, row.revised
        if row.segments:
            before = f"{article_label(row.old_number or 0)} {segments_markdown(row.segments, 'before')}"
            after = f"{article_label(row.new_number or 0)} {segments_markdown(row.segments, 'after')}"
        cells = (c.replace("|", "｜").replace("\n", "<br>") for c in (before, after, row.reason))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "说明：增加的文字加下划线并加粗，删除的文字加删除线。"]
    return "\n".join(lines) + "\n"


def _comparison_docx(rows: list[ComparisonRow], heading: str) -> bytes:
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    setup_page(document, landscape=True)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, heading, bold=True, size=Pt(18), font="宋体")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("原条文", "修改后条文", "修改理由")):
        _run(cell.paragraphs[0], text, bold=True, size=Pt(12), font="黑体")
    for row in rows:
        cells = table.add_row().cells
        _comparison_cell(cells[0].paragraphs[0], row, "before")
        _comparison_cell(cells[1].paragraphs[0], row, "after")
        _run(cells[2].paragraphs[0], row.reason, bold=False, size=Pt(12), font="仿宋")
    note = document.add_paragraph()
    _run(note, "说明：增加的文字加下划线并加粗，删除的文字加删除线。", bold=False, size=Pt(10), font="仿宋")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _comparison_cell(paragraph: Any, row: ComparisonRow, side: str) -> None:
    from docx.shared import Pt

    size = Pt(12)
    if not row.segments:
        _run(paragraph, row.original if side == "before" else row.revised, bold=False, size=size, font="仿宋")
        return
    number = row.old_number if side == "before" else row.new_number
    _run(paragraph, article_label(number or 0) + " ", bold=False, size=size, font="仿宋")
    for segment in row.segments:
        if segment.kind is SegmentKind.EQUAL:
            _run(paragraph, segment.text, bold=False, size=size, font="仿宋")
        elif segment.kind is SegmentKind.INSERT and side == "after":
            _run(paragraph, segment.text, bold=True, size=size, font="仿宋").underline = True
        elif segment.kind is SegmentKind.DELETE and side == "before":
            _run(paragraph, segment.text, bold=False, size=size, font="仿宋").font.strike = True
