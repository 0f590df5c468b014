"""Imports under stress: killed at random points, two at once, and the disk filling up mid-import."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from models.core.errors import DomainError
from storage.core.backups import write_backup
from storage.core.checks import run_checks
from storage.core.installation import open_database
from tests.sync.conftest import PASSWORD, Pair, export, import_, notes, state, write_notes

ROOT = Path(__file__).resolve().parents[2]


def _run_import(db_path: Path, bundle: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "sync", "import",
                             str(bundle)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "XIANGYUE_USER": "admin", "XIANGYUE_PASSWORD": PASSWORD})


def _fresh_copy(pristine: Path, keys: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, target)
    shutil.copyfile(keys, target.with_name(target.name + ".keys"))
    shutil.copyfile(pristine.with_name(pristine.name + ".keyring"), target.with_name(target.name + ".keyring"))


def test_killed_import_then_integrity_ok_and_reimport_completes(pair: Pair, tmp_path: Path) -> None:
    write_notes(pair.village, 3000)
    bundle = export(pair.village, pair.stick)
    expected = notes(pair.village)
    pristine = write_backup(pair.township, tmp_path / "pristine")
    keys = pair.township.path.with_name(pair.township.path.name + ".keys")
    target = tmp_path / "killed" / "t.sqlite3"
    target.parent.mkdir()
    _fresh_copy(pristine, keys, target)
    started = time.monotonic()
    assert _run_import(target, bundle).wait() == 0
    whole = time.monotonic() - started  # kill points are spread over a full run
    rng = random.Random(7)
    for _ in range(3):
        _fresh_copy(pristine, keys, target)
        process = _run_import(target, bundle)
        time.sleep(rng.uniform(0.3, 0.97) * whole)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        db = open_database(target)
        assert run_checks(db) == []
        assert len(notes(db)) in (0, len(expected))  # nothing half-applied
        import_(db, bundle)
        assert notes(db) == expected and run_checks(db) == []
        db.conn.close()


def test_two_concurrent_imports_of_the_same_bundle_exactly_one_applies(pair: Pair) -> None:
    write_notes(pair.village, 500)
    bundle = export(pair.village, pair.stick)
    results = []

    def run() -> None:
        db = open_database(pair.township.path)
        results.append(import_(db, bundle))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.applied for r in results) == [0, 501]
    assert pair.township.conn.execute("SELECT count(*) FROM sync_bundles_received").fetchone()[0] == 1
    assert len(notes(pair.township)) == 500


def test_disk_full_mid_import_rolled_back(pair: Pair) -> None:
    write_notes(pair.village, 2000)
    bundle = export(pair.village, pair.stick)
    pages = pair.township.conn.execute("PRAGMA page_count").fetchone()[0]
    pair.township.conn.execute(f"PRAGMA max_page_count = {pages + 5}")  # a real SQLITE_FULL
    before = state(pair.township)
    with pytest.raises(DomainError, match="磁盘已满"):
        import_(pair.township, bundle)
    assert state(pair.township) == before
    assert pair.township.conn.execute("SELECT count(*) FROM sync_applying").fetchone()[0] == 0
    pair.township.conn.execute("PRAGMA max_page_count = 1073741823")
    assert import_(pair.township, bundle).applied == 2001


def test_stale_decrypted_temp_folder_of_a_killed_import_is_removed(pair: Pair) -> None:
    from storage.sync.importer import STALE_SECONDS, inbox_dir
    stale = inbox_dir(pair.township) / ".import-leftover"
    stale.mkdir(parents=True)
    (stale / "inner.zip").write_bytes(b"plaintext left by a killed import")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    write_notes(pair.village, 1)
    import_(pair.township, export(pair.village, pair.stick))
    assert not stale.exists()
