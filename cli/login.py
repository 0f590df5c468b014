"""The command line acts as a named account, like the GUI (issue 16, item 13).

The same credentials unwrap the key of an encrypted database before it is opened (storage/core/encryption.py);
`--key-file FILE` gives the raw key instead (scripts, recovery), after which the account still logs in.

Credentials come from XIANGYUE_USER and XIANGYUE_PASSWORD (scripts), or from `--user USER` with the password
read from standard input (its first line) or a hidden prompt. `init` and `demo` create the accounts and need
neither; a database without any account yet (a restore on a new PC) has nothing to log in to. Every other
command refuses (exit 2) without valid credentials, and its audit entries and role checks are the account's.
"""
from __future__ import annotations

import os
import sys

from models.core.accounts import COMMAND_LINE_ACTOR, Actor
from models.core.errors import DomainError

EXEMPT = frozenset({"init", "demo"})
USER_VARIABLE, PASSWORD_VARIABLE = "XIANGYUE_USER", "XIANGYUE_PASSWORD"
HOW = (f"命令行需要以账户身份登录：请设置环境变量 {USER_VARIABLE} 和 {PASSWORD_VARIABLE}，"
       "或在命令前加 --user 用户名（密码从标准输入的第一行读取，或在提示时输入）。init 和 demo 不需要登录。")


def login(db: object, command: str | None, user: str | None, given: tuple[str, str] | None = None,
          proof: object = None) -> Actor:
    """The account this command runs as; DomainError (exit 2) with advice when the credentials are missing or wrong.

    `given`: the credentials already read to unwrap the database key (standard input is read once); `proof`: the
    unwrap's scrypt digest, which proves the password without a second scrypt."""
    from storage.core.accounts import authenticate
    from storage.core.db import Database

    assert isinstance(db, Database)
    if command in EXEMPT or not db.table_exists("users") or \
            db.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 0:
        return COMMAND_LINE_ACTOR
    name, password = given or credentials(user)
    try:
        return authenticate(db, name, password, record_login=False, proof=proof).as_actor()  # type: ignore[arg-type]
    except DomainError as error:
        raise DomainError(f"{error.message}\n{HOW}") from error


def credentials(user: str | None) -> tuple[str, str]:
    if user:
        return user, _password()
    name, password = os.environ.get(USER_VARIABLE, ""), os.environ.get(PASSWORD_VARIABLE)
    if not name or password is None:
        raise DomainError(HOW)
    return name, password


def unwrap_key(path: object, user: str | None,
               given: tuple[str, str] | None = None) -> tuple[bytes, tuple[str, str], object]:
    """The key of the encrypted database at `path`, the credentials that unwrapped it and the password's proof
    (storage/core/keyring.PasswordProof); exit 2 otherwise."""
    from pathlib import Path

    from storage.core.keyring import keyring_file_for, unlock_verified

    assert isinstance(path, Path)
    given = given or credentials(user)
    try:
        key, proof = unlock_verified(keyring_file_for(path), *given)
    except DomainError as error:
        raise DomainError(f"{error.message}\n{HOW}") from error
    return key, given, proof


def key_from_file(path: object) -> bytes:
    """`--key-file`: 64 hex characters (`key export`), or a key backup (`sync backup-keys`), whose passphrase is
    read from standard input (its first line, before the login's) or a hidden prompt."""
    from pathlib import Path

    from storage.core.encryption import read_key_file
    from storage.sync.keys import database_key_from_backup, is_key_backup

    assert isinstance(path, Path)
    if is_key_backup(path):
        return database_key_from_backup(path, _password("密钥备份口令："))
    return read_key_file(path)


def _password(prompt: str = "登录密码：") -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass
    return getpass.getpass(prompt)
