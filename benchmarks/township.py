"""Township desk benchmarks: the village list and the request list over 30 imported villages, one review page.

Run: python -m benchmarks.township [--write]   (--write replaces the ## Township section of docs/benchmarks.md)
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

from models.township.reviews import DecisionKind, RequestKind
from models.core.village import Mode
from storage.core.backend import build_stores
from tests.sync.conftest import export, import_, make_node, pair_up
from tests.sync.township_setup import ADMIN, REVIEWER, vote_and_submit, walk_to_step_7

VILLAGES = 30


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[Any, float]:
    """The value and the best of `repeat` runs (what a screen reload costs once the file is cached)."""
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return value, best


def run(work: Path) -> list[tuple[str, str, str]]:
    township = make_node(work / "t" / "t.sqlite3", Mode.TOWNSHIP)
    for n in range(VILLAGES):
        village = make_node(work / f"v{n}" / "v.sqlite3", Mode.VILLAGE, f"村{n:02d}")
        pair_up(village, township)
        rulebook_id = walk_to_step_7(village)
        if n % 2:  # half of them have the paper review typed in and a filing request waiting
            build_stores(village, ADMIN).workflow.publicity.record_review(rulebook_id, date(2026, 3, 5), "德化乡人民政府",
                                                                          "同意")
            vote_and_submit(village, rulebook_id)
        import_(township, export(village, work / f"v{n}"))
    desk = build_stores(township, REVIEWER).township
    villages, villages_s = timed(desk.villages)
    requests, requests_s = timed(desk.requests)
    filing = next(r for r in requests if r.kind is RequestKind.FILING)
    _, context_s = timed(lambda: desk.review_context(filing.id))
    _, decide_s = timed(lambda: desk.decide(filing.id, DecisionKind.APPROVE, date(2026, 5, 28),
                                            filing_number="德乡备〔2026〕1号"), repeat=1)
    assert len(villages) == VILLAGES and len(requests) == VILLAGES
    return [(f"village list ({VILLAGES} villages, with requests waiting)", f"{villages_s * 1000:.0f} ms", "≤ 500 ms"),
            (f"request list ({len(requests)} requests)", f"{requests_s * 1000:.0f} ms", "≤ 500 ms"),
            ("review page (legality check + 修改对照表)", f"{context_s * 1000:.0f} ms", "≤ 300 ms"),
            ("准予备案 (one audited write)", f"{decide_s * 1000:.0f} ms", "≤ 300 ms")]


def render(rows: list[tuple[str, str, str]]) -> str:
    lines = ["## Township", "", f"`python -m benchmarks.township` on {sys.platform}, Python {sys.version.split()[0]}, "
             f"{time.strftime('%Y-%m-%d')}. {VILLAGES} villages each walked to step 7 (half of them on to a filing "
             "request), imported into one township; best of 5 runs.", "", "| measure | result | target |",
             "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = Path("docs/benchmarks.md")) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    start = old.find("## Township")
    if start >= 0:
        end = old.find("\n## ", start + 1)
        old = old[:start] + (old[end + 1:] if end >= 0 else "")
    path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        section = render(run(Path(folder)))
    print(section)
    if "--write" in sys.argv:
        write_section(section)
