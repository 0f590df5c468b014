"""Attachments, content-addressed: files named by SHA-256 in `<db>.blobs/`, one `blobs` row each."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import IO, BinaryIO

from storage.core.db import Database
from storage.core.files import atomic_stream
from storage.core.tracking import now_iso

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_COPY = 1024 * 1024


def blob_dir(db: Database) -> Path:
    if db.path is None:
        raise RuntimeError("in-memory database has no attachment folder")
    return db.path.with_name(db.path.name + ".blobs")


def blob_path(db: Database, sha256: str) -> Path:
    if not SHA256_HEX.match(sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return blob_dir(db) / sha256[:2] / sha256


def put_blob_file(db: Database, source: Path) -> str:
    """Store a file once by its content (the same scan attached twice is kept once); returns its SHA-256."""
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(_COPY), b""):
            digest.update(block)
    sha = digest.hexdigest()
    with source.open("rb") as handle:
        write_blob(db, sha, handle)
    record_blob(db, sha, source.stat().st_size)
    return sha


def write_blob(db: Database, sha256: str, source: IO[bytes]) -> Path:
    """Copy `source` into the store under `sha256`, verifying the hash; idempotent (skip if present)."""
    target = blob_path(db, sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with atomic_stream(target, 0o600) as out:
        for block in iter(lambda: source.read(_COPY), b""):
            digest.update(block)
            out.write(block)
        if digest.hexdigest() != sha256:  # refused inside the block: the temporary file goes, nothing is named
            raise ValueError(f"attachment content does not match {sha256}")
    return target


def record_blob(db: Database, sha256: str, size: int) -> None:
    """The blobs row; content-addressed, so inserting it twice changes nothing."""
    db.execute("INSERT INTO blobs(sha256, size, created_at) VALUES(?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
               [sha256, size, now_iso()])


def known_blobs(db: Database) -> set[str]:
    return {row[0] for row in db.conn.execute("SELECT sha256 FROM blobs")}


def copy_blob(db: Database, sha256: str, target: BinaryIO) -> int:
    with blob_path(db, sha256).open("rb") as handle:
        shutil.copyfileobj(handle, target, _COPY)
        return handle.tell()

