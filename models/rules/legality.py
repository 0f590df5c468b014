"""合法性审查辅助: run the rule table over a version and report findings (an aid, not a legal decision).

Context matters: a match preceded in its clause by 不得/禁止/反对 (or a sentence opening
不得以……为由) is text that forbids the act, and is not a finding; a referral to the police, a reward or a
protective clause is not a sanction. Clause and sentence marks count in either width.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from models.rules.hanzi import fold
from models.rules.legality_rules import RULES
from models.rules.legality_table import (CONSEQUENCE, CONTENT_AREAS, COVERAGE, DUTY, GENERAL_SANCTION, LONG_ARTICLE_CHARS,
                                         ORGANIC_LAW, READABILITY, SCOPE_BREAKERS, SENTENCE_NEGATORS, VAGUE_WORDS,
                                         FindingCategory, LegalityRule, Severity)
from models.rules.document import REF_MARKER, Article, RuleVersion, numbered_articles

_SENTENCE_END = "。；！？\n"
_CLAUSE_END = _SENTENCE_END + "，："  # 、 joins a list: 严禁游街、关押 negates both


@dataclass(frozen=True)
class Finding:
    """审查意见 — one finding: where, how serious, what matched, why, and on what legal basis."""

    article_key: str | None
    article_number: int | None
    severity: Severity
    category: FindingCategory
    text: str
    reason: str
    basis: str
    start: int = -1  # offset of `text` in the article's full text, -1 when not a match


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_text(text: str, key: str | None = None, number: int | None = None) -> list[Finding]:
    """Findings of the rule table on one article's text (traditional characters and half-width punctuation
    read like simplified and full-width; the finding quotes the text as written)."""
    folded = fold(text)
    findings: list[Finding] = []
    for rule in RULES:
        for match in _compiled(rule.pattern).finditer(folded):
            if _is_finding(folded, match, rule) and not _covered(findings, match, rule.severity):
                findings.append(Finding(key, number, rule.severity, rule.category, text[match.start():match.end()],
                                        rule.reason, rule.basis, match.start()))
    return sorted(findings, key=lambda f: f.start)


def _covered(findings: list[Finding], match: re.Match[str], severity: Severity) -> bool:
    """A spot already reported at the same or a higher severity is not reported again."""
    rank = {Severity.BLOCKING: 0, Severity.WARNING: 1, Severity.HINT: 2}
    return any(f.start < match.end() and match.start() < f.start + len(f.text) and rank[f.severity] <= rank[severity]
               for f in findings)


def _is_finding(text: str, match: re.Match[str], rule: LegalityRule) -> bool:
    if rule.excludes and re.search(rule.excludes, match.group(0)):
        return False
    sentence = _span(text, match.start(), match.end(), _SENTENCE_END)
    if rule.context and not re.search(rule.context, sentence):
        return False
    if rule.guard and re.search(rule.guard, sentence):
        return False
    if rule.clause_guard and re.search(rule.clause_guard, _before(text, match.end(), _CLAUSE_END)):
        return False
    return not _is_negated(text, match, rule)


def _is_negated(text: str, match: re.Match[str], rule: LegalityRule) -> bool:
    """Negation is decided by structure: a negator governs the rest of its own clause (up to a clause mark of
    either width, or a sanction such as 违者 starting inside the clause), however far before the match it stands."""
    if any(n in _before(text, match.start(), _SENTENCE_END) for n in SENTENCE_NEGATORS):
        return True
    if rule.negate_inside and any(n in match.group(0) for n in rule.negators):
        return True
    stops = _SENTENCE_END if rule.scope == "sentence" else _CLAUSE_END
    scope = _before(text, match.start(), stops)
    for breaker in SCOPE_BREAKERS:
        if breaker in scope:
            scope = scope[scope.rindex(breaker) + len(breaker):]
    return any(n in scope for n in rule.negators)


def _before(text: str, start: int, stops: str) -> str:
    begin = max(text.rfind(ch, 0, start) for ch in stops) + 1
    return text[begin:start]


def _span(text: str, start: int, end: int, stops: str) -> str:
    """The sentence or clause around text[start:end]."""
    ends = [i for i in (text.find(ch, end) for ch in stops) if i >= 0]
    return text[max(text.rfind(ch, 0, start) for ch in stops) + 1:min(ends) if ends else len(text)]


def check_version(version: RuleVersion, kind_is_rules: bool = True) -> list[Finding]:
    """All findings for a version: the rule table per article, form hints, and missing content areas."""
    numbered = numbered_articles(version)
    texts = {a.key: a.full_text for a in numbered}
    general_sanction = any(re.search(GENERAL_SANCTION, t) for t in texts.values())
    findings: list[Finding] = []
    numbers = version.numbers()
    for article, raw in zip(numbered, version.articles):
        findings += check_text(article.full_text, article.key, article.number)
        findings += _dangling(raw, numbers, article.number)
        findings += _form_hints(article.full_text, article.key, article.number, general_sanction)
    if kind_is_rules:
        findings += missing_areas(list(texts.values()))
    order = {Severity.BLOCKING: 0, Severity.WARNING: 1, Severity.HINT: 2}
    return sorted(findings, key=lambda f: (order[f.severity], f.article_number or 10**6, f.start))


def _dangling(article: Article, numbers: dict[str, int], number: int) -> list[Finding]:
    return [Finding(article.key, number, Severity.WARNING, FindingCategory.DANGLING_REFERENCE, "第？条",
                    "这一条引用的条款已被删除，请改为引用现有条款或删去引用。", "引用应指向本规约现有条款")
            for p in article.paragraphs for m in REF_MARKER.finditer(p) if m.group(1) not in numbers]


def _form_hints(text: str, key: str, number: int, general_sanction: bool) -> list[Finding]:
    hints = []
    length = len("".join(text.split()))
    if length > LONG_ARTICLE_CHARS:
        hints.append(Finding(key, number, Severity.HINT, FindingCategory.LONG_ARTICLE, text[:20] + "……",
                             f"这一条有 {length} 字，宣读和记忆都不便，建议拆成几条或几款。", READABILITY))
    vague = re.search(VAGUE_WORDS, text)
    if vague:
        hints.append(Finding(key, number, Severity.HINT, FindingCategory.VAGUE_DUTY, vague.group(0),
                             "措辞含糊，执行时容易有争议，建议写明具体做法。", READABILITY, vague.start()))
    duty = re.search(DUTY, text)
    if duty and not general_sanction and not re.search(CONSEQUENCE, text):
        hints.append(Finding(key, number, Severity.HINT, FindingCategory.VAGUE_DUTY, duty.group(0),
                             "规定了义务，但本条和全文都没有写做不到时如何处理，建议增加“违反本村规民约的”处理条款。",
                             READABILITY, duty.start()))
    return hints


def missing_areas(texts: list[str]) -> list[Finding]:
    """R23: a hint for each content area or targeted problem that no article touches."""
    joined = "\n".join(texts)
    return [Finding(None, None, Severity.HINT, FindingCategory.MISSING_AREA, area,
                    f"没有涉及“{area}”的条款，指导意见要求村规民约覆盖这方面内容。", COVERAGE)
            for area, words in CONTENT_AREAS if not re.search(words, joined)]


def has_blocking(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.BLOCKING for f in findings)


__all__ = ["Finding", "check_text", "check_version", "missing_areas", "has_blocking", "ORGANIC_LAW"]
