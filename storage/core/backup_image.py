"""The day's pre-import safety copy as an image of the database's own file (issue 17).

A copy through SQLite's backup API decrypts every page of an encrypted database and encrypts it again, and the
`quick_check` after it decrypts every page once more: 10–12 s for a township holding 1 M changes (800 MB). The
image copies the encrypted bytes as they are: the main file and its `-wal`, taken while this connection holds the
write lock, so no other connection can commit (append to the WAL, or reset it) while they are read. A checkpoint
of another connection may still copy WAL frames into the main file meanwhile (a passive one needs no write lock;
FULL, RESTART and TRUNCATE fall back to passive while a writer holds it), but it only writes pages whose newest
version is in the WAL, which is copied whole and unchanged, and which the image replays over them when it is folded;
a main file whose size or time of change moved during the copy is not trusted all the same (the backup API copies
instead). The `-shm` is not copied: it is an index of the WAL that SQLite rebuilds from the WAL when the image is
first opened. The bytes copied are hashed on the way, and after fsync read back (from the disk where the OS can be
told to drop its cached copy) and hashed again; the image is then opened with the database's key, its WAL folded in
(`journal_mode = DELETE`, which writes only the WAL's frames, still encrypted), and its schema read.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from storage.core.db import Database
from storage.core.driver import connect as driver_connect
from storage.core.driver import sqlite as sqlite3
from storage.core.files import create_private

CHUNK = 4 << 20
SIDE_FILES = ("-wal", "-shm", "-journal")


class ImageUnavailable(Exception):
    """No image here (an in-memory database, the write lock busy, the file moved, a copy that did not check out):
    the caller copies through the backup API instead. The image's files are removed."""


def write_image(db: Database, temp: Path) -> None:
    """An image of `db`'s file at `temp`, its WAL folded in, checked; ImageUnavailable where the backup API must
    copy instead, OSError where the disk refused the copy (a full disk: the backup API would fail too)."""
    try:
        copied, schema_version = _copy_locked(db, temp)
        for path, digest in copied:
            _verify(path, digest)
        _fold(temp, db.key, schema_version)
    except BaseException:
        remove_image(temp)
        raise


def remove_image(temp: Path) -> None:
    """The image and the files SQLite keeps beside it, so nothing half-written stays."""
    for path in (temp, *(Path(f"{temp}{suffix}") for suffix in SIDE_FILES)):
        path.unlink(missing_ok=True)


def _copy_locked(db: Database, temp: Path) -> tuple[list[tuple[Path, bytes]], int]:
    """The files copied and their hashes, and the schema version the copy must show."""
    if db.path is None or db.conn.in_transaction or not db.path.is_file():
        raise ImageUnavailable("no file of its own, or inside a transaction")
    try:
        db.conn.execute("BEGIN IMMEDIATE")  # the write lock: no commit of any connection until ROLLBACK
    except sqlite3.OperationalError as error:
        raise ImageUnavailable(f"the write lock is busy: {error}") from error
    try:
        before, schema_version = _stamp(db.path), _schema_version(db)
        copied = [(temp, _copy_hashed(db.path, temp))]
        wal = Path(f"{db.path}-wal")
        if wal.is_file() and wal.stat().st_size > 0:  # committed changes not yet checkpointed live only there
            copied.append((Path(f"{temp}-wal"), _copy_hashed(wal, Path(f"{temp}-wal"))))
        if _stamp(db.path) != before:
            raise ImageUnavailable("the main file changed while it was copied")
    finally:
        db.conn.execute("ROLLBACK")  # nothing was written: the lock was only held
    return copied, schema_version


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def _copy_hashed(source: Path, target: Path) -> bytes:
    """Copy `source` to `target` (owner-only: it holds every ID number), returning the hash of what was read."""
    create_private(target)
    digest = hashlib.sha256()  # hardware-accelerated on most CPUs of the last decade: 1 GB/s and more
    with source.open("rb") as reader, target.open("r+b") as writer:
        writer.truncate()
        while chunk := _read(reader, source):
            digest.update(chunk)
            writer.write(chunk)
    return digest.digest()


def _read(reader: BinaryIO, source: Path) -> bytes:
    """A part of the live file; a read it refuses leaves the copy to the backup API. (Windows locks byte ranges
    for SQLite's locks, at 1 GiB into the file: a file that large may refuse a read for as long as another
    connection takes its lock; a write to the copy that fails is the disk's, and refuses the import.)"""
    try:
        return reader.read(CHUNK)
    except OSError as error:
        raise ImageUnavailable(f"{source.name} did not read: {error}") from error


def _verify(path: Path, expected: bytes) -> None:
    """Read the written copy back after fsync and compare its hash with that of what was read."""
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        os.fsync(reader.fileno())
        if hasattr(os, "posix_fadvise"):  # drop the cached pages, so the check reads what the disk holds
            os.posix_fadvise(reader.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
    if digest.digest() != expected:
        raise ImageUnavailable(f"{path.name} read back differs from what was written")


def _schema_version(db: Database) -> int:
    return int(db.conn.execute("PRAGMA schema_version").fetchone()[0])


def _fold(temp: Path, key: bytes | None, schema_version: int) -> None:
    """Open the image with the key, fold its WAL in, and read its schema."""
    try:
        copy = driver_connect(str(temp), key)
        try:
            mode = copy.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            found = int(copy.execute("PRAGMA schema_version").fetchone()[0])
            copy.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        raise ImageUnavailable(f"the image does not open with the key: {error}") from error
    if mode != "delete" or found != schema_version:
        raise ImageUnavailable(f"the image folded to {mode}, schema {found} (expected {schema_version})")
