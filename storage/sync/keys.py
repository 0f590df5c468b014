"""Pairing: this node's public key file, fingerprints, trusted peers and passphrase key backups."""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils

from models.core.errors import DomainError
from models.sync.bundles import Peer, format_fingerprint
from storage.core.db import Database
from storage.core.audit_anchor import sign_restored_tail
from storage.core.files import atomic_write
from storage.core.node import NodeKeys, key_file_for, load_keys, save_keys
from storage.core.profile import read_profile
from storage.core.tracking import now_iso
from storage.sync.revocation import forget_revoked_peer, is_revoked_peer, refuse_revoked

PUBLIC_KEY_FORMAT = "xiangyue-public-key-1"
KEY_BACKUP_FORMAT = "xiangyue-key-backup-1"


@dataclass(frozen=True)
class Identity:
    """One node's public half: what a peer needs to encrypt to it and verify its signatures."""

    node: str
    kind: str
    name: str
    signing_public_key: bytes
    encryption_public_key: bytes

    @property
    def digest(self) -> bytes:
        """SHA-256 over both public keys: the recipient fingerprint in bundle headers."""
        return hashlib.sha256(self.signing_public_key + self.encryption_public_key).digest()

    @property
    def fingerprint(self) -> str:
        return format_fingerprint(self.digest.hex())


def my_identity(db: Database) -> Identity:
    row = db.conn.execute("SELECT id, kind, signing_public_key, encryption_public_key FROM node").fetchone()
    if row is None:
        raise DomainError("这个数据库还没有完成初始设置。请先运行 init。")
    return Identity(row[0], row[1], read_profile(db).display_name, _unb64(row[2]), _unb64(row[3]))


def my_keys(db: Database) -> NodeKeys:
    """The private keys from `<db>.keys`; refuses clearly when the file is missing or does not match."""
    if db.path is None:
        raise DomainError("内存数据库没有密钥文件。")
    key_file = key_file_for(db.path)
    if not key_file.exists():
        raise DomainError(f"找不到本机的密钥文件“{key_file}”。请用 sync restore-keys 从密钥备份恢复。")
    keys = load_keys(key_file)
    me = my_identity(db)
    if bytes(keys.signing.verify_key) != me.signing_public_key or \
            bytes(keys.encryption.public_key) != me.encryption_public_key:
        raise DomainError(f"密钥文件“{key_file}”与本数据库不匹配。请用本机的密钥备份恢复。")
    return keys


def write_public_key(db: Database, out: Path) -> Identity:
    atomic_write(out, json.dumps(public_key_payload(db), ensure_ascii=False, indent=2).encode("utf-8"), mode=0o644)
    return my_identity(db)


def public_key_payload(db: Database) -> dict[str, Any]:
    """The public key file's content (also shown as a QR code on the sync screen)."""
    me = my_identity(db)
    profile = read_profile(db)
    return {"format": PUBLIC_KEY_FORMAT, "node": me.node, "kind": me.kind, "name": me.name,
               "names": {"village": profile.village, "township": profile.township, "county": profile.county},
               "signing_public_key": _b64(me.signing_public_key),
               "encryption_public_key": _b64(me.encryption_public_key), "fingerprint": me.fingerprint}


def read_public_key(path: Path) -> Identity:
    """Parse a peer's public key file; a file whose fingerprint does not match its keys is refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as error:
        raise DomainError(f"“{path}”不是乡约的公钥文件（{error}）。请让对方用 sync pubkey 重新导出。") from error
    return parse_public_key(text, str(path))


def parse_public_key(text: str, source: str) -> Identity:
    """A public key as its file (or the QR code on the peer's sync screen) holds it; `source` names it in messages."""
    try:
        payload = json.loads(text)
        if payload.get("format") != PUBLIC_KEY_FORMAT:
            raise ValueError("format")
        identity = Identity(str(payload["node"]), str(payload["kind"]), str(payload["name"]),
                            _unb64(payload["signing_public_key"]), _unb64(payload["encryption_public_key"]))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise DomainError(f"“{source}”不是乡约的公钥（{error}）。请让对方用 sync pubkey 重新导出。") from error
    if len(identity.signing_public_key) != 32 or len(identity.encryption_public_key) != 32 \
            or payload.get("fingerprint") != identity.fingerprint:
        raise DomainError(f"公钥“{source}”内容与指纹不符，可能被改动过。请向对方重新索取。")
    return identity


def trust_peer(db: Database, identity: Identity) -> Peer:
    """Register a peer's keys. Re-trusting the same keys is a no-op; different keys are refused."""
    if identity.node == my_identity(db).node:
        raise DomainError("这是本机自己的公钥，不需要导入。请导入对方（乡镇或村）的公钥文件。")
    refuse_revoked(db, identity.fingerprint, identity.name)
    existing = peer_identity(db, identity.node)
    if existing is not None and is_revoked_peer(db, identity.node):  # re-pairing with a new key
        forget_revoked_peer(db, identity.node)
        existing = None
    if existing is not None and existing.digest != identity.digest:
        raise DomainError(f"已登记的“{existing.name}”（{identity.node}）使用另一把密钥（指纹 {existing.fingerprint}）。"
                          "为防冒充，不会替换。如对方确实重装并换了密钥，请先联系乡镇核实。")
    if existing is None:
        with db.atomic():
            db.execute("INSERT INTO sync_peers(node, kind, name, signing_public_key, encryption_public_key, "
                       "fingerprint, trusted_at) VALUES(?,?,?,?,?,?,?)",
                       [identity.node, identity.kind, identity.name, _b64(identity.signing_public_key),
                        _b64(identity.encryption_public_key), identity.fingerprint, now_iso()])
    return next(p for p in list_peers(db) if p.node == identity.node)


def public_keys(identity: Identity) -> dict[str, str]:
    """The sender's public keys as a manifest carries them, so a first bundle can introduce its sender."""
    return {"signing": _b64(identity.signing_public_key), "encryption": _b64(identity.encryption_public_key)}


def identity_from_keys(node: str, kind: str, name: str, carried: Any) -> Identity | None:
    """The identity a manifest's `from_keys` claims, or None when absent or malformed."""
    try:
        identity = Identity(node, kind, name, _unb64(carried["signing"]), _unb64(carried["encryption"]))
    except (KeyError, TypeError, ValueError):
        return None
    if len(identity.signing_public_key) != 32 or len(identity.encryption_public_key) != 32:
        return None
    return identity


def peer_identity(db: Database, node: str) -> Identity | None:
    row = db.conn.execute("SELECT node, kind, name, signing_public_key, encryption_public_key "
                          "FROM sync_peers WHERE node = ?", (node,)).fetchone()
    return None if row is None else Identity(row[0], row[1], row[2], _unb64(row[3]), _unb64(row[4]))


def list_peers(db: Database) -> list[Peer]:
    rows = db.conn.execute("SELECT node, kind, name, fingerprint, trusted_at, last_bundle_at, acked_seq "
                           "FROM sync_peers ORDER BY name, node").fetchall()
    return [Peer(*row) for row in rows]


def backup_keys(db: Database, out: Path, passphrase: str) -> None:
    """Write the private keys encrypted with a passphrase (scrypt → XSalsa20-Poly1305 secretbox).

    The database key goes in too: it is the recovery key of the encrypted database and its backups (`--key-file`
    with this file opens them when no account's password can, e.g. on a new PC or with the keyring lost)."""
    if len(passphrase) < 8:
        raise DomainError("密钥备份的口令至少需要 8 个字符。请记在纸上，和U盘分开保管。")
    keys, node = my_keys(db), my_identity(db).node
    salt = nacl.utils.random(nacl.pwhash.scrypt.SALTBYTES)
    ops, mem = nacl.pwhash.scrypt.OPSLIMIT_INTERACTIVE, nacl.pwhash.scrypt.MEMLIMIT_INTERACTIVE
    box = nacl.secret.SecretBox(_derive(passphrase, salt, ops, mem))
    carried = {"signing_seed": _b64(bytes(keys.signing)), "encryption_private": _b64(bytes(keys.encryption))}
    if db.key is not None:
        carried["database_key"] = db.key.hex()
    secret = json.dumps(carried).encode("utf-8")
    payload = {"format": KEY_BACKUP_FORMAT, "node": node, "kdf": "scrypt", "opslimit": ops, "memlimit": mem,
               "salt": _b64(salt), "box": _b64(box.encrypt(secret))}
    atomic_write(out, json.dumps(payload, indent=2).encode("utf-8"), mode=0o600)


def restore_keys(db: Database, source: Path, passphrase: str, force: bool = False) -> Path:
    """Recreate `<db>.keys` from a backup after checking it belongs to this database's node."""
    assert db.path is not None
    payload = _read_backup(source)
    me = my_identity(db)
    if payload["node"] != me.node:
        raise DomainError(f"这个密钥备份属于另一个安装（{payload['node']}），不是本机（{me.node}）。")
    secret = _open_backup(payload, passphrase)
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey
    keys = NodeKeys(SigningKey(_unb64(secret["signing_seed"])), PrivateKey(_unb64(secret["encryption_private"])))
    key_file = key_file_for(db.path)
    if key_file.exists() and not force:
        raise DomainError(f"本机已有密钥文件“{key_file}”。如确需用备份覆盖，请加 --force。")
    save_keys(key_file, me.node, keys)
    my_keys(db)  # proves the restored keys match the public keys in the database
    sign_restored_tail(db)  # a restore on a new PC wrote its entry before the keys were back (issue 16, item 12)
    return key_file


def is_key_backup(source: Path) -> bool:
    try:
        return source.read_bytes()[:1] == b"{"
    except OSError:
        return False


def database_key_from_backup(source: Path, passphrase: str) -> bytes:
    """The database key a key backup carries (the recovery key of an encrypted database)."""
    secret = _open_backup(_read_backup(source), passphrase)
    try:
        key = bytes.fromhex(secret["database_key"])
    except (KeyError, TypeError, ValueError) as error:
        raise DomainError(f"密钥备份“{source}”由加密之前的版本制作，不含数据库密钥。") from error
    if len(key) != 32:
        raise DomainError(f"密钥备份“{source}”中的数据库密钥已损坏。")
    return key


def _open_backup(payload: dict[str, Any], passphrase: str) -> dict[str, Any]:
    salt = _unb64(payload["salt"])
    box = nacl.secret.SecretBox(_derive(passphrase, salt, int(payload["opslimit"]), int(payload["memlimit"])))
    try:
        secret: dict[str, Any] = json.loads(box.decrypt(_unb64(payload["box"])))
    except nacl.exceptions.CryptoError as error:
        raise DomainError("口令不对，或密钥备份文件已损坏。请检查口令后重试。") from error
    return secret


def _read_backup(source: Path) -> dict[str, Any]:
    try:
        payload: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
        if payload.get("format") != KEY_BACKUP_FORMAT or payload.get("kdf") != "scrypt":
            raise ValueError("format")
        return payload
    except (OSError, ValueError, RecursionError) as error:
        raise DomainError(f"“{source}”不是乡约的密钥备份文件。") from error


def _derive(passphrase: str, salt: bytes, ops: int, mem: int) -> bytes:
    return nacl.pwhash.scrypt.kdf(nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
                                  opslimit=ops, memlimit=mem)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
