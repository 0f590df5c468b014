"""A township that already holds 1 M changes: 30 villages × 2,000 changes imported into it (issue 17).

Run: python -m benchmarks.township_held [--cache /tmp/xiangyue-township-1m] [--held 1000000] [--runs 3]

The held township (30 villages, each paired with it, whose bundles brought `--held` changes in all) is built once
into the cache folder (several minutes on a shared 2-core machine) and reused. Each run works on a copy of it:
every village writes 2,000 more changes and exports its bundle, and the 30 imports into the township are timed,
the day's pre-import safety copy included (the copy's backup folder starts empty, as on a new day). The baseline,
in the same run: 30 new villages × 2,000 changes into an empty township, the same way.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.sync import fill
from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.village import Mode
from storage.core.backend import township_returns
from storage.core.db import Database
from storage.core.installation import open_database
from storage.sync.export import export_bundle
from storage.sync.importer import import_bundle
from tests.sync.conftest import make_node, pair_up

VILLAGES, BATCH = 30, 2_000
CACHE = Path(tempfile.gettempdir()) / "xiangyue-township-1m"


def build(folder: Path, held: int) -> None:
    """30 villages paired with one township; each village's bundles bring held / 30 changes into it."""
    work = folder.with_name(folder.name + ".building")
    shutil.rmtree(work, ignore_errors=True)
    township = make_node(work / "t" / "t.sqlite3", Mode.TOWNSHIP)
    per_village = held // VILLAGES
    for n in range(VILLAGES):
        village = make_node(work / f"v{n}" / "v.sqlite3", Mode.VILLAGE, f"村{n}")
        pair_up(village, township)
        for start in range(0, per_village, 20_000):  # bundles of at most 20,000 changes, as a year might bring
            fill(village, min(20_000, per_village - start))
            bundle = Path(export_bundle(village, work / f"v{n}", COMMAND_LINE_ACTOR).file)
            import_bundle(township, bundle, COMMAND_LINE_ACTOR, township_returns)
            bundle.unlink()
            acknowledge(township, village, work / f"v{n}")
        village.conn.close()
        print(f"village {n + 1}/{VILLAGES} held", flush=True)
    township.conn.close()
    shutil.rmtree(work / "t" / "backups", ignore_errors=True)
    work.rename(folder)


def acknowledge(township: Database, village: Database, folder: Path) -> None:
    """The township's bundle back to the village, carrying its acknowledgement: without it every later bundle of
    the village would carry again all it ever sent (35,000 changes instead of 2,000)."""
    back = folder / "back"
    back.mkdir(exist_ok=True)
    bundle = Path(export_bundle(township, back, COMMAND_LINE_ACTOR, peer_node=village.node_id).file)
    import_bundle(village, bundle, COMMAND_LINE_ACTOR, township_returns)
    shutil.rmtree(back)


def held_changes(folder: Path) -> int:
    """The villages' rows the township holds (every change the benchmark's villages make is a new row)."""
    db = open_database(folder / "t" / "t.sqlite3", migrate=False)
    try:
        return int(db.conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
    finally:
        db.conn.close()


def _import_all(township: Database, villages: list[Database], work: Path) -> float:
    """Each village writes BATCH changes and exports; the seconds the township's 30 imports take."""
    bundles = []
    for n, village in enumerate(villages):
        fill(village, BATCH)
        (work / f"out{n}").mkdir()
        bundles.append(Path(export_bundle(village, work / f"out{n}", COMMAND_LINE_ACTOR).file))
    start = time.perf_counter()
    for bundle in bundles:
        import_bundle(township, bundle, COMMAND_LINE_ACTOR, township_returns)
    return time.perf_counter() - start


def into_held(cache: Path, scratch: Path) -> float:
    copy = scratch / "held"
    shutil.copytree(cache, copy)
    shutil.rmtree(copy / "t" / "backups", ignore_errors=True)
    township = open_database(copy / "t" / "t.sqlite3", migrate=False)
    villages = [open_database(copy / f"v{n}" / "v.sqlite3", migrate=False) for n in range(VILLAGES)]
    try:
        for n, village in enumerate(villages):  # (a cache built before acknowledgements were sent back)
            acknowledge(township, village, copy / f"v{n}")
        shutil.rmtree(copy / "t" / "backups", ignore_errors=True)
        return _import_all(township, villages, copy)
    finally:
        for db in (township, *villages):
            db.conn.close()
        shutil.rmtree(copy, ignore_errors=True)


def into_empty(scratch: Path) -> float:
    work = scratch / "empty"
    township = make_node(work / "t" / "t.sqlite3", Mode.TOWNSHIP)
    villages = []
    for n in range(VILLAGES):
        village = make_node(work / f"v{n}" / "v.sqlite3", Mode.VILLAGE, f"村{n}")
        pair_up(village, township)
        villages.append(village)
    try:
        return _import_all(township, villages, work)
    finally:
        for db in (township, *villages):
            db.conn.close()
        shutil.rmtree(work, ignore_errors=True)


def measure(cache: Path = CACHE, held: int = 1_000_000, runs: int = 3) -> dict[str, float]:
    """Seconds for 30 × 2,000 changes into the held and into an empty township (medians, interleaved), the rates."""
    if not cache.exists():
        start = time.perf_counter()
        build(cache, held)
        print(f"built {cache} in {time.perf_counter() - start:.0f} s", flush=True)
    full, empty = [], []
    with tempfile.TemporaryDirectory(prefix="xiangyue-held-") as folder:
        for _ in range(runs):
            empty.append(into_empty(Path(folder)))
            full.append(into_held(cache, Path(folder)))
    changes = VILLAGES * BATCH
    result = {"held": float(held_changes(cache)), "held_s": statistics.median(full),
              "empty_s": statistics.median(empty)}
    result |= {"held_rate": changes / result["held_s"], "empty_rate": changes / result["empty_s"]}
    return result


def render(result: dict[str, float]) -> str:
    ratio = result["held_rate"] / result["empty_rate"]
    return "\n".join([
        "| measure | result | target |", "|---|---|---|",
        f"| 30 villages × 2,000 changes into a township holding {result['held']:,.0f} changes "
        f"| {result['held_s']:.1f} s | ≤ 15 s |",
        f"| the same into an empty township (baseline, same run) | {result['empty_s']:.1f} s | — |",
        f"| import rate, held / empty | {result['held_rate']:,.0f} / {result['empty_rate']:,.0f} changes/s "
        f"({ratio:.2f}×) | ≥ 0.7× |"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--held", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(render(measure(args.cache, args.held, args.runs)))


if __name__ == "__main__":
    main()
