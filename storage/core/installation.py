"""Opening an installation's database: where it lives, migrating it, and first-time set-up."""
from __future__ import annotations

import os
from pathlib import Path

from models.core.accounts import Actor, Role, User
from models.core.village import VillageProfile
from storage.core.accounts import create_user_unchecked
from storage.core.backups import backup_dir_for, write_backup
from storage.core.files import durable_replace, make_private, tighten
from storage.core.db import (Database, DatabaseRefused, applied_migrations_readonly, check_file,
                        connect, is_plain, refusal, set_durable_pragmas)
from storage.core.driver import sqlite as sqlite3
from storage.core.keyring import keyring_file_for, new_database_key, save_keyring, unclaimed_key, write_keyring
from storage.migrations import migrations
from storage.core.node import create_node, key_file_for, load_node_id
from storage.core.profile import write_profile

APP_NAME = "Xiangyue"
DB_ENV = "XIANGYUE_DB"


def default_db_path() -> Path:
    """`--db` wins, then $XIANGYUE_DB, then the local (not roaming) user data folder."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    import platformdirs  # imported when needed: it costs start-up time

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "xiangyue.sqlite3"


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def open_database(path: Path, must_exist: bool = True, migrate: bool = True, key: bytes | None = None) -> Database:
    """Open, check and migrate the database (snapshotting it first when a migration is due).

    A new database is encrypted with a new random key (`key` when given); an encrypted one opens with `key`, the
    key unwrapped from `<db>.keyring` at login (storage/core/encryption.py), or the keyring's key of a database
    that has no account yet; a database of an earlier version opens in clear until its first login encrypts it.
    A database made by a newer version, or another program's, is refused before anything is written.
    """
    if must_exist and not path.exists():
        raise DatabaseRefused(f"数据库“{path}”不存在。请先运行 init 或 demo 创建它，或用 --db 指定正确的路径。")
    if not path.exists():
        key = key or new_database_key()
        _create_whole(path, key)
    if key is None and path.exists() and not is_plain(path):
        key = key_without_login(path)
    if path.exists():
        check_file(path)
        try:
            applied = applied_migrations_readonly(path, key) if is_plain(path) == (key is None) else []
        except sqlite3.DatabaseError as error:
            raise refusal(path, key, error) from error
        migrations.refuse_unknown_names(applied or [])
    path.parent.mkdir(parents=True, exist_ok=True)
    tighten(path)
    db = connect(path, key)
    try:
        set_durable_pragmas(db)
        if migrate and migrations.applied(db) and migrations.pending(db):
            write_backup(db, backup_dir_for(path), "pre-migration")
        if migrate or not migrations.applied(db):
            migrations.apply(db)
    except (DatabaseRefused, sqlite3.DatabaseError):
        db.conn.close()
        raise
    db.node_id = load_node_id(db) or "local"
    save_keyring(db)
    return db


def key_without_login(path: Path) -> bytes | None:
    """The key of an encrypted file that has no account yet (its keyring holds it until the first account's copy).

    The test suite replaces this to open its files without each account's password (tests/keys.py)."""
    return unclaimed_key(keyring_file_for(path))


def _create_whole(path: Path, key: bytes) -> None:
    """Build a new database beside its final name and rename it into place.

    A process killed while creating it then leaves either no database or a whole, migrated one, never
    an empty file that every later command would have to refuse."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    for stale in [temp, *(Path(f"{temp}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]:
        stale.unlink(missing_ok=True)
    # The key is kept before the file exists: a database is never there without a way to open it.
    write_keyring(keyring_file_for(path), key, {}, "")
    db = connect(temp, key)
    try:
        make_private(temp)  # before WAL mode: SQLite gives -wal and -shm the database file's mode
        set_durable_pragmas(db)
        migrations.apply(db)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        db.conn.close()
        temp.unlink(missing_ok=True)
        keyring_file_for(path).unlink(missing_ok=True)
        raise
    db.conn.close()
    durable_replace(temp, path)


def open_memory_database() -> Database:
    db = Database(memory=True)
    migrations.apply(db)
    return db


def is_initialised(db: Database) -> bool:
    return load_node_id(db) is not None


def initialise(db: Database, profile: VillageProfile, admin_username: str, password: str,
               admin_name: str = "") -> User:
    """Create node identity, profile and first administrator in one transaction."""
    if is_initialised(db):
        raise DatabaseRefused("这个数据库已经完成初始设置，不能再次初始化。")
    bootstrap = Actor("setup", "初次设置", Role.ADMIN)
    key_file = key_file_for(db.path) if db.path is not None else None
    with db.atomic():
        create_node(db, profile, key_file)
        write_profile(db, bootstrap, profile)
        admin = create_user_unchecked(db, bootstrap, admin_username, admin_name or admin_username, Role.ADMIN,
                                      password)
    save_keyring(db)  # the administrator's copy of the database key replaces the set-up one
    return admin
