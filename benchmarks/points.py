"""Points benchmarks: a village's year of entries (300 households × 50 entries), then the reads a clerk waits for.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.points [--households 300] [--runs 20]
Prints a Markdown table for docs/benchmarks.md. The demo village (its adopted scheme and its own year of entries)
gets 50 events of 2027 entered as batches of every household through the real store (audit and change log on
every row); they are then marked confirmed in one UPDATE (set-up only: confirming is not what is measured).
Targets (issue 21): balance and tally under 50 ms each, a batch of 300 households under 1 s.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

from models.core.accounts import Actor, Role
from models.lists.entries import Period
from models.points.ledger import EntryDraft
from models.points.rollup import TallyBy
from storage.core.backend import build_stores
from storage.core.installation import open_database
from storage.demo import DemoOptions, run_demo

# Per month: two clean-up days (B01, cap 10), two volunteer days (E01, cap 12); two months add a meeting (D01).
EVENTS = [(date(2027, month, day), code) for month in range(1, 13) for day, code in
          ((5, "B01"), (12, "E01"), (19, "B01"), (26, "E01"))] + [(date(2027, 3, 8), "D01"), (date(2027, 9, 8), "D01")]


def _median_ms(run: Callable[[], Any], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    db = open_database(Path(tempfile.mkdtemp()) / "points.sqlite3", must_exist=False)
    run_demo(db, DemoOptions(households=args.households))
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = 'wenshu'").fetchone()
    points = build_stores(db, Actor(row[0], row[1], Role.CLERK)).points
    numbers = [h.household_no for h in points.tally.households()]
    batches = []
    for day, code in EVENTS:
        start = time.perf_counter()
        points.ledger.add_batch([EntryDraft(no, code, day) for no in numbers])
        batches.append((time.perf_counter() - start) * 1000)
    with db.atomic():
        db.execute("UPDATE points_entries SET confirmed_by = 'bench', confirmed_by_name = '杨光明' "
                   "WHERE confirmed_by = ''")
    for month in range(1, 13):  # each month of 2027 posted for five days (R37): the balance's redeemable part reads them
        posted = date(2027 + month // 12, month % 12 + 1, 3)
        points.publications.publish(Period.parse(f"2027-{month:02d}"), posted, 5)
    total = db.conn.execute("SELECT COUNT(*) FROM points_entries").fetchone()[0]
    month, year = Period.parse("2027-03"), Period.parse("2027")
    rows = [("batch entry of one event, all households", statistics.median(batches), max(batches), 1000.0),
            ("balance of one household", *_median_ms(lambda: points.tally.balance(numbers[len(numbers) // 2]),
                                                     args.runs), 50.0)]
    for period in (month, year):
        for by in (TallyBy.HOUSEHOLD, TallyBy.GROUP, TallyBy.VILLAGE):
            rows.append((f"tally {period.code} by {by.value}",
                         *_median_ms(lambda p=period, b=by: points.tally.tally(p, b), args.runs), 50.0))
        rows.append((f"board of {period.code} (ranks, names, share)",
                     *_median_ms(lambda p=period: points.tally.board(p), args.runs), 50.0))
    print(f"{len(numbers)} households, {total} entries ({len(EVENTS)} events of 2027 plus the demo's year)\n")
    print("| operation | median ms | worst ms | target ms | result |\n|---|---|---|---|---|")
    for name, median, worst, target in rows:
        print(f"| {name} | {median:.1f} | {worst:.1f} | < {target:.0f} | {'met' if median < target else 'missed'} |")


if __name__ == "__main__":
    main()
