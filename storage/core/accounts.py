"""SqliteAccountStore: local users, roles, password checks and the login delay."""
from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from models.core.accounts import Actor, Permission, Role, User, login_delay_seconds, validate_password, validate_username
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.core.ids import new_id
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.core.driver import sqlite as sqlite3
from storage.core.keyring import PasswordProof, save_keyring
from storage.core.passwords import hash_password, verify_password
from storage.core.tracking import now_iso

_USER_COLUMNS = "id, username, display_name, role, active"
_WRONG = "用户名或密码不正确。请检查大小写和输入法后重试。"
log = logging.getLogger(__name__)


class SqliteAccountStore:
    """Local accounts; not synced (each PC has its own), but every change is audited."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def list_users(self) -> list[User]:
        rows = self._db.conn.execute(f"SELECT {_USER_COLUMNS} FROM users ORDER BY created_at").fetchall()
        return [_user(row) for row in rows]

    def user(self, user_id: str) -> User:
        return get_user(self._db, user_id)

    def create_user(self, username: str, display_name: str, role: Role, password: str) -> Changed:
        self._actor.require(Permission.MANAGE_USERS)
        with self._db.atomic():
            user = create_user_unchecked(self._db, self._actor, username, display_name, role, password)
        save_keyring(self._db)  # the new account's copy of the database key
        return Changed.one(Entity.USER, user.id)

    def set_password(self, user_id: str, password: str) -> Changed:
        if user_id != self._actor.user_id:
            self._actor.require(Permission.MANAGE_USERS)
        validate_password(password)
        with self._db.atomic():
            self._db.execute("UPDATE users SET password_hash = ?, failed_attempts = 0, updated_at = ? WHERE id = ?",
                             [hash_password(password), now_iso(), user_id])
            append_audit(self._db, self._actor, "set_password", "users", user_id, "password_hash: （已更改，不显示）")
        save_keyring(self._db)  # this account's copy, sealed anew under the new password; the old one no longer opens
        return Changed.one(Entity.USER, user_id)

    def set_active(self, user_id: str, active: bool) -> Changed:
        self._actor.require(Permission.MANAGE_USERS)
        if user_id == self._actor.user_id and not active:
            raise DomainError("不能停用自己正在使用的账户。")
        with self._db.atomic():
            self._db.execute("UPDATE users SET active = ?, updated_at = ? WHERE id = ?",
                             [int(active), now_iso(), user_id])
            append_audit(self._db, self._actor, "update", "users", user_id, f"active: {int(not active)} → {int(active)}")
        save_keyring(self._db)  # a stopped account's copy goes; a restarted one's comes back
        return Changed.one(Entity.USER, user_id)

    def authenticate(self, username: str, password: str) -> User:
        return authenticate(self._db, username, password)


def create_user_unchecked(db: Database, actor: Actor, username: str, display_name: str,
                          role: Role, password: str) -> User:
    """Create an account without a permission check (first administrator). Needs db.atomic()."""
    name = validate_username(username)
    validate_password(password)
    if db.conn.execute("SELECT 1 FROM users WHERE username = ?", (name,)).fetchone():
        raise DomainError(f"用户名“{name}”已被使用，请换一个。")
    user = User(new_id(), name, display_name.strip() or name, role)
    stamp = now_iso()
    db.execute("INSERT INTO users(id, username, display_name, role, password_hash, created_at, updated_at) "
               "VALUES(?, ?, ?, ?, ?, ?, ?)",
               [user.id, user.username, user.display_name, role.value, hash_password(password), stamp, stamp])
    append_audit(db, actor, "create", "users", user.id, f"username: {name}; role: {role.value}")
    return user


_DUMMY: dict[object, str] = {}


def _dummy_hash() -> str:
    """A hash at the current cost, made once per cost, to verify against when the user name is unknown."""
    from storage.core import passwords

    cost = passwords._cost
    if cost not in _DUMMY:
        _DUMMY[cost] = hash_password(new_id())
    return _DUMMY[cost]


def authenticate(db: Database, username: str, password: str, now: datetime | None = None,
                 record_login: bool = True, proof: PasswordProof | None = None) -> User:
    """Check a password; after five misses in a row the next try must wait (30 s, doubling).

    `record_login=False` (each command-line command): a success writes nothing unless misses are to be reset,
    so `check` stays read-only; the command's own entries name the account. `proof`: the scrypt digest the login
    already computed to unwrap the database key, checked against the hash instead of a second scrypt."""
    moment = now or datetime.now(UTC)
    row = db.conn.execute(f"SELECT {_USER_COLUMNS}, password_hash, failed_attempts, last_failed_at "
                          "FROM users WHERE username = ?", (username.strip(),)).fetchone()
    if row is None:
        verify_password(password, _dummy_hash())  # an unknown name costs as long as a wrong password
        raise DomainError(_WRONG)
    user, stored, failures, last_failed = _user(row[:5]), row[5], row[6], row[7]
    wait = _seconds_to_wait(failures, last_failed, moment)
    if wait > 0:
        raise DomainError(f"密码已连续输错 {failures} 次。为防止猜测密码，请 {wait} 秒后再试。")
    if not user.active:
        raise DomainError("这个账户已停用。请联系管理员。")
    matched = proof.matches(stored) if proof is not None else None
    if not (verify_password(password, stored) if matched is None else matched):
        with db.atomic():
            db.execute("UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?",
                       [moment.isoformat(), user.id])
            append_audit(db, user.as_actor(), "login_failed", "users", user.id, "密码错误")
        raise DomainError(_WRONG)
    if not record_login and not failures:
        return user
    try:
        with db.atomic():
            db.execute("UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?", [user.id])
            append_audit(db, user.as_actor(), "login", "users", user.id, "登录")
    except sqlite3.OperationalError as error:
        # A full or read-only disk must not lock the clerk out of reading (and backing up) the data.
        log.warning("login of %s not recorded: %s", user.username, error)
    return user


def _seconds_to_wait(failures: int, last_failed: str | None, now: datetime) -> int:
    delay = login_delay_seconds(failures)
    if not delay or not last_failed:
        return 0
    until = datetime.fromisoformat(last_failed) + timedelta(seconds=delay)
    # Never more than the delay itself: a clock set back must not lock the village out for a year.
    return min(delay, max(0, int((until - now).total_seconds() + 0.999)))


def get_user(db: Database, user_id: str) -> User:
    row = db.conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这个用户。")
    return _user(row)


def _user(row: tuple[Any, ...]) -> User:
    return User(row[0], row[1], row[2], Role(row[3]), bool(row[4]))
