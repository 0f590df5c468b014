"""The public corpus (tests/data/real_rules): published rules of every shape read to their written-down structure,
and the legality benchmark on it: every unlawful clause blocking, no lawful one blocked, questionable ones only hinted."""
from __future__ import annotations

import json

import pytest

from benchmarks.legality import CORPUS, LAWFUL, QUESTIONABLE, corpus_clauses, corpus_text, run
from models.rules.document import RuleVersion
from models.rules.text import parse_rules_text, render_markdown

EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_the_corpus_has_at_least_eight_cited_texts() -> None:
    assert len(EXPECTED) >= 8
    for name in EXPECTED:
        header = (CORPUS / name).read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("# 出处") and "http" in header, name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_rules_read_to_their_expected_structure(name: str) -> None:
    spec = EXPECTED[name]
    parsed = parse_rules_text(corpus_text(CORPUS / name))
    assert parsed.title == spec["title"]
    assert len(parsed.preamble) == spec["preamble"]
    assert [[c.title, len(c.articles)] for c in parsed.chapters] == spec["chapters"]
    assert parsed.closing == spec["closing"]
    assert len(parsed.problems) == spec["notes"], parsed.problems
    assert parsed.verse is spec.get("verse", False)
    if "items" in spec:
        assert [len(a.items) for c in parsed.chapters for a in c.articles] == spec["items"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_rules_round_trip_through_markdown(name: str) -> None:
    parsed = parse_rules_text(corpus_text(CORPUS / name))
    version = RuleVersion("v", "r", 1, tuple(parsed.chapters), title=parsed.title, preamble=tuple(parsed.preamble),
                          closing=tuple(parsed.closing), verse=parsed.verse)
    again = parse_rules_text(render_markdown(version))
    assert (again.title, again.preamble, again.closing, again.verse) == (
        parsed.title, parsed.preamble, parsed.closing, parsed.verse)
    assert [(c.title, [a.paragraphs for a in c.articles]) for c in again.chapters] == \
        [(c.title, [a.paragraphs for a in c.articles]) for c in parsed.chapters]


def test_legality_benchmark_every_unlawful_clause_blocking_and_no_false_alarm() -> None:
    tallies = run(corpus_clauses())
    assert {label: t.misses for label, t in tallies.items() if t.misses} == {}
    assert sum(t.total for label, t in tallies.items() if label not in (LAWFUL, QUESTIONABLE)) >= 45
    assert tallies[LAWFUL].total >= 90 and tallies[LAWFUL].blocked == 0
