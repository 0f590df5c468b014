"""Every screen at county scale: opened, reloaded and searched one keystroke at a time, as the clerk waits (issue 17).

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.screens [--folder DIR] [--people 150000] [--meetings 40000]
[--years 10] [--write]. Built once in DIR and reused by later runs: the county database (the demo village grown to a
county roll-up: 150,000 people, 40,000 meetings, ten years of red/black list entries), the demo village itself (the
baseline), and the demo's township with 30 villages × 10 years of matters (≈ 100,000, issue 22) beside its baseline,
the demo township as it is. Through the real screens of the sidebar (a village's, then a township's), logged in as
the demo's admin: the main window's module warm-up (ui/core/warmup.py, its longest step), the first opening (its
database pages and Qt's widgets cold; with `--cold` its modules imported too), the median of 3 later openings, and
the medians of 5 reloads (a bundle import's Changed on the bus) and keystrokes. The baseline is measured in the same process.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
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
KEYSTROKES = {"registry": ("吴", "w", "wj", "吴建", "0123", "1386"), "minutes": ("会", "村", "低保", "低保户"),
              "points": ("吴", "w", "wj", "吴建", "1", "12", "0123")}
# The field a screen's keystrokes go to, when it is not its search box, and what the row calls it: 积分制's 录入
# looks the household up as the clerk types (PointsHouseholds.find), with no debounce.
FIELDS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "points": (lambda screen: screen.entry_tab.household_edit, "录入找户一次按键")}
FOLDER = Path(tempfile.gettempdir()) / "xiangyue-county"
WARM_UP = True  # the main window's module warm-up before the first openings (`--cold`: without)

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


def databases(folder: Path, people: int = 150_000, meetings: int = 40_000, years: int = 10) -> dict[str, Path]:
    """The four databases (county, village, township, township_base), built into `folder` when missing."""
    paths = {key: folder / f"{key}.sqlite3" for key in ("county", "village", "township", "township_base")}
    folder.mkdir(parents=True, exist_ok=True)
    if not paths["village"].exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(paths["village"]), "demo"], check=True,
                       cwd=ROOT, capture_output=True)
    if not paths["county"].exists():
        start = time.perf_counter()
        build(paths["county"], people, meetings, years)
        print(f"built {paths['county']} in {time.perf_counter() - start:.0f} s", flush=True)
    demo_township = paths["village"].with_name(paths["village"].name + ".township-demo.sqlite3")
    for key in ("township_base", "township"):
        if not paths[key].exists():
            for suffix in ("", ".keys"):
                shutil.copyfile(f"{demo_township}{suffix}", f"{paths[key]}{suffix}")
            if key == "township":
                _township_matters(paths[key])
    return paths


def _township_matters(path: Path) -> None:
    """30 villages × 10 years of matters, as their bundles leave them (benchmarks/matters.py's rows)."""
    from datetime import date

    from benchmarks.matters import _rows
    from storage.core.installation import open_database
    db = open_database(path)
    with db.atomic():
        db.executemany("INSERT INTO matters(id, owner, hlc, deleted, created_at, updated_at, year, seq, number, "
                       "raised_on, channel, class, text, place, raiser_kind, status, deadline, to_township) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _rows(random.Random(2026),
                                                                                              date.today()))
    db.execute("ANALYZE")
    db.conn.close()


def measure(path: Path, township: bool = False) -> list[Row]:
    """First and later openings, reload and keystrokes of every screen of the sidebar (a village's or a
    township's)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui  # noqa: F401  (the PySide6 work-around, ui/core/qt_compat.py)
    from PySide6.QtWidgets import QApplication

    from storage.core.backend import SqliteBackend
    from ui.core.app import setup_application
    from ui.core.areas import AREAS, TOWNSHIP_AREAS
    app = QApplication.instance() or QApplication([])
    setup_application(app)  # type: ignore[arg-type]
    stores = SqliteBackend(path).login("admin", PASSWORD)
    prefix = "乡镇端 " if township else ""
    areas = TOWNSHIP_AREAS if township else AREAS
    rows = _warm_up(app, areas, prefix) if WARM_UP else []
    return rows + [row for area in areas for row in _measure_screen(app, stores, area, prefix)]


def _warm_up(app: Any, areas: Any, prefix: str) -> list[Row]:
    """What the main window does once 首页 has filled (ui/core/warmup.py): the screens' modules loaded one per idle
    turn. Its longest turn is how long a click made meanwhile may wait; the first openings are measured after it,
    as the clerk who clicks a second after login meets them (`--cold`: without it, each first opening imports)."""
    from ui.core.warmup import BACKGROUND, ModuleWarmup, warm_packages
    warmup = ModuleWarmup(warm_packages(area.factory for area in areas), app, background=BACKGROUND)
    start = time.perf_counter()
    warmup.start()
    while not warmup.is_done:
        app.processEvents()
    total = (time.perf_counter() - start) * 1000
    longest = max(warmup.steps, default=(0.0, "—"))
    print(f"{prefix}预载 {len(warmup.loaded)} 个模块，共 {total:.0f} ms，最长一步 {longest[1]} {longest[0]:.1f} ms", flush=True)
    return [(f"{prefix}登录后预载界面模块：最长的一步（其间点击的等待）", longest[0], KEY_GOAL)]


def _open(app: Any, stores: Any, area: Any, bus: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    screen = area.load_factory()(stores, bus)
    screen.resize(1366, 728)
    screen.show()
    app.processEvents()
    fill = getattr(screen, "populate_now", None)
    if fill is not None:  # 首页 fills its lists just after it is shown: measured filled, as the clerk waits for it
        fill()
        app.processEvents()
    return screen, (time.perf_counter() - start) * 1000


def _close(app: Any, screen: Any) -> None:
    from PySide6.QtCore import QEvent
    screen.close()  # deleted while QApplication lives, or PySide6 crashes at interpreter exit
    screen.deleteLater()
    # processEvents() outside an event loop never delivers DeferredDelete: the closed screens stayed alive on the
    # bus, so each reload figure was four screens' reloads (the three closed openings' and the shown one's)
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _measure_screen(app: Any, stores: Any, area: Any, prefix: str = "") -> list[Row]:
    from models.core.changes import Changed, Entity
    from ui.core.bus import DataBus
    bus = DataBus()  # one screen at a time hears the reload, so each figure is that screen's alone
    screen, first = _open(app, stores, area, bus)
    opens = []
    for _ in range(3):
        _close(app, screen)
        screen, ms = _open(app, stores, area, bus)
        opens.append(ms)
    label = f"{prefix}{area.label}"
    first_label = "首次打开（模块已预载）" if WARM_UP else "首次打开（含载入模块）"
    rows = [(f"{label}：{first_label}", first, OPEN_GOAL), (f"{label}：打开", statistics.median(opens), OPEN_GOAL),
            (f"{label}：重新载入（导入同步包后）",
             _median_ms(lambda: (bus.changed.emit(Changed(Entity.SYNC)), app.processEvents())), RELOAD_GOAL)]
    field, what = FIELDS.get(area.key, (lambda screen: screen.search_edit, "搜索一次按键"))
    for text in KEYSTROKES.get(area.key, ()):
        rows.append((f"{label}：{what}“{text}”", _median_ms(lambda text=text: _type(screen, text, field(screen)),
                                                            before=lambda: _type(screen, "", field(screen))), KEY_GOAL))
    _close(app, screen)
    return rows


def _type(screen: Any, text: str, edit: Any) -> None:
    """What one keystroke in the screen's field `edit` costs, its debounce timer (if any) fired at once."""
    from PySide6.QtWidgets import QApplication
    if edit.text() == text:
        return
    edit.setText(text)
    timer = getattr(screen, "_search_timer", None)
    if timer is not None:
        timer.stop()
        timer.timeout.emit()
    QApplication.processEvents()


def render(rows: list[Row], baseline: dict[str, float] | None = None) -> str:
    """The table; with `baseline` (the same measures over the demo village or township) a ratio column."""
    base = baseline or {}
    lines = ["| 界面与操作 | 实测 | 目标 | 结果 | 基线（示范村/乡） | 倍数 |", "|---|---|---|---|---|---|"]
    for what, ms, goal in rows:
        ratio = f"{ms / base[what]:.1f}×" if base.get(what) else "—"
        reference = f"{base[what]:.1f} ms" if what in base else "—"
        lines.append(f"| {what} | {ms:.1f} ms | ≤ {goal:.0f} ms | {'达到' if ms <= goal else '未达到'} "
                     f"| {reference} | {ratio} |")
    return "\n".join(lines)


def measure_all(paths: dict[str, Path]) -> tuple[list[Row], dict[str, float]]:
    """County and township screens, and their baselines (measured after them, so the county pays the imports)."""
    rows = measure(paths["county"]) + measure(paths["township"], township=True)
    baseline = measure(paths["village"]) + measure(paths["township_base"], township=True)
    return rows, {what: ms for what, ms, _ in baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--people", type=int, default=150_000)
    parser.add_argument("--meetings", type=int, default=40_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--cold", action="store_true", help="first openings without the main window's warm-up")
    args = parser.parse_args()
    global WARM_UP
    WARM_UP = not args.cold
    rows, baseline = measure_all(databases(args.folder, args.people, args.meetings, args.years))
    table = render(rows, baseline)
    print(table)
    if args.write:
        from benchmarks.report import write_section
        write_section("Screens at county scale (benchmarks/screens.py)",
                      f"{args.people:,} people, {args.meetings:,} meetings, {args.years} years of list entries; "
                      f"a township with about 100,000 matters. Load average {os.getloadavg()[0]:.1f}.\n\n{table}")


if __name__ == "__main__":
    main()
