"""The database key, wrapped once per account in `<db>.keyring` beside the encrypted database (issue 16).

The key is 32 random bytes. Each active account's copy is sealed (XSalsa20-Poly1305 SecretBox) under a key made
from that account's scrypt password digest: `BLAKE2b(scrypt(password, salt, n, r, p))`. The entry keeps the salt
and cost of the account's password hash, never the digest, so opening a copy costs one scrypt of the typed
password, and the holder of the file alone must guess passwords at scrypt's price.

Because a copy is made from the password hash, a session that holds the key can (re)write every account's copy
from the `users` table without knowing any password: when an account is added, its password changed, an account
stopped or removed, after a restore, and when a database of an earlier version is first encrypted. Only entries
whose hash changed are sealed anew, so a password change rewraps that account's copy alone.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nacl.exceptions
import nacl.secret

from models.core.errors import DomainError
from storage.core.driver import KEY_BYTES
from storage.core.files import atomic_write

if TYPE_CHECKING:
    from storage.core.db import Database

KEYRING_FORMAT = "xiangyue-keyring-1"
WRONG = "用户名或密码不正确。请检查大小写和输入法后重试。"
_PERSON = b"xiangyue-dbkey"


def keyring_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keyring")


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


@dataclass(frozen=True)
class PasswordProof:
    """scrypt(password) under `kdf` ("scrypt$n$r$p$salt"), computed once at login."""

    kdf: str
    digest: bytes

    def matches(self, stored: str) -> bool | None:
        """Whether the stored hash is this digest; None when the hash has another salt or cost (check it anew)."""
        kdf, _, digest = stored.rpartition("$")
        if kdf != self.kdf:
            return None
        return hmac.compare_digest(base64.b64decode(digest), self.digest)


@dataclass(frozen=True)
class Keyring:
    label: str  # the village's name, shown in the login window's title before the database is open
    entries: dict[str, dict[str, str]]  # username → {"kdf": "scrypt$n$r$p$salt", "box": base64}
    unclaimed: str = ""  # the hex key while the database has no account (see unclaimed_key)


def read_keyring(path: Path) -> Keyring | None:
    """The keyring at `path`; None when there is none; DomainError when it is not one."""
    try:
        payload: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as error:
        raise DomainError(f"密钥环文件“{path}”无法读取或已损坏。请用密钥备份或导出的密钥文件打开数据库。") from error
    entries = payload.get("accounts") if isinstance(payload, dict) else None
    if payload.get("format") != KEYRING_FORMAT or not isinstance(entries, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("kdf"), str) and isinstance(v.get("box"), str)
            for v in entries.values()):
        raise DomainError(f"“{path}”不是乡约的密钥环文件。")
    return Keyring(str(payload.get("label", "")), entries, str(payload.get("unclaimed", "")))


def unlock(path: Path, username: str, password: str) -> bytes:
    """The database key from the account's copy; the same refusal, in the same time, for an unknown name."""
    return unlock_verified(path, username, password)[0]


def unlock_verified(path: Path, username: str, password: str) -> tuple[bytes, PasswordProof]:
    """The key, and the scrypt digest the password gave: it proves the password to the `users` table's hash of the
    same salt and cost without a second scrypt (storage/core/accounts.authenticate)."""
    keyring = read_keyring(path)
    if keyring is None:
        raise DomainError(f"找不到数据库的密钥环文件“{path}”。请用 --key-file 指定密钥备份或导出的密钥文件。")
    entry = keyring.entries.get(username.strip())
    if entry is None:  # an unknown name costs as long as a wrong password: one scrypt at the accounts' cost
        cost = next(iter(keyring.entries.values()), {"kdf": "scrypt$16384$8$1$"})["kdf"].rsplit("$", 1)[0]
        _digest(password, f"{cost}${_b64(bytes(16))}")
        raise DomainError(WRONG)
    try:
        digest = _digest(password, entry["kdf"])
        return _open_box(_wrapping_key(digest), entry["box"]), PasswordProof(entry["kdf"], digest)
    except (nacl.exceptions.CryptoError, ValueError) as error:
        raise DomainError(WRONG) from error


def write_keyring(path: Path, key: bytes, hashes: dict[str, str], label: str) -> bool:
    """Make `path` hold a copy of `key` for each account in `hashes` (username → stored password hash).

    Copies whose hash did not change are kept as they are; returns whether the file was written."""
    old = _read_quietly(path)
    entries: dict[str, dict[str, str]] = {}
    for username, stored in hashes.items():
        kdf, digest = _split_hash(stored)
        kept = old.entries.get(username) if old is not None else None
        if kept is not None and kept["kdf"] == kdf and _opens(kept, digest, key):
            entries[username] = kept
        else:
            entries[username] = {"kdf": kdf, "box": _seal(_wrapping_key(digest), key)}
    unclaimed = "" if entries else key.hex()
    if old is not None and old.entries == entries and old.label == label and old.unclaimed == unclaimed:
        return False
    payload = {"format": KEYRING_FORMAT, "cipher": "sqlcipher4-raw-key", "label": label, "accounts": entries,
               "unclaimed": unclaimed}
    atomic_write(path, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"), mode=0o600)
    return True


def _read_quietly(path: Path) -> Keyring | None:
    try:
        return read_keyring(path)
    except DomainError:
        return None  # a damaged keyring is rewritten whole from the users table


def _opens(entry: dict[str, str], digest: bytes, key: bytes) -> bool:
    try:
        return hmac.compare_digest(_open_box(_wrapping_key(digest), entry["box"]), key)
    except (nacl.exceptions.CryptoError, ValueError):
        return False


def _split_hash(stored: str) -> tuple[str, bytes]:
    """"scrypt$n$r$p$salt$digest" (storage/core/passwords.py) → ("scrypt$n$r$p$salt", digest)."""
    kdf, _, digest = stored.rpartition("$")
    if not kdf.startswith("scrypt$") or kdf.count("$") != 4:
        raise DomainError("账户的密码格式无法识别，不能为它保存数据库密钥。")
    return kdf, base64.b64decode(digest)


def _digest(password: str, kdf: str) -> bytes:
    scheme, n, r, p, salt = kdf.split("$")
    if scheme != "scrypt":
        raise ValueError(scheme)
    return hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                          dklen=32)


def _wrapping_key(digest: bytes) -> bytes:
    return hashlib.blake2b(digest, digest_size=nacl.secret.SecretBox.KEY_SIZE, person=_PERSON).digest()


def _seal(wrapping_key: bytes, key: bytes) -> str:
    return _b64(bytes(nacl.secret.SecretBox(wrapping_key).encrypt(key)))


def _open_box(wrapping_key: bytes, box: str) -> bytes:
    key = nacl.secret.SecretBox(wrapping_key).decrypt(base64.b64decode(box, validate=True))
    if len(key) != KEY_BYTES:
        raise ValueError("key length")
    return bytes(key)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unclaimed_key(path: Path) -> bytes | None:
    """The key of a database that has no account yet (just created, or a restore's empty target): nothing in it
    to protect, so the keyring holds it until the first account's copy replaces it."""
    keyring = _read_quietly(path)
    hex_key = keyring.unclaimed if keyring is not None else ""
    return bytes.fromhex(hex_key) if hex_key else None


def save_keyring(db: Database) -> None:
    """Bring `<db>.keyring` in line with the accounts of an encrypted database (a no-op when nothing changed)."""
    if db.key is None or db.path is None:
        return
    hashes: dict[str, str] = {}
    if db.table_exists("users"):
        hashes = dict(db.conn.execute("SELECT username, password_hash FROM users WHERE active = 1"))
    label = ""
    if db.table_exists("village_profiles"):
        from models.core.errors import NotFound
        from storage.core.profile import read_profile
        try:
            label = read_profile(db).display_name if hashes else ""
        except NotFound:
            label = ""
    write_keyring(keyring_file_for(db.path), db.key, hashes, label)
