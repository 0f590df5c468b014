"""Printing benchmarks: a one-page notice (≤ 0.3 s, ≤ 300 KB) and a long table; results for docs/benchmarks.md."""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sample_documents import sample_notice, sample_table  # noqa: E402
from printing import fonts  # noqa: E402
from printing.notice_pdf import render_notice_pdf  # noqa: E402
from printing.tables import render_table_pdf  # noqa: E402


def timed(fn: Callable[[], bytes], runs: int = 5) -> tuple[float, float, int]:
    """(first run s, median of the next runs s, size in bytes)."""
    start = time.perf_counter()
    data = fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times), len(data)


def main() -> None:
    start = time.perf_counter()
    fonts.font_setup()
    scan = time.perf_counter() - start
    rows = [("font scan (cached verdicts after the first run)", scan, None, None)]
    for label, fn in (("one-page notice (A4, GB/T 9704)", lambda: render_notice_pdf(sample_notice())),
                      ("table, 1,000 rows (A4 landscape, repeated header)", lambda: render_table_pdf(sample_table(1000)))):
        first, median, size = timed(fn, 5 if "notice" in label else 2)
        rows.append((label, first, median, size))
    print("| what | first run (s) | warm median (s) | size (KB) |")
    print("|---|---|---|---|")
    for label, first, median, size in rows:
        print(f"| {label} | {first:.3f} | {'' if median is None else f'{median:.3f}'} | "
              f"{'' if size is None else f'{size / 1024:.0f}'} |")


if __name__ == "__main__":
    main()
