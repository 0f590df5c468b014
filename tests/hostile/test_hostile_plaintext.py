"""Item 8: a killed `sync import` or `sync export` leaves no decrypted plaintext past the next start of any command."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage.sync.export import outbox_dir
from storage.sync.importer import inbox_dir
from tests.helpers import run_cli
from tests.keys import key_of
from tests.sync.conftest import Pair, export, write_notes

ROOT = Path(__file__).resolve().parents[2]
_KILLED = """
import os, sys
from pathlib import Path
from models.core.accounts import COMMAND_LINE_ACTOR
from storage.core.installation import open_database
import storage.sync.importer as importer, storage.sync.export as exporter
def die(*args, **kwargs):
    os._exit(9)  # as kill -9 at the worst moment: the plaintext archive is on disk
db = open_database(Path(sys.argv[2]), key=bytes.fromhex(sys.argv[4]))  # the key a login would unwrap
if sys.argv[1] == "import":
    importer.open_verified = die
    from storage.core.backend import township_returns
    importer.import_bundle(db, Path(sys.argv[3]), COMMAND_LINE_ACTOR, township_returns)
else:
    exporter._encrypt_to = die
    exporter.export_bundle(db, Path(sys.argv[3]), COMMAND_LINE_ACTOR)
"""


def _killed(kind: str, db: Path, target: Path) -> None:
    key = key_of(db)
    assert key is not None
    done = subprocess.run([sys.executable, "-c", _KILLED, kind, str(db), str(target), key.hex()], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr


def _plaintext(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("inner.zip")] if folder.is_dir() else []


@pytest.mark.parametrize("command", [["check"], ["sync", "peers"], ["user", "list"]])
def test_a_killed_import_leaves_nothing_after_the_next_command(pair: Pair, command: list[str]) -> None:
    write_notes(pair.village, 3)
    bundle = export(pair.village, pair.stick)
    _killed("import", pair.township.path, bundle)
    assert _plaintext(inbox_dir(pair.township))  # the kill did leave it behind
    run_cli(["--db", str(pair.township.path), *command])
    assert _plaintext(inbox_dir(pair.township)) == []


def test_a_killed_export_leaves_nothing_after_the_next_command(pair: Pair) -> None:
    write_notes(pair.village, 3)
    _killed("export", pair.village.path, pair.stick)
    assert _plaintext(outbox_dir(pair.village))
    run_cli(["--db", str(pair.village.path), "check"])
    assert _plaintext(outbox_dir(pair.village)) == []


def test_a_live_import_is_not_swept(pair: Pair, tmp_path: Path) -> None:
    """Another command starting while an import runs leaves that import's folder alone."""
    from storage.sync.scratch import scratch, sweep
    with scratch(inbox_dir(pair.township), "import") as work:
        (Path(work) / "inner.zip").write_bytes(b"in use")
        assert sweep(pair.township.path) == [] and Path(work, "inner.zip").exists()
