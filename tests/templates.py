"""Databases built once per test session and copied into each test with SQLite's backup API.

Migrating a new file costs ~75 ms and a demo build up to seconds; a copy costs a few milliseconds. Each
template is built by the same production code the tests used to call per test, so a copy holds the same
rows. A copy keeps the template's node identity (id, epoch, keys): two copies of one template in one test
would be the same node, so a test that needs a second, different node builds it itself (`make_node`).
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Callable

from storage.db import Database
from storage.installation import open_database
from storage.node import key_file_for

# The files that belong to a database besides itself, named after it (see storage/node.py, storage/blobs.py).
_SIDECARS = (".keys", ".blobs")
# Databases beside it, named after it: the demo's township (storage/demo/b70_sync.py).
_NEIGHBOURS = (".township-demo.sqlite3",)


def backup_file(source: Path, target: Path) -> None:
    """Copy one SQLite database page by page (consistent even with a write-ahead log beside the source)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        dst.execute("PRAGMA synchronous = OFF")  # a copy for one test: no fsync (it is reopened durable)
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def copy_installation(source: Path, target: Path) -> None:
    """Copy the database `source` to `target` with its key file, attachment folder and demo township."""
    backup_file(source, target)
    for suffix in _SIDECARS:
        side = source.with_name(source.name + suffix)
        if side.is_dir():
            shutil.copytree(side, target.with_name(target.name + suffix))
        elif side.exists():
            shutil.copy2(side, target.with_name(target.name + suffix))
    for suffix in _NEIGHBOURS:
        neighbour = source.with_name(source.name + suffix)
        if neighbour.exists():
            copy_installation(neighbour, target.with_name(target.name + suffix))


def build_template(folder: Path, name: str, build: Callable[[Path], Database]) -> Path:
    """Run `build(path)` once in `folder` and close its connection, so the file stands alone."""
    path = folder / name
    close_template(build(path))
    return path


def close_template(database: Database) -> None:
    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.conn.close()


def open_copy(template: Path, target: Path) -> Database:
    """A copy of `template` at `target`, opened as every database is (checked, migrations verified)."""
    copy_installation(template, target)
    assert key_file_for(target).exists() or not key_file_for(template).exists()
    return open_database(target)


def memory_copy(template: Database) -> Database:
    """An in-memory copy of an in-memory template."""
    database = Database(memory=True)
    template.conn.backup(database.conn)
    return database
