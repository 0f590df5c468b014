"""Opening the database safely, transactions, and the hybrid logical clock of this node."""
from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path
from typing import Any, Iterator

from models.core.errors import DomainError
from models.core.hlc import Hlc, receive, tick
from storage.core.driver import connect as driver_connect
from storage.core.driver import sqlite as sqlite3

SQLITE_MAGIC = b"SQLite format 3\x00"
# The page cache of an encrypted database's connection: large enough for a 5,000-household registry's working set.
ENCRYPTED_CACHE_KIB = 32 * 1024


class DatabaseRefused(DomainError):
    """The file cannot be used as this app's database; nothing was changed."""


class DatabaseDamaged(DatabaseRefused):
    """The file is ours but damaged (empty, truncated, corrupt): `restore` may replace it."""


class StorageFailure(DomainError, sqlite3.OperationalError):
    """A write failed for a reason outside the app (full or read-only disk, lock); it was rolled back.

    It is both a DomainError (so screens and the CLI show its Chinese message) and an OperationalError
    (so code that handles SQLite errors keeps working).
    """


def explain_sqlite_error(error: sqlite3.OperationalError) -> str | None:
    """The Chinese explanation of an environmental SQLite error, or None for a programming error."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return "数据库文件是只读的，无法保存。请检查文件权限，或把数据库放到可写的位置。本次操作未作任何更改。"
    if "disk is full" in text or "disk I/O" in text:
        return "磁盘已满或无法写入，本次操作已撤销，数据没有损坏。请清理磁盘空间后重试。"
    if "locked" in text or "busy" in text:
        return "数据库正被另一个程序使用。请稍后重试，或关闭其他正在使用它的乡约窗口。"
    return None


def translate(error: sqlite3.OperationalError) -> BaseException:
    message = explain_sqlite_error(error)
    return error if message is None else StorageFailure(message)


class Database:
    """One SQLite connection with BEGIN IMMEDIATE transactions and an HLC for versioning rows.

    `key` is the raw SQLCipher key the connection was opened with (None: a plain file, or in memory); backups and
    the second connections of checks open with it too."""

    def __init__(self, filename_or_conn: Any = None, memory: bool = False, key: bytes | None = None) -> None:
        if memory or filename_or_conn == ":memory:":
            conn = driver_connect(":memory:", isolation_level=None)
        elif isinstance(filename_or_conn, sqlite3.Connection):
            conn = filename_or_conn
        else:
            conn = driver_connect(str(filename_or_conn), key, isolation_level=None)
        # Autocommit outside atomic(); inside it, we issue BEGIN IMMEDIATE ourselves.
        conn.isolation_level = None
        self.conn = conn
        self.node_id = "local"
        self.path: Path | None = None
        self.key = key
        self._last_hlc: Hlc | None = None
        self._hlc_dirty = False
        self.conn.execute("PRAGMA foreign_keys = ON")

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def table_exists(self, table: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).fetchone() is not None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (nested calls become savepoints); the HLC is saved with the commit."""
        if self.conn.in_transaction:
            name = f"sp_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        # IMMEDIATE takes the write lock up front, so a second writer waits instead of failing late.
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise translate(error) from error
        self._last_hlc, self._hlc_dirty = None, False
        try:
            yield self
            self._flush_hlc()
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback_quietly()
            raise translate(error) from error
        except BaseException:
            self._rollback_quietly()
            raise
        finally:
            self._last_hlc, self._hlc_dirty = None, False

    def _rollback_quietly(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.OperationalError:
                pass  # SQLite already rolled back (e.g. after SQLITE_FULL): nothing is left to undo

    def next_hlc(self) -> str:
        """A new version stamp, later than every stamp this database has issued or seen."""
        self._require_transaction()
        self._last_hlc = tick(self._load_hlc(), _now_ms(), self.node_id)
        self._hlc_dirty = True
        return self._last_hlc.encode()

    def observe_hlc(self, remote: str) -> None:
        """Advance the clock past a stamp received from another node (sync import)."""
        self._require_transaction()
        self._last_hlc = receive(self._load_hlc(), Hlc.decode(remote), _now_ms(), self.node_id)
        self._hlc_dirty = True

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def _load_hlc(self) -> Hlc | None:
        if self._last_hlc is None:
            stored = self.meta("last_hlc")
            self._last_hlc = Hlc.decode(stored) if stored else None
        return self._last_hlc

    def _flush_hlc(self) -> None:
        if self._hlc_dirty and self._last_hlc is not None:
            self.set_meta("last_hlc", self._last_hlc.encode())

    def _require_transaction(self) -> None:
        if not self.conn.in_transaction:
            raise RuntimeError("writes to synced tables must run inside db.atomic()")


def _now_ms() -> int:
    return int(time.time() * 1000)


def wal_file(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def is_plain(path: Path) -> bool:
    """A database file in clear (made by a version before encryption, or not yet keyed): its header says so."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def check_file(path: Path) -> None:
    """Refuse (without touching it) a file that is not SQLite or is visibly truncated.

    An encrypted file's header is random: whether it is ours is known when its key opens it (connect)."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseRefused(f"“{path}”是一个文件夹，不是数据库文件。请指定数据库文件的路径。")
    size = path.stat().st_size
    if size == 0:
        raise DatabaseDamaged(f"数据库文件“{path}”是空的（0 字节），可能是断电或复制失败造成的。"
                              "文件未作改动；请用 restore 命令从备份恢复。")
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) == 100 and not header.startswith(SQLITE_MAGIC):
        # SQLCipher: whole pages of ciphertext, whose header only the key reads; with its keyring beside it the
        # file is ours, and a part of a page means a copy cut short.
        if size % 512 == 0:
            return
        if path.with_name(path.name + ".keyring").exists():
            raise DatabaseDamaged(f"数据库文件“{path}”不完整（{size} 字节不是整页），可能复制中断或磁盘损坏。"
                                  "文件未作改动；请用 restore 命令从备份恢复。")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(f"“{path}”不是乡约数据库（不是 SQLite 文件）。文件未作任何改动；请检查路径，或从备份恢复。")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # With a write-ahead log beside it, the main file may legitimately lag behind its header
    # (a checkpoint cut short by a full disk or a crash): SQLite replays the log, and connect() checks.
    wal = wal_file(path)
    if wal.exists() and wal.stat().st_size > 0:
        return
    if pages and size < pages * page_size:
        raise DatabaseDamaged(
            f"数据库文件“{path}”不完整（应有 {pages * page_size} 字节，实有 {size} 字节），可能复制中断或磁盘损坏。"
            "文件未作改动；请用 restore 命令从备份恢复。")


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI; as_uri() escapes '#', '?' and '%' that would otherwise cut the path."""
    return path.resolve().as_uri() + "?mode=ro"


def applied_migrations_readonly(path: Path, key: bytes | None = None) -> list[str] | None:
    """Migration names recorded in an existing file, read without writing to it.

    None means a SQLite file that is not ours. A read-only connection cannot checkpoint a WAL on
    close, so a refused file keeps every byte. The one exception is a hot rollback journal left by a
    crash, which a read-only connection cannot undo: it is rolled back first (SQLite's own recovery).
    """
    try:
        return _read_migrations(path, key)
    except sqlite3.OperationalError as error:
        # SQLCipher reports a hot journal seen by a read-only keyed connection as plain SQLITE_READONLY.
        hot = Path(f"{path}-journal").exists() and key is not None
        if getattr(error, "sqlite_errorname", "") != "SQLITE_READONLY_ROLLBACK" and not hot:
            raise
    _roll_back_hot_journal(path, key)
    return _read_migrations(path, key)


def _roll_back_hot_journal(path: Path, key: bytes | None) -> None:
    """A process killed mid-write in rollback-journal mode (e.g. while switching a restored copy to WAL) leaves a
    hot journal that only a writer may undo; SQLite rolls it back on this first read, back to the last commit."""
    conn = driver_connect(str(path), key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _read_migrations(path: Path, key: bytes | None) -> list[str] | None:
    conn = driver_connect(readonly_uri(path), key, uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return []
        if "schema_migrations" not in tables:
            return None
        return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]
    finally:
        conn.close()


def connect(path: Path | str, key: bytes | None = None) -> Database:
    """Open (or create) the database file, with `key` when it is encrypted; refuse one that is damaged, another
    program's, or that `key` does not open."""
    target = Path(path)
    check_file(target)
    existing = target.exists() and target.stat().st_size > 0
    if existing and key is None and not is_plain(target):
        raise DatabaseRefused(wrong_key_message(target))
    if existing and key is not None and is_plain(target):
        raise DatabaseRefused(f"数据库“{target}”尚未加密，不能用密钥打开（登录时会先把它加密）。文件未作改动。")
    try:
        if existing and applied_migrations_readonly(target, key) is None:
            raise DatabaseRefused(f"“{target}”是别的程序的 SQLite 数据库，不是乡约数据库。文件未作改动；请检查路径。")
        conn = driver_connect(str(target), key, isolation_level=None, timeout=15)
        db = Database(conn, key=key)
        db.path = target
        db.conn.execute("PRAGMA busy_timeout = 15000")
        if key is not None:  # a page read again from the cache is not decrypted again (~8 µs a page)
            db.conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    except sqlite3.DatabaseError as error:
        raise refusal(target, key, error) from error
    wal = wal_file(target)
    if existing and wal.exists() and wal.stat().st_size > 0:
        # A log left by a crash: make sure what SQLite replays is sound. An empty one is what the read-only
        # connection of applied_migrations_readonly leaves: nothing to replay, and checking every page (decrypted,
        # 0.2 s on a 5,000-household file) at every start would be paid for nothing.
        _quick_check(db, target)
    return db


def refusal(path: Path, key: bytes | None, error: sqlite3.DatabaseError) -> DatabaseRefused:
    """Why a file did not open: a wrong key, a damaged (e.g. truncated) file, or the place (read-only)."""
    if key is not None and "not a database" in str(error):
        return DatabaseRefused(wrong_key_message(path))
    if "malformed" in str(error):  # an encrypted file's header is readable only with its key: SQLite checks the size
        return DatabaseDamaged(f"数据库文件“{path}”不完整或已损坏，可能复制中断或磁盘损坏。文件未作改动；请用 restore 命令从备份恢复。")
    return DatabaseRefused(cannot_open_message(path, error))


def wrong_key_message(path: Path) -> str:
    return (f"数据库“{path}”已加密，需要正确的用户名和密码（或密钥文件）才能打开；也可能它不是乡约数据库。"
            "文件未作任何改动。")


def _quick_check(db: Database, path: Path) -> None:
    rows = [row[0] for row in db.conn.execute("PRAGMA quick_check")]
    if rows != ["ok"]:
        db.conn.close()
        raise DatabaseDamaged(f"数据库“{path}”已损坏（{rows[0]}）。文件未作改动；请用 restore 命令从备份恢复。")


def cannot_open_message(path: Path, error: sqlite3.DatabaseError) -> str:
    folder = path.parent if path.parent.exists() else Path.cwd()
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return (f"数据库“{path}”所在的位置是只读的（或没有写入权限）。请把数据库复制到可写的磁盘，"
                "或检查文件夹权限后重试。文件未作改动。")
    return f"无法打开数据库“{path}”：{error}。文件未作改动；请用 restore 命令从备份恢复。"


def set_durable_pragmas(db: Database) -> None:
    """WAL for concurrent readers, FULL sync so a power cut never loses a committed write."""
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = FULL")
