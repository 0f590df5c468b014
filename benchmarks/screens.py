"""Every screen at county scale: opened, reloaded and searched one keystroke at a time, as the clerk waits (issue 17).

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.screens [--db PATH] [--people 150000] [--meetings 40000]
[--years 10]. The database (the demo village grown to a county roll-up: 150,000 people, 40,000 meetings, ten years
of red/black list entries) is built once at PATH and reused by later runs. Each figure is the median of 5, measured
through the real screens of the main window's sidebar, logged in as the demo's admin.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "demo1234"
OPEN_GOAL, RELOAD_GOAL, KEY_GOAL = 100.0, 50.0, 30.0
KEYSTROKES = {"registry": ("吴", "w", "wj", "吴建", "0123", "1386"), "minutes": ("会", "村", "低保", "低保户")}

Row = tuple[str, float, float]  # what, measured ms, goal ms


def build(path: Path, people: int, meetings: int, years: int) -> None:
    """The demo village, then the roster grown to `people`, `meetings` meetings and `years` of list entries."""
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo"], check=True, cwd=ROOT,
                   capture_output=True)
    from benchmarks.lists import fill
    from benchmarks.minutes import generate
    from models.core.accounts import Actor, Role
    from storage.core.installation import open_database
    db = open_database(path)
    admin = db.conn.execute("SELECT id, username FROM users WHERE role = 'admin' ORDER BY username").fetchone()
    _grow_roster(db, Actor(admin[0], admin[1], Role.ADMIN), people)
    generate(db, meetings)
    fill(db, years, 20)
    db.conn.close()


def _grow_roster(db: Any, actor: Any, people: int) -> None:
    """The generated roster written as a roster import writes it (a file of 150,000 people is over the import's
    cell limit, so the rows go to `apply_rows` without the file)."""
    from models.registry.roster_import import check_across_rows
    from storage.demo.village_people import VillageGenerator
    from storage.registry.roster_apply import apply_rows
    rows, conflicts = check_across_rows(VillageGenerator(random.Random(11), children=(5, 15, 40, 40))
                                        .roster(people // 4))
    apply_rows(db, actor, rows, conflicts, "花名册导入（县级规模基准）")


def _median_ms(action: Callable[[], Any], runs: int = 5, before: Callable[[], Any] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path) -> list[Row]:
    """Open, reload (a bundle import's Changed on the bus) and keystrokes of every sidebar screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui  # noqa: F401  (the PySide6 work-around, ui/core/qt_compat.py)
    from PySide6.QtWidgets import QApplication

    from storage.core.backend import SqliteBackend
    from ui.core.app import setup_application
    from ui.core.areas import AREAS
    app = QApplication.instance() or QApplication([])
    setup_application(app)  # type: ignore[arg-type]
    stores = SqliteBackend(path).login("admin", PASSWORD)
    return [row for area in AREAS for row in _measure_screen(app, stores, area)]


def _measure_screen(app: Any, stores: Any, area: Any) -> list[Row]:
    from models.core.changes import Changed, Entity
    from ui.core.bus import DataBus
    bus = DataBus()  # one screen at a time hears the reload, so each figure is that screen's alone
    start = time.perf_counter()
    screen = area.load_factory()(stores, bus)
    screen.resize(1366, 728)
    screen.show()
    app.processEvents()
    rows = [(f"{area.label}：打开", (time.perf_counter() - start) * 1000, OPEN_GOAL),
            (f"{area.label}：重新载入（导入同步包后）",
             _median_ms(lambda: (bus.changed.emit(Changed(Entity.SYNC)), app.processEvents())), RELOAD_GOAL)]
    for text in KEYSTROKES.get(area.key, ()):
        rows.append((f"{area.label}：搜索一次按键“{text}”",
                     _median_ms(lambda text=text: _type(screen, text), before=lambda: _type(screen, "")), KEY_GOAL))
    screen.close()  # deleted while QApplication lives, or PySide6 crashes at interpreter exit
    screen.deleteLater()
    app.processEvents()
    return rows


def _type(screen: Any, text: str) -> None:
    """What one keystroke in the screen's search box costs, its debounce timer fired at once."""
    from PySide6.QtWidgets import QApplication
    if screen.search_edit.text() == text:
        return
    screen.search_edit.setText(text)
    timer = getattr(screen, "_search_timer", None)
    if timer is not None:
        timer.stop()
        timer.timeout.emit()
    QApplication.processEvents()


def render(rows: list[Row]) -> str:
    lines = ["| 界面与操作 | 实测 | 目标 | 结果 |", "|---|---|---|---|"]
    lines += [f"| {what} | {ms:.1f} ms | ≤ {goal:.0f} ms | {'达到' if ms <= goal else '未达到'} |"
              for what, ms, goal in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--people", type=int, default=150_000)
    parser.add_argument("--meetings", type=int, default=40_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="xiangyue-county-")) / "county.sqlite3"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.people, args.meetings, args.years)
        print(f"built {path} in {time.perf_counter() - start:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
    table = render(measure(path))
    print(table)
    if args.write:
        from benchmarks.report import write_section
        write_section("Screens at county scale (benchmarks/screens.py)",
                      f"{args.people:,} people, {args.meetings:,} meetings, {args.years} years of list entries; "
                      f"median of 5 through the real screens.\n\n{table}")


if __name__ == "__main__":
    main()
