"""Bulk writes: our executemany (storage.registry.roster_apply.insert_many) against sqlite-utils' insert_all.

Usage: python benchmarks/bulk_insert.py [--rows 20000] [--runs 5]
Needs sqlite-utils installed (it is no longer a dependency: docs/design.md says why).
Both write the same villager rows into a migrated database inside one transaction with the change-log triggers
quiet, as the roster import does; the median of `--runs` fresh databases
is printed for each, the two kinds of sample alternating.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.core.installation import open_memory_database  # noqa: E402
from storage.registry.roster_apply import insert_many, stamped  # noqa: E402
from storage.core.tracking import log_triggers_quiet  # noqa: E402


def _rows(db: Any, count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    group = stamped(db, {"name": "第一组", "position": 1})
    households = [stamped(db, {"household_no": f"{n:04d}", "group_id": group["id"]}) for n in range(count // 4)]
    villagers = [stamped(db, {"household_id": households[n // 4]["id"], "name": f"村民{n}", "relation": "户主",
                              "gender": "male", "id_number": "", "birth_date": "1970-01-01", "ethnicity": "汉族",
                              "phone": "", "political_status": "", "name_pinyin": "cunmin",
                              "name_initials": "cm"}) for n in range(count)]
    return [group, *households], villagers


def _ours(db: Any, table: str, rows: list[dict[str, Any]]) -> None:
    insert_many(db, table, rows)


def _sqlite_utils(db: Any, table: str, rows: list[dict[str, Any]]) -> None:
    import sqlite_utils

    sqlite_utils.Database(db.conn)[table].insert_all(rows, batch_size=100)


def _time(write: Callable[[Any, str, list[dict[str, Any]]], None], count: int) -> float:
    db = open_memory_database()
    import sqlite_utils  # noqa: F401  (imported before the clock starts)

    with db.atomic():
        households, villagers = _rows(db, count)
        started = time.perf_counter()
        with log_triggers_quiet(db):
            write(db, "village_groups", households[:1])
            write(db, "households", households[1:])
            write(db, "villagers", villagers)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    writers = (("executemany (ours)", _ours), ("sqlite-utils insert_all", _sqlite_utils))
    samples: dict[str, list[float]] = {label: [] for label, _ in writers}
    for _ in range(args.runs):  # alternating, so a change in the machine's load touches both alike
        for label, write in writers:
            samples[label].append(_time(write, args.rows))
    for label, times in samples.items():
        print(f"{label}: median {statistics.median(times):.3f} s for {args.rows} villagers "
              f"(+{args.rows // 4} households), range {min(times):.3f}–{max(times):.3f} s")
    code = "import time; t = time.perf_counter(); import sqlite_utils; print(time.perf_counter() - t)"
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
               for _ in range(args.runs)]
    print(f"import sqlite_utils in a fresh process: median {statistics.median(imports) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
