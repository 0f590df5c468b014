"""Opening an encrypted database at login, and encrypting in place a database of an earlier version (issue 16).

The key is unwrapped from `<db>.keyring` with the account's password (storage/core/keyring.py) before the file is
opened; scripts may give the raw key instead (a file of 64 hex characters, as `key export` writes it). A database
made before encryption opens in clear; the first login of this version encrypts it: a safety copy in the backup
folder first, then `sqlcipher_export` into a temporary file, fsync, and an atomic rename over the old file.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from models.core.accounts import Actor, Permission, Role, User
from models.core.errors import DomainError
from models.core.village import VillageProfile
from storage.core.accounts import authenticate
from storage.core.audit import append_audit
from storage.core.backups import backup_dir_for, write_backup
from storage.core.db import Database, connect, is_plain, set_durable_pragmas
from storage.core.driver import KEY_BYTES
from storage.core.driver import connect as driver_connect
from storage.core.files import atomic_write, create_private, durable_replace, fsync_directory
from storage.core.keyring import (PasswordProof, keyring_file_for, new_database_key, read_keyring, save_keyring,
                                  unclaimed_key, unlock_verified)
from storage.core.installation import open_database
from storage.core.node import load_node_id
from storage.core.passwords import verify_password

SAFETY_KIND = "pre-encryption"


def needs_key(path: Path) -> bool:
    """An existing encrypted database whose key only a login (or a key file) gives."""
    return path.exists() and path.stat().st_size > 0 and not is_plain(path) and \
        unclaimed_key(keyring_file_for(path)) is None


def read_key_file(path: Path) -> bytes:
    """The raw key from a file of 64 hex characters (what `key export` writes)."""
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise DomainError(f"密钥文件“{path}”无法读取，或不是 64 个十六进制字符。") from error
    if len(key) != KEY_BYTES:
        raise DomainError(f"密钥文件“{path}”应是 64 个十六进制字符（256 位密钥）。")
    return key


def encrypt_in_place(db: Database) -> Database:
    """Encrypt an open plain database under a new random key; returns the database reopened encrypted.

    A safety copy of the plain file goes to the backup folder first (kind `pre-encryption`, pruned after three days
    like a pre-import copy), then the keyring is written (from the accounts' password hashes, so every account can
    log in afterwards). A crash before the rename leaves the plain file as it was, and the next login starts
    over; after it, the encrypted file and its keyring."""
    assert db.path is not None and db.key is None
    path, key = db.path, new_database_key()
    write_backup(db, backup_dir_for(path), SAFETY_KIND)  # the plain file, as it was
    db.key = key
    save_keyring(db)  # every active account's copy, before the file exists in its encrypted form
    temp = path.with_name(f".{path.name}.encrypting-{os.getpid()}")
    temp.unlink(missing_ok=True)
    create_private(temp)
    try:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(temp), f"x'{key.hex()}'"))
        db.conn.execute("SELECT sqlcipher_export('encrypted')")
        db.conn.execute("DETACH DATABASE encrypted")
        db.conn.close()
        for suffix in ("-wal", "-shm"):  # checkpointed: a stale log must never meet the new file
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        durable_replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
    encrypted = connect(path, key)
    set_durable_pragmas(encrypted)
    encrypted.node_id = load_node_id(encrypted) or "local"
    encrypt_old_backups(backup_dir_for(path), key, keyring_file_for(path))
    return encrypted


def encrypt_old_backups(folder: Path, key: bytes, keyring: Path) -> list[Path]:
    """The earlier version's plain backups in the backup folder, encrypted in place under the database's key
    (each with its keyring copy), so no copy of the data stays in clear; the safety copy of the conversion stays
    plain for its seven days."""
    done = []
    for backup in sorted(folder.glob("xiangyue-*.sqlite3")) if folder.is_dir() else []:
        if backup.name.startswith(f"xiangyue-{SAFETY_KIND}-") or not is_plain(backup):
            continue
        temp = backup.with_name(f".{backup.name}.encrypting-{os.getpid()}")
        temp.unlink(missing_ok=True)
        create_private(temp)
        try:
            conn = driver_connect(str(backup), None, isolation_level=None)
            try:
                conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(temp), f"x'{key.hex()}'"))
                conn.execute("SELECT sqlcipher_export('encrypted')")
                conn.execute("DETACH DATABASE encrypted")
            finally:
                conn.close()
            shutil.copyfile(keyring, keyring_file_for(backup))
            durable_replace(temp, backup)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        done.append(backup)
    return done


def export_key(db: Database, actor: Actor, password: str, out: Path) -> None:
    """Write the raw database key as 64 hex characters (owner-only file), for SQLCipher tools and recovery.

    Administrators only, after their password once more; the export is audited (not the key)."""
    actor.require(Permission.MANAGE_USERS)
    if actor.role is not Role.ADMIN:
        raise DomainError("只有管理员可以导出数据库密钥。")
    if db.key is None:
        raise DomainError("这个数据库没有加密，没有可导出的密钥。")
    row = db.conn.execute("SELECT password_hash FROM users WHERE id = ?", (actor.user_id,)).fetchone()
    if row is None or not verify_password(password, row[0]):
        raise DomainError("密码不正确，数据库密钥没有导出。")
    with db.atomic():
        append_audit(db, actor, "key_export", "node", db.node_id, f"导出数据库密钥到 {out.name}")
    atomic_write(out, (db.key.hex() + "\n").encode("ascii"), mode=0o600)


class PendingUnlock:
    """A login's key unwrap, started on a worker thread. Its scrypt (40–70 ms) releases the GIL, so the GUI thread
    loads the main window's modules meanwhile (issue 17: the start within 2.5× a bare window). Only the unwrap runs
    there: the database is opened by the thread that goes on to use the connection."""

    def __init__(self, path: Path, username: str, password: str) -> None:
        self._unlocked: tuple[bytes, PasswordProof] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path, username, password), name="xiangyue-unlock",
                                        daemon=True)
        self._thread.start()

    def _run(self, path: Path, username: str, password: str) -> None:
        try:
            self._unlocked = unlock_verified(path, username, password)
        except BaseException as error:  # noqa: BLE001  (raised again on the thread that waits for the result)
            self._error = error

    def result(self) -> tuple[bytes, PasswordProof]:
        """The key and the password's proof, or the unwrap's refusal (a wrong password) raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._unlocked is not None
        return self._unlocked


def begin_unlock(path: Path | None, db: Database | None, username: str, password: str) -> PendingUnlock | None:
    """The unwrap `login_to` would do, started now; None when there is none to do (the file is open or plain)."""
    if db is not None or path is None or not needs_key(path):
        return None
    return PendingUnlock(keyring_file_for(path), username, password)


def login_to(path: Path | None, db: Database | None, username: str, password: str,
             pending: PendingUnlock | None = None) -> tuple[Database, User]:
    """A GUI login: unwrap the key and open the file when it is still closed, check the password, and encrypt a
    database of an earlier version in place (its first login). Returns the open database and the user. `pending`:
    the unwrap already started by `begin_unlock` for the same account."""
    proof = None
    if db is None:
        assert path is not None
        key = None
        if pending is not None:
            key, proof = pending.result()
        elif needs_key(path):
            key, proof = unlock_verified(keyring_file_for(path), username, password)
        db = open_database(path, must_exist=False, key=key)
    user = authenticate(db, username, password, proof=proof)  # the unwrap's scrypt proves the password
    if db.key is None and db.path is not None:
        db = encrypt_in_place(db)
    return db, user


def locked_profile(path: Path | None) -> VillageProfile | None:
    """What the login window shows of a database still closed: the name its keyring keeps (None when open)."""
    if path is None or not needs_key(path):
        return None
    keyring = read_keyring(keyring_file_for(path))
    return VillageProfile(keyring.label if keyring is not None else "", "", "")
