"""Registry benchmarks: roster import of 5,000 households / 20,000 people, screen open, search keystroke.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.registry   (prints a Markdown table for docs/benchmarks.md)
"""
from __future__ import annotations

import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from models.accounts import Actor, Role
from models.roster import COLUMNS
from models.village import make_profile
from storage.demo.village_people import VillageGenerator
from storage.installation import initialise, open_database
from storage.registry import SqliteRegistryStore

HOUSEHOLDS, PEOPLE = 5000, 20000


def roster_csv(path: Path) -> tuple[int, int]:
    """A 5,000-household roster of about 20,000 people (family sizes tuned to average 4)."""
    rows = VillageGenerator(random.Random(7), children=(5, 15, 40, 40)).roster(HOUSEHOLDS)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for _, header in COLUMNS])
    writer.writerows([list(row.values().values()) for row in rows])
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return len({row.household_no for row in rows}), len(rows)


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run() -> list[tuple[str, str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="xiangyue-bench-"))
    households, people = roster_csv(folder / "roster.csv")
    db = open_database(folder / "bench.sqlite3", must_exist=False)
    admin = initialise(db, make_profile("青石村", "德化乡", "黎平县", "522631101201"), "admin", "secret123")
    store = SqliteRegistryStore(db, Actor(admin.id, "admin", Role.ADMIN))
    results = []
    seconds, summary = timed(lambda: store.import_roster(folder / "roster.csv"))
    results.append((f"首次导入 {households} 户 / {people} 人 CSV", f"{seconds:.2f} s", "≤ 2 s"))
    seconds, again = timed(lambda: store.import_roster(folder / "roster.csv"))
    assert again.created == 0 and again.updated == 0, again
    results.append(("再次导入同一文件（无变化）", f"{seconds:.2f} s", "—"))
    seconds, _ = timed(lambda: store.export_roster(folder / "out.csv"))
    results.append((f"导出 {people} 人 CSV", f"{seconds:.2f} s", "—"))
    for text in ("wjh", "吴", "1386", "杨秀"):
        seconds, hits = timed(lambda: store.search(text), repeat=5)
        results.append((f"store.search(“{text}”)，{len(hits)} 条", f"{seconds * 1000:.1f} ms", "≤ 30 ms"))
    results += _screen(store)
    return results


def _screen(store: SqliteRegistryStore) -> list[tuple[str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui  # noqa: F401  (applies the PySide6 None work-around, ui/qt_compat.py)
    try:
        from PySide6.QtWidgets import QApplication

        from ui.bus import DataBus
        from ui.registry.screen import RegistryScreen
    except ImportError:
        return []
    app = QApplication.instance() or QApplication([])
    bus = DataBus()
    screens: list[RegistryScreen] = []
    seconds, screen = timed(lambda: screens.append(RegistryScreen(store, bus)) or screens[-1], repeat=3)
    screen.show()
    app.processEvents()
    rows = [("打开户籍花名册界面（20,000 人）", f"{seconds * 1000:.0f} ms", "≤ 100 ms")]
    for text in ("w", "wj", "wjh", "吴建", "0123"):
        seconds, _ = timed(lambda: screen.apply_search(text), repeat=5)
        rows.append((f"界面搜索一次按键“{text}”（查询 + 刷新表格）", f"{seconds * 1000:.1f} ms", "≤ 30 ms"))
    for opened in screens:  # delete while QApplication lives, or PySide6 crashes at interpreter exit
        opened.close()
        opened.deleteLater()
    app.processEvents()
    return rows


def main() -> None:
    print("| 测量 | 结果 | 目标 |\n|---|---|---|")
    for name, value, target in run():
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
