"""Lists benchmarks: ten years of entries walked through the store, then the reads a clerk waits for.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.lists [--years 10] [--per-month 20]
Prints a Markdown table for docs/benchmarks.md. Entries go through the real store (nominate, four advances, audit and
change log on every write), on the demo village (300 households, rules in force).
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

from models.core.accounts import Actor, Role
from models.lists.workflow import Nomination
from models.lists.entries import ListKind
from models.core.village import make_profile
from printing.lists.board_pdf import BoardDocument, render_board_pdf
from storage.demo import DemoOptions, b20_registry, b30_rules
from storage.core.installation import initialise, open_database
from models.lists.services import make_board
from storage.core.backend import build_stores
from storage.lists.entries import SqliteListEntries

CLERK = Actor("bench-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("bench-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("bench-supervisor", "石秀英", Role.SUPERVISOR)
FACTS = {ListKind.RED: "常年照顾邻居孤寡老人", ListKind.YELLOW: "在村道旁堆放建筑垃圾，经提醒未清理",
         ListKind.BLACK: "多次向河道倾倒生活垃圾"}


def _store(db: Any, actor: Actor) -> SqliteListEntries:
    return build_stores(db, actor).list_entries


def _timed(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _walk(db: Any, number: str, kind: ListKind, month: date) -> None:
    nomination = Nomination(kind, f"{month:%Y-%m}", FACTS[kind], "网格员龙德军", occurred_on=month)
    entry = _store(db, CLERK).nominate(nomination, number, "第9条" if kind.is_negative else "第15条", on=month)
    override = "情节严重，经两委研究" if kind is ListKind.BLACK else ""
    for actor, offset, reason in ((APPROVER, 0, override), (SUPERVISOR, 1, ""), (APPROVER, 2, ""), (APPROVER, 10, "")):
        _store(db, actor).advance(entry.id, "同意", reason, on=month + timedelta(offset))


def fill(db: Any, years: int, per_month: int) -> tuple[int, float, date]:
    numbers = [r[0] for r in db.conn.execute("SELECT household_no FROM households WHERE deleted = 0")]
    rng, walked, spent = random.Random(3), 0, 0.0
    month = date(date.today().year - years, 1, 1)
    for _ in range(years * 12):
        _store(db, APPROVER).expire_due(month)
        for _ in range(per_month):
            kind = rng.choice((ListKind.RED, ListKind.RED, ListKind.YELLOW, ListKind.BLACK))
            start = time.perf_counter()
            try:
                _walk(db, rng.choice(numbers), kind, month)
            except Exception:  # a minor's household or a red after a warning: refused like on screen
                continue
            spent += time.perf_counter() - start
            walked += 1
        month = (month + timedelta(days=32)).replace(day=1)
    return walked, spent * 1000 / max(walked, 1), (month - timedelta(days=1)).replace(day=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-month", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "lists.sqlite3", must_exist=False)
        initialise(db, make_profile("青石村", "德化乡", "黎平县", "522631101201"), "admin", "secret123")
        options = DemoOptions(households=300)
        b20_registry.build(db, random.Random(1), options)
        b30_rules.build(db, random.Random(1), options)
        walked, per_entry, last = fill(db, args.years, args.per_month)
        stores, period, on = build_stores(db, APPROVER), f"{last:%Y-%m}", last + timedelta(days=12)
        store = stores.list_entries

        def board_of() -> Any:
            return make_board(store, stores.naming_bases, stores.list_settings, period, on)

        board = board_of()
        document = BoardDocument("青石村", board, "青石村村民委员会", on)
        rows = [("entry walked (提名 + 4 steps, audited)", f"{per_entry:.1f} ms", f"{walked} entries"),
                ("entries(period)", f"{_timed(lambda: store.entries(period)):.1f} ms", ""),
                ("entries() all", f"{_timed(lambda: store.entries()):.1f} ms", f"{walked} rows"),
                ("board(period)", f"{_timed(board_of):.1f} ms", ""),
                ("expire_due (nothing due)", f"{_timed(lambda: store.expire_due(on)):.1f} ms", ""),
                ("board PDF (A3)", f"{_timed(lambda: render_board_pdf(document), 3):.0f} ms",
                 f"{len(board.entry_ids)} entries")]
    print("| measure | median | size |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
