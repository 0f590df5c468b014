"""Databases built once per test session and copied into each test with SQLite's backup API.

Migrating a new file costs ~75 ms and a demo build up to seconds; a copy costs a few milliseconds. Each
template is built by the same production code the tests used to call per test, so a copy holds the same
rows. A copy keeps the template's node identity (id, epoch, keys): two copies of one template in one test
would be the same node, so a test that needs a second, different node builds it itself (`make_node`).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from storage.core.db import Database, set_durable_pragmas
from storage.core.driver import connect
from storage.core.node import load_node_id
from tests.keys import key_of

# The files that belong to a database besides itself, named after it (see storage/core/node.py, storage/core/blobs.py,
# storage/core/keyring.py).
_SIDECARS = (".keys", ".blobs", ".keyring")
# Databases beside it, named after it: the demo's township (storage/demo/b70_sync.py).
_NEIGHBOURS = (".township-demo.sqlite3",)
# What storage.core.db.connect() gives every connection.
BUSY_TIMEOUT_MS = 15000


def backup_file(source: Path, target: Path) -> None:
    """Copy one SQLite database page by page (consistent even with a write-ahead log beside the source), under its
    own key: the copy's keyring (a sidecar) opens it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    key = key_of(source)
    src, dst = connect(str(source), key), connect(str(target), key)
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
    """Close a built template, folded back into one rollback-journal file: a copy of it then carries no log that
    connect() would have to check (the copy is switched to WAL when it is opened)."""
    database.conn.execute("PRAGMA journal_mode = DELETE")
    database.conn.close()


def open_copy(template: Path, target: Path) -> Database:
    """A copy of `template` at `target`, opened as open_database() leaves a database.

    open_database() checked and migrated the template when it was built. A page-by-page copy of it can be neither
    another program's file nor damaged, so the copy skips connect()'s refusals, whose read-only second connection
    parses the whole schema again (~3 ms a test); it sets what connect() and set_durable_pragmas() set on the
    connection (tests/test_templates.py compares the two)."""
    copy_installation(template, target)
    key = key_of(target)
    database = Database(connect(str(target), key, isolation_level=None, timeout=15), key=key)
    database.path = target
    database.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    set_durable_pragmas(database)
    database.node_id = load_node_id(database) or "local"
    return database


def memory_copy(template: Database) -> Database:
    """An in-memory copy of an in-memory template."""
    database = Database(memory=True)
    template.conn.backup(database.conn)
    return database
