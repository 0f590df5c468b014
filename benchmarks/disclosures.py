"""Township disclosure status benchmark: 30 villages × 10 years of publications, arrived by real bundles.

Run: python -m benchmarks.disclosures [--write]   (--write replaces the ## Disclosures section of docs/benchmarks.md)
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from models.core.village import Mode
from models.disclosures.calendar import obligations
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.core.tracking import insert_synced
from storage.disclosures.rows import DEFAULT_CATALOGUE, read_catalogue
from tests.sync.conftest import export, import_, make_node, pair_up
from tests.sync.township_setup import REVIEWER

VILLAGES, YEARS, TODAY = 30, 10, date(2026, 12, 6)
TARGET_MS = 100


def _publish(village: Database, rng: random.Random) -> int:
    """Each periodic obligation of ten years posted on time, late (1 in 10) or never (1 in 20)."""
    catalogue = read_catalogue(DEFAULT_CATALOGUE)
    count = 0
    with village.atomic():
        for year in range(TODAY.year - YEARS + 1, TODAY.year + 1):
            for o in obligations(catalogue, year, True):
                roll = rng.random()
                if o.due >= TODAY or roll < 0.05:
                    continue
                start = o.due + timedelta(days=rng.randint(1, 20)) if roll < 0.15 else o.opens + timedelta(days=2)
                insert_synced(village, "disclosure_publications", {
                    "kind": o.kind.value, "category": o.category, "period": o.period,
                    "start_date": start.isoformat(), "end_date": (start + timedelta(days=15)).isoformat(),
                    "due_date": o.due.isoformat(), "place": "board", "posted_by": "村文书", "title": "", "note": ""})
                count += 1
    return count


def run(work: Path) -> tuple[int, float]:
    township = make_node(work / "t" / "t.sqlite3", Mode.TOWNSHIP)
    rng, rows = random.Random(2026), 0
    for n in range(VILLAGES):
        village = make_node(work / f"v{n}" / "v.sqlite3", Mode.VILLAGE, f"村{n:02d}")
        pair_up(village, township)
        rows += _publish(village, rng)
        import_(township, export(village, work / f"v{n}"))
    desk = build_stores(township, REVIEWER).disclosure_desk
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        records = desk.village_records(TODAY, years=YEARS)
        best = min(best, time.perf_counter() - start)
    assert len(records) == VILLAGES and all(r.late and r.missing for r in records)
    return rows, best


def render(rows: int, seconds: float) -> str:
    return "\n".join([
        "## Disclosures", "", f"`python -m benchmarks.disclosures` on {sys.platform}, Python "
        f"{sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}. {VILLAGES} villages × {YEARS} years of disclosures "
        f"({rows} publications, 1 in 10 late, 1 in 20 missing), each village's arrived by a real bundle; best of 5.",
        "", "| measure | result | target |", "|---|---|---|",
        f"| township disclosure status (on time / late / missing per village) | {seconds * 1000:.0f} ms "
        f"| ≤ {TARGET_MS} ms |"]) + "\n"


def write_section(text: str, path: Path = Path("docs/benchmarks.md")) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    start = old.find("## Disclosures")
    if start >= 0:
        end = old.find("\n## ", start + 1)
        old = old[:start] + (old[end + 1:] if end >= 0 else "")
    path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        section = render(*run(Path(folder)))
    print(section)
    if "--write" in sys.argv:
        write_section(section)
