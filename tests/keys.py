"""The database keys of the suite's encrypted files, so tests can open them without each account's password.

Tests build databases under many accounts and passwords; the app opens an encrypted file only with a password
(or a key file). Every keyring the app writes in this process is remembered here by its sealed copies (random, so
unique): a copy of a database with its keyring (tests/templates.py) is found by the same copies. Nothing in the app
reads this; tests marked `cli_login` log in for real.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.core import keyring as keyring_module
from storage.core.driver import connect
from storage.core.driver import sqlite

_BY_BOX: dict[str, bytes] = {}
_write_keyring = keyring_module.write_keyring


def _remembering_write(path: Path, key: bytes, hashes: dict[str, str], label: str) -> bool:
    written = _write_keyring(path, key, hashes, label)
    found = keyring_module.read_keyring(path)
    for entry in (found.entries.values() if found is not None else ()):
        _BY_BOX[entry["box"]] = key
    return written


def remember_keys() -> None:
    """Called once from tests/conftest.py."""
    keyring_module.write_keyring = _remembering_write  # type: ignore[assignment]


def key_of(db_path: Path) -> bytes | None:
    """The key of the encrypted database at `db_path` (None for a plain file or one without a keyring)."""
    from storage.core.db import is_plain

    if not db_path.exists() or is_plain(db_path):
        return None
    unclaimed = keyring_module.unclaimed_key(keyring_module.keyring_file_for(db_path))
    if unclaimed is not None:
        return unclaimed
    keyring = keyring_module.keyring_file_for(db_path)
    found = keyring_module.read_keyring(keyring)
    if found is None:
        return None
    for entry in found.entries.values():
        if entry["box"] in _BY_BOX:
            return _BY_BOX[entry["box"]]
    return _by_known_password(keyring)


def _by_known_password(keyring: Path) -> bytes:
    """A keyring written in a child process (a killed demo, a subprocess test): the suite's own passwords open it."""
    from models.core.errors import DomainError
    from storage.demo.b10_installation import DEMO_PASSWORD
    from tests.conftest import PASSWORD

    for password in (DEMO_PASSWORD, PASSWORD):
        try:
            return keyring_module.unlock(keyring, "admin", password)
        except DomainError:
            continue
    raise LookupError(f"no key known for {keyring}")


def raw_connect(db_path: Path | str, **options: Any) -> sqlite.Connection:
    """A driver connection to a file of the suite, keyed when it is encrypted (for tests that tamper with SQL)."""
    path = Path(str(db_path).removeprefix("file:").partition("?")[0]) if options.get("uri") else Path(db_path)
    return connect(str(db_path), key_of(path), **options)
