"""A township that already holds 1 M changes: 30 villages × 2,000 changes imported into it (issue 17).

Run: python -m benchmarks.township_held [--cache /tmp/xiangyue-township-1m] [--held 1000000] [--runs 3]

The held township (30 villages, each paired with it, whose bundles brought `--held` changes in all) is built once
into the cache folder (several minutes on a shared 2-core machine) and reused. A cache made by an earlier version
(plain, as before encryption, or behind on migrations) is brought up to this version once, into a folder beside it
named by the schema (`<cache>-m<N>`), as the first login after an upgrade would (migrate, encrypt); the cache itself
is never written. Each run works on a copy of it: every village writes 2,000 more changes and exports its bundle;
then the day's pre-import safety copy is timed (the copy's backup folder starts empty, as on a new day: the first
import of the day makes it, the others find it), then the 30 imports. The baseline, in the same run: 30 new
villages × 2,000 changes into an empty township, the same way. The import rate is the 30 imports' own; the day's
copy is a copy of the whole file, so it is reported beside it (and counted in the 30 × 2,000 total).
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
from storage.core.backups import backup_dir_for, pre_import_backup_if_due
from storage.core.db import Database, applied_migrations_readonly, is_plain
from storage.core.encryption import login_to
from storage.core.installation import open_database
from storage.core.keyring import keyring_file_for, unlock_verified
from storage.migrations import migrations
from storage.sync.export import export_bundle
from storage.sync.importer import import_bundle
from tests.sync.conftest import PASSWORD, make_node, pair_up

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


def _nodes(folder: Path) -> list[Path]:
    return [folder / "t" / "t.sqlite3", *(folder / f"v{n}" / "v.sqlite3" for n in range(VILLAGES))]


def _is_current(path: Path) -> bool:
    """Whether the node's file is as this version makes it: encrypted, every migration applied."""
    if is_plain(path):
        return False
    key = unlock_verified(keyring_file_for(path), "admin", PASSWORD)[0]
    return applied_migrations_readonly(path, key) == [step.name for step in migrations.steps]


def current(cache: Path) -> Path:
    """`cache`, or a copy of it brought up to this version once (migrated and encrypted by the first login, as
    after an upgrade). A township of an earlier version measures another file: in clear, its day's safety copy
    took 3.3 s instead of SQLCipher's 10.6 s (every page decrypted, encrypted again, and checked)."""
    if all(_is_current(path) for path in _nodes(cache)):
        return cache
    target = cache.with_name(f"{cache.name}-m{len(migrations.steps)}")
    if not target.exists():
        work = target.with_name(target.name + ".building")
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(cache, work)
        for path in _nodes(work):
            db, _ = login_to(path, None, "admin", PASSWORD)
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.conn.close()
            shutil.rmtree(backup_dir_for(path), ignore_errors=True)  # the pre-migration and pre-encryption copies
        work.rename(target)
        print(f"brought {cache} up to this version in {target}", flush=True)
    return target


def _open(path: Path) -> Database:
    """A node of the cache, opened with the key its admin's password unwraps (as a login does)."""
    key = None if is_plain(path) else unlock_verified(keyring_file_for(path), "admin", PASSWORD)[0]
    return open_database(path, migrate=False, key=key)


def held_changes(folder: Path) -> int:
    """The villages' rows the township holds (every change the benchmark's villages make is a new row)."""
    db = _open(folder / "t" / "t.sqlite3")
    try:
        return int(db.conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
    finally:
        db.conn.close()


def _import_all(township: Database, villages: list[Database], work: Path) -> tuple[float, float]:
    """Each village writes BATCH changes and exports; the seconds of the township's day's safety copy (what the
    day's first import makes before its transaction) and of its 30 imports."""
    bundles = []
    for n, village in enumerate(villages):
        fill(village, BATCH)
        (work / f"out{n}").mkdir()
        bundles.append(Path(export_bundle(village, work / f"out{n}", COMMAND_LINE_ACTOR).file))
    assert township.path is not None
    start = time.perf_counter()
    assert pre_import_backup_if_due(township, backup_dir_for(township.path)) is not None  # a new day's
    copied = time.perf_counter()
    for bundle in bundles:
        import_bundle(township, bundle, COMMAND_LINE_ACTOR, township_returns)
    return copied - start, time.perf_counter() - copied


def into_held(cache: Path, scratch: Path) -> tuple[float, float]:
    copy = scratch / "held"
    shutil.copytree(cache, copy)
    shutil.rmtree(copy / "t" / "backups", ignore_errors=True)
    township = _open(copy / "t" / "t.sqlite3")
    villages = [_open(copy / f"v{n}" / "v.sqlite3") for n in range(VILLAGES)]
    try:
        for n, village in enumerate(villages):  # (a cache built before acknowledgements were sent back)
            acknowledge(township, village, copy / f"v{n}")
        shutil.rmtree(copy / "t" / "backups", ignore_errors=True)
        return _import_all(township, villages, copy)
    finally:
        for db in (township, *villages):
            db.conn.close()
        shutil.rmtree(copy, ignore_errors=True)


def into_empty(scratch: Path) -> tuple[float, float]:
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
    """Seconds for 30 × 2,000 changes into the held and into an empty township (medians, interleaved), the day's
    safety copy included; the copy's seconds; the imports' rates without it."""
    if not cache.exists():
        start = time.perf_counter()
        build(cache, held)
        print(f"built {cache} in {time.perf_counter() - start:.0f} s", flush=True)
    cache = current(cache)
    full, empty = [], []
    with tempfile.TemporaryDirectory(prefix="xiangyue-held-") as folder:
        for _ in range(runs):
            empty.append(into_empty(Path(folder)))
            full.append(into_held(cache, Path(folder)))
    changes = VILLAGES * BATCH
    result = {"held": float(held_changes(cache))}
    for name, times in (("held", full), ("empty", empty)):
        copy_s, imports_s = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
        total_s = statistics.median(sum(t) for t in times)
        result |= {f"{name}_s": total_s, f"{name}_copy_s": copy_s, f"{name}_rate": changes / imports_s,
                   f"{name}_rate_with_copy": changes / total_s}
    return result


def render(result: dict[str, float]) -> str:
    ratio = result["held_rate"] / result["empty_rate"]
    return "\n".join([
        "| measure | result | target |", "|---|---|---|",
        f"| 30 villages × 2,000 changes into a township holding {result['held']:,.0f} changes "
        f"| {result['held_s']:.1f} s | ≤ 15 s |",
        f"| the same into an empty township (baseline, same run) | {result['empty_s']:.1f} s | — |",
        f"| of which the day's safety copy, held / empty | {result['held_copy_s']:.1f} / {result['empty_copy_s']:.2f} s "
        "| — |",
        f"| import rate with the day's copy, held / empty | {result['held_rate_with_copy']:,.0f} / "
        f"{result['empty_rate_with_copy']:,.0f} changes/s "
        f"({result['held_rate_with_copy'] / result['empty_rate_with_copy']:.2f}×) | — |",
        f"| import rate without the day's copy, held / empty | {result['held_rate']:,.0f} / "
        f"{result['empty_rate']:,.0f} changes/s ({ratio:.2f}×) | ≥ 0.7× |"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--held", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(render(measure(args.cache, args.held, args.runs)))


if __name__ == "__main__":
    main()
