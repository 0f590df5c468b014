"""Crash-safe file writing, the one way: temporary name, flush, fsync, rename, fsync the folder."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def temp_name(path: Path) -> Path:
    """Where `path` is written before it takes its name: hidden, beside it (so the rename stays on one disk)."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


@contextmanager
def atomic_stream(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """Write `path` through the handle yielded; on leaving, it holds all that was written or, after an
    exception, its old content (the temporary file is removed). Raise inside the block to refuse the result."""
    temp = temp_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if mode is None else mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def create_private(path: Path) -> None:
    """Create `path` empty, readable by its owner only (0600), before SQLite or a writer opens it.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow. Windows ignores the
    mode bits; the per-user profile folder the data lives in is private there already."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)  # an existing file keeps its mode in os.open; tighten it too


def make_private(path: Path) -> None:
    """A file SQLite just created, still empty: owner-only from here on."""
    os.chmod(path, 0o600)


def tighten(path: Path) -> None:
    """Make an existing file owner-only (databases made by earlier versions were 0644)."""
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # a file we may not chmod (another owner, a read-only medium) is read as it is


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` so that `path` holds either its old content or all of `data`, never a part."""
    with atomic_stream(path, mode) as handle:
        handle.write(data)


def durable_replace(temp: Path, path: Path) -> None:
    """Give a finished file written by someone else (SQLite, a copy) its name: fsync it, rename, fsync the folder."""
    with temp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, path)
    fsync_directory(path.parent)


def fsync_directory(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
