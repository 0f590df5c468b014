"""This installation's node identity: id, epoch and key pairs (private keys outside the database)."""
from __future__ import annotations

import base64
import json
import secrets
from datetime import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.core.village import VillageProfile, node_prefix
from storage.core.db import Database
from storage.core.files import atomic_write
from storage.core.tracking import now_iso

if TYPE_CHECKING:  # PyNaCl loads libsodium: imported where keys are made or read, not at start-up
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey


@dataclass(frozen=True)
class NodeKeys:
    signing: SigningKey
    encryption: PrivateKey


def key_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def create_node(db: Database, profile: VillageProfile, key_file: Path | None) -> str:
    """Make the node id, epoch and key pairs once; the private halves go to `key_file`."""
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    node_id = f"{node_prefix(profile)}-{secrets.token_hex(4)}"
    keys = NodeKeys(SigningKey.generate(), PrivateKey.generate())
    db.execute("INSERT INTO node(id, kind, epoch, signing_public_key, encryption_public_key, created_at) "
               "VALUES(?, ?, ?, ?, ?, ?)",
               [node_id, profile.mode.value, new_epoch(), _b64(bytes(keys.signing.verify_key)),
                _b64(bytes(keys.encryption.public_key)), now_iso()])
    if key_file is not None:
        _keep_existing(key_file)
        save_keys(key_file, node_id, keys)
    db.node_id = node_id
    return node_id


def _keep_existing(key_file: Path) -> None:
    """Never overwrite private keys: an old key file is moved aside, not lost."""
    if key_file.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        key_file.replace(key_file.with_name(f"{key_file.name}.old-{stamp}"))


def new_epoch() -> str:
    return secrets.token_hex(8)


def renew_epoch(db: Database) -> str:
    """A restored database starts a new epoch so its rows are never taken for ones already synced."""
    epoch = new_epoch()
    db.execute("UPDATE node SET epoch = ?", [epoch])
    return epoch


def load_node_id(db: Database) -> str | None:
    row = db.conn.execute("SELECT id FROM node").fetchone()
    return None if row is None else row[0]


def save_keys(key_file: Path, node_id: str, keys: NodeKeys) -> None:
    payload = {"node": node_id, "signing_seed": _b64(bytes(keys.signing)),
               "encryption_private": _b64(bytes(keys.encryption))}
    atomic_write(key_file, json.dumps(payload).encode("utf-8"), mode=0o600)


def load_keys(key_file: Path) -> NodeKeys:
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    payload = json.loads(key_file.read_text(encoding="utf-8"))
    return NodeKeys(SigningKey(base64.b64decode(payload["signing_seed"])),
                    PrivateKey(base64.b64decode(payload["encryption_private"])))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def keys_match(db: Database, key_file: Path) -> bool:
    """True when the private key file beside the database belongs to the node recorded in it."""
    row = db.conn.execute("SELECT signing_public_key FROM node").fetchone()
    if row is None or not key_file.exists():
        return row is None
    try:
        keys = load_keys(key_file)
    except (OSError, ValueError, KeyError):
        return False
    stored_key: str = row[0]
    return _b64(bytes(keys.signing.verify_key)) == stored_key
