"""Rules as plain text: parsing 第X章 / 第X条 headings from text, Markdown or Word paragraphs, and Markdown output."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.core.ids import new_id
from models.core.numerals import NUMERAL_CHARS, article_label, chapter_label, parse_number
from models.rules.document import (REF_CLOSE, REF_OPEN, NUMBER_REFERENCE, Article, Chapter, RuleVersion,
                          numbered_articles)

_SEPARATORS = r"[\s\u3000、：:.．*]*"
_LEAD = r"^[#>\s\u3000*]*"
CHAPTER_HEADING = re.compile(f"{_LEAD}第([{NUMERAL_CHARS}]+)章{_SEPARATORS}(.*)$")
ARTICLE_HEADING = re.compile(f"{_LEAD}第([{NUMERAL_CHARS}]+)条{_SEPARATORS}(.*)$")
TITLE_WORDS = re.compile(r"村规民约|章程|公约|规约")
SIGNATURE = re.compile(r"^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[^，。；]{2,20}(村民委员会|村委会|村党支部))\s*$")


@dataclass(frozen=True)
class ParseProblem:
    """A line the parser could not place, with the reason in Chinese."""

    line: int
    text: str
    reason: str


@dataclass
class ParsedRules:
    """The result of reading a rules text: its title, chapters, and what could not be placed."""

    title: str = ""
    chapters: list[Chapter] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        return sum(len(c.articles) for c in self.chapters)


@dataclass
class _Draft:
    """Mutable state while reading lines."""

    result: ParsedRules
    chapter_title: str | None = None
    chapter_key: str = ""
    articles: list[list[str]] = field(default_factory=list)
    declared: list[int | None] = field(default_factory=list)
    expected_chapter: int = 1


def parse_rules_text(text: str) -> ParsedRules:
    """Parse rules text (plain or Markdown) into chapters and articles; keys are new."""
    return parse_rules_lines(text.splitlines())


def parse_rules_lines(lines: list[str]) -> ParsedRules:
    """Parse one paragraph per entry (a text line or a Word paragraph)."""
    state = _Draft(ParsedRules())
    numbers: list[tuple[int | None, str]] = []  # (declared number, key) per article
    for line_no, raw in enumerate(lines, 1):
        line = raw.replace("\u00a0", " ").strip()
        if line:
            _read_line(state, line_no, line, numbers)
    _close_chapter(state, numbers)
    _check_numbering(state.result, [n for n, _ in numbers])
    _capture_source_references(state.result, numbers)
    return state.result


def _read_line(state: _Draft, line_no: int, line: str, numbers: list[tuple[int | None, str]]) -> None:
    if chapter := CHAPTER_HEADING.match(line):
        _close_chapter(state, numbers)
        _check_chapter_number(state, line_no, line, parse_number(chapter.group(1)))
        state.chapter_title, state.chapter_key = _clean(chapter.group(2)), new_id()
    elif article := ARTICLE_HEADING.match(line):
        state.articles.append([_clean(article.group(2))])
        state.declared.append(parse_number(article.group(1)))
    elif line.startswith("#") and not state.result.title and not state.articles and state.chapter_title is None:
        state.result.title = _clean(line)
    elif not state.result.title and not state.articles and state.chapter_title is None \
            and len(line) <= 40 and TITLE_WORDS.search(line) and not line.startswith(">"):
        state.result.title = _clean(line)
    elif SIGNATURE.match(line):
        state.result.problems.append(ParseProblem(line_no, line, "落款或日期，未归入任何条款"))
    elif state.articles and not line.startswith(">"):
        state.articles[-1].append(_clean(line))
    else:
        state.result.problems.append(ParseProblem(line_no, line, _unplaced_reason(state, line)))


def _unplaced_reason(state: _Draft, line: str) -> str:
    if line.startswith(">"):
        return "引用或说明文字，未归入任何条款"
    if state.chapter_title is not None:
        return "位于章标题和第一条之间，未归入任何条款"
    return "位于第一条之前，未归入任何条款"


def _clean(text: str) -> str:
    text = re.sub(r"^[#\s\u3000]+", "", text).strip()
    return re.sub(r"^\*\*|\*\*$", "", text).strip().replace("**", "")


def _close_chapter(state: _Draft, numbers: list[tuple[int | None, str]]) -> None:
    if state.chapter_title is None and not state.articles:
        return
    built: list[Article] = []
    for paragraphs, declared in zip(state.articles, state.declared):
        body = [p for p in paragraphs if p]
        key = new_id()
        built.append(Article(key, body[0] if body else "", tuple(body[1:])))
        numbers.append((declared, key))
    state.result.chapters.append(Chapter(state.chapter_key or new_id(), state.chapter_title or "", tuple(built)))
    state.articles, state.declared = [], []
    state.chapter_title, state.chapter_key = None, ""


def _check_chapter_number(state: _Draft, line_no: int, line: str, number: int | None) -> None:
    if number != state.expected_chapter:
        state.result.problems.append(ParseProblem(
            line_no, line, f"章号不连续（应为{chapter_label(state.expected_chapter)}），已按顺序重新编号"))
    state.expected_chapter += 1


def _check_numbering(result: ParsedRules, declared: list[int | None]) -> None:
    for position, number in enumerate(declared, 1):
        if number != position:
            result.problems.append(ParseProblem(
                0, f"原文第{number}条" if number else "原文条号无法识别",
                f"条号与位置不符，已自动编为{article_label(position)}"))
    for chapter in result.chapters:
        for article in chapter.articles:
            if not article.text:
                result.problems.append(ParseProblem(0, chapter.title or "（无章）", "有一条没有条文，请补写或删除"))


def _capture_source_references(result: ParsedRules, numbers: list[tuple[int | None, str]]) -> None:
    """References in the source use the source's own numbers; turn them into key markers."""
    by_number = {n: key for n, key in reversed(numbers) if n is not None}

    def _capture(text: str, own: str) -> str:
        def _one(match: re.Match[str]) -> str:
            key = by_number.get(parse_number(match.group(1)) or 0)
            return f"{REF_OPEN}{key}{REF_CLOSE}" if key and key != own else match.group(0)
        return NUMBER_REFERENCE.sub(_one, text)

    result.chapters = [Chapter(c.key, c.title, tuple(
        Article(a.key, _capture(a.text, a.key), tuple(_capture(i, a.key) for i in a.items))
        for a in c.articles)) for c in result.chapters]


def render_markdown(version: RuleVersion, title: str = "") -> str:
    """The version as Markdown in the same form the parser reads (# title, ## 第X章, 第X条)."""
    lines = [f"# {title or version.title}", ""] if (title or version.title) else []
    numbered = iter(numbered_articles(version))
    chapter_no = 0
    for chapter in version.chapters:
        if chapter.title:
            chapter_no += 1
            lines += [f"## {chapter_label(chapter_no)} {chapter.title}", ""]
        for _ in chapter.articles:
            article = next(numbered)
            lines += [f"{article_label(article.number)} {article.text}", ""]
            lines += [line for item in article.items for line in (item, "")]
    return "\n".join(lines).rstrip() + "\n"


def chapter_headings(version: RuleVersion) -> dict[str, str]:
    """Chapter key → its heading as shown (第二章 社会治安), or '' for an untitled chapter."""
    headings, number = {}, 0
    for chapter in version.chapters:
        if chapter.title:
            number += 1
            headings[chapter.key] = f"{chapter_label(number)} {chapter.title}"
        else:
            headings[chapter.key] = ""
    return headings
