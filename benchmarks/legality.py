"""Legality benchmark: the check on the public corpus, found / missed / false alarms per class.

The corpus is `tests/data/real_rules/`: `clauses.txt` (clauses quoted in news reports and published rules, each
labelled with its class, lawful neighbours, questionable clauses) and the published rule texts, whose every article
is lawful unless `expected.json` lists it under `unlawful`. Run `python -m benchmarks.legality` from the repository
root; `--markdown` prints the table for docs/rules.md.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from models.rules.legality import check_text
from models.rules.legality_table import Severity

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "real_rules"
LAWFUL, QUESTIONABLE = "lawful", "questionable"


@dataclass(frozen=True)
class Clause:
    """One labelled clause of the corpus and where it comes from."""

    label: str
    text: str
    source: str


@dataclass
class Tally:
    """Per class: unlawful clauses found (blocking) or missed; lawful ones blocked or warned."""

    total: int = 0
    blocked: int = 0
    warned: int = 0
    misses: list[str] = field(default_factory=list)


def corpus_clauses(corpus: Path = CORPUS) -> list[Clause]:
    """The labelled clauses of clauses.txt plus every article of the published rule texts."""
    clauses: list[Clause] = []
    source = ""
    for line in (corpus / "clauses.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# source:"):
            source = line.removeprefix("# source:").strip()
        elif "|" in line and not line.startswith("#"):
            label, _, text = line.partition("|")
            clauses.append(Clause(label.strip(), text.strip(), source))
    return clauses + _rule_text_clauses(corpus)


def _rule_text_clauses(corpus: Path) -> list[Clause]:
    from models.rules.text import parse_rules_text

    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8")) \
        if (corpus / "expected.json").exists() else {}
    clauses: list[Clause] = []
    for name, spec in sorted(expected.items()):
        if not (corpus / name).suffix == ".txt":
            continue
        parsed = parse_rules_text(corpus_text(corpus / name))
        unlawful: dict[str, str] = spec.get("unlawful", {})
        for chapter in parsed.chapters:
            for article in chapter.articles:
                text = "\n".join(article.paragraphs)
                label = next((cls for snippet, cls in unlawful.items() if snippet in text), LAWFUL)
                clauses.append(Clause(label, text, name))
    return clauses


def corpus_text(path: Path) -> str:
    """A published rule text of the corpus without its first line, the source header."""
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def run(clauses: list[Clause]) -> dict[str, Tally]:
    """Tally the check's verdicts per class."""
    tallies: dict[str, Tally] = {}
    for clause in clauses:
        findings = check_text(clause.text)
        tally = tallies.setdefault(clause.label, Tally())
        tally.total += 1
        blocked = any(f.severity is Severity.BLOCKING for f in findings)
        warned = any(f.severity is Severity.WARNING for f in findings)
        tally.blocked += blocked
        tally.warned += warned and not blocked
        wrong = (not blocked) if clause.label not in (LAWFUL, QUESTIONABLE) else \
            blocked or (clause.label == QUESTIONABLE and not warned)
        if wrong:
            tally.misses.append(clause.text)
    return tallies


def report(tallies: dict[str, Tally], markdown: bool = False) -> str:
    rows = [("类别", "条数", "必须修改", "建议修改", "漏报/误报")]
    for label in sorted(tallies, key=lambda k: (k in (LAWFUL, QUESTIONABLE), k)):
        t = tallies[label]
        wrong = len(t.misses)
        rows.append((label, str(t.total), str(t.blocked), str(t.warned),
                     f"{'误报' if label in (LAWFUL, QUESTIONABLE) else '漏报'} {wrong}"))
    unlawful = [t for k, t in tallies.items() if k not in (LAWFUL, QUESTIONABLE)]
    found = sum(t.blocked for t in unlawful)
    total = sum(t.total for t in unlawful)
    lawful = tallies.get(LAWFUL, Tally())
    summary = f"违法条款 {total} 条，必须修改 {found} 条，漏报 {total - found} 条；合法条文 {lawful.total} 条，误报 {lawful.blocked} 条"
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        return "\n".join(lines) + "\n\n" + summary
    lines = ["\t".join(r) for r in rows] + [summary]
    lines += [f"  {label}: {text}" for label, t in tallies.items() for text in t.misses]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    tallies = run(corpus_clauses())
    print(report(tallies, markdown="--markdown" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
