"""The SQLite driver: SQLCipher 4 through `sqlcipher3`, a drop-in for the standard library's sqlite3 (issue 16).

Every connection of the app comes from this module, so every error class, Connection and Cursor is the driver's
own (sqlcipher3's exceptions are not sqlite3's): code catching `sqlite.IntegrityError` imports `sqlite` from here.
The type checker reads the standard module, whose API sqlcipher3 copies. Without a key a connection is plain SQLite
(in-memory databases, and the databases of earlier versions until their first login converts them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3 as sqlite
else:
    import sqlcipher3.dbapi2 as sqlite

KEY_BYTES = 32

__all__ = ["KEY_BYTES", "sqlite", "connect", "key_pragma"]


def key_pragma(key: bytes) -> str:
    """A raw 256-bit key: SQLCipher skips its per-open key derivation, so opening stays fast; any SQLCipher 4
    tool opens the file with the same statement (`key export` writes the hex)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(target: str, key: bytes | None = None, **options: Any) -> sqlite.Connection:
    """A connection to `target` (a path, an URI with uri=True, or ':memory:'), keyed when `key` is given."""
    conn: sqlite.Connection = sqlite.connect(target, **options)
    if key is not None:
        # SQLCipher logs a wrong key to stderr: the caller explains it in Chinese instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
    return conn
