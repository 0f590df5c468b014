"""群众说事 benchmarks at the township: 10 years × 30 villages of matters (≈ 100,000 rows, as bundles leave them).

Run: python -m benchmarks.matters [--write]   (--write replaces the ## Matters section of docs/benchmarks.md)

The rows are written straight into the township's `matters` table, owned by 30 village nodes, as an import leaves
them: building them through 30 villages' stores and bundles would take minutes and measure the import, not the
lists. What is timed is what the desk and the screens ask: the matters assigned up to the township, the open and
the overdue ones, and a text search.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

from models.core.ids import new_id
from models.core.village import Mode
from models.matters.records import Channel, MatterClass, MatterStatus, RaiserKind
from models.matters.rules import matter_number
from storage.core.backend import build_stores
from tests.sync.conftest import make_node
from tests.sync.township_setup import REVIEWER

VILLAGES, YEARS, PER_YEAR = 30, 10, 333
SHOWN = 200  # the screen lists the newest this many of a search
WORDS = ("机耕道塌方", "路灯不亮", "水渠堵塞", "饮水管道冻裂", "垃圾清运不及时", "宅基地界线争执", "咨询医保缴费",
         "独居老人取暖困难", "护坡裂缝", "林地租金收支")


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[Any, float]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return value, best


def _rows(rng: random.Random, today: date) -> list[tuple[Any, ...]]:
    rows = []
    for village in range(VILLAGES):
        owner = f"V-{village:012d}"
        for year in range(today.year - YEARS + 1, today.year + 1):
            for seq in range(1, PER_YEAR + 1):
                raised = date(year, 1, 1) + timedelta(days=seq * 365 // (PER_YEAR + 1))
                recent = (today - raised).days < 60
                status = rng.choice((MatterStatus.OPEN, MatterStatus.ASSIGNED, MatterStatus.DONE)) if recent \
                    else MatterStatus.CLOSED
                up = int(rng.random() < 0.02)
                rows.append((new_id(), owner, f"{year}{seq:06d}", 0, raised.isoformat(), raised.isoformat(), year, seq,
                             matter_number(year, seq), raised.isoformat(), rng.choice(list(Channel)).value,
                             rng.choice(list(MatterClass)).value, f"{rng.randint(1, 8)}组{rng.choice(WORDS)}",
                             f"{rng.randint(1, 8)}组", RaiserKind.ANONYMOUS.value, status.value,
                             (raised + timedelta(days=15)).isoformat(), up))
    return rows


def run(work: Path) -> list[tuple[str, str, str]]:
    township = make_node(work / "t.sqlite3", Mode.TOWNSHIP)
    today = date.today()
    rows = _rows(random.Random(2026), today)
    with township.atomic():
        township.executemany("INSERT INTO matters(id, owner, hlc, deleted, created_at, updated_at, year, seq, number, "
                             "raised_on, channel, class, text, place, raiser_kind, status, deadline, to_township) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    township.execute("ANALYZE")
    store = build_stores(township, REVIEWER).matters
    desk, desk_s = timed(lambda: store.matters(township=True))
    opened, open_s = timed(lambda: store.matters(MatterStatus.OPEN))
    late, late_s = timed(lambda: store.overdue(today))
    found, search_s = timed(lambda: store.matters(text="护坡裂缝", status=MatterStatus.ASSIGNED))
    every, every_s = timed(lambda: store.matters(text="护坡裂缝", limit=SHOWN))
    rare, rare_s = timed(lambda: store.matters(text="8组护坡裂缝", limit=SHOWN))
    short, short_s = timed(lambda: store.matters(text="护坡", limit=SHOWN))
    return [(f"交办乡镇 list ({len(desk)} of {len(rows)} matters)", f"{desk_s * 1000:.0f} ms", "< 100 ms"),
            (f"问题清单: open matters ({len(opened)})", f"{open_s * 1000:.0f} ms", "< 100 ms"),
            (f"overdue matters ({len(late)})", f"{late_s * 1000:.0f} ms", "< 100 ms"),
            (f"search 护坡裂缝 among assigned ({len(found)} found)", f"{search_s * 1000:.0f} ms", "< 30 ms"),
            (f"search 护坡裂缝 over all, newest {SHOWN} shown", f"{every_s * 1000:.0f} ms", "< 30 ms"),
            (f"search 8组护坡裂缝 over all ({len(rare)} shown)", f"{rare_s * 1000:.0f} ms", "< 30 ms"),
            (f"search 护坡 (2 characters: LIKE), newest {SHOWN} shown", f"{short_s * 1000:.0f} ms", "< 30 ms")]


def render(rows: list[tuple[str, str, str]]) -> str:
    lines = [f"`python -m benchmarks.matters` on {sys.platform}, Python {sys.version.split()[0]}, "
             f"{time.strftime('%Y-%m-%d')}. {VILLAGES} villages × {YEARS} years × {PER_YEAR} matters in the "
             "township's database (as imported bundles leave them), best of 5 runs.", "",
             "| what | time | budget |", "|---|---|---|"]
    return "\n".join(lines + [f"| {a} | {b} | {c} |" for a, b, c in rows]) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = render(run(Path(folder)))
    print(text)
    if "--write" in sys.argv:
        from benchmarks.report import write_section
        write_section("Matters", text)


if __name__ == "__main__":
    main()
