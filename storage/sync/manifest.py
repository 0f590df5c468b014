"""The signed manifest: canonical JSON, Ed25519 signature, and the values every bundle declares."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import nacl.exceptions
from nacl.signing import SigningKey, VerifyKey

from models.sync.bundles import CAPABILITIES, BundleRefused
from storage.migrations import migrations

FORMAT = "xiangyue-bundle"
FORMAT_VERSION = 1
ALGORITHMS = {"signature": "ed25519", "key_wrap": "x25519-sealedbox",
              "stream": "xchacha20poly1305-secretstream", "hash": "sha256", "archive": "zip-deflate"}
MANIFEST, SIGNATURE, CHANGES = "manifest.json", "manifest.sig", "changes.jsonl"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def schema_version() -> int:
    """This program's schema version: the number of migrations it knows (append-only, so it only grows)."""
    return len(migrations.steps)


def canonical(manifest: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same manifest always gives the same bytes to sign."""
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(manifest: dict[str, Any], key: SigningKey) -> tuple[bytes, bytes]:
    body = canonical(manifest)
    return body, key.sign(body).signature


def verify(body: bytes, signature: bytes, signer_public_key: bytes) -> dict[str, Any]:
    """Check the signature, then parse; a manifest that is not canonical JSON is refused too."""
    try:
        VerifyKey(signer_public_key).verify(body, signature)
        manifest = json.loads(body.decode("utf-8"))
    except (nacl.exceptions.CryptoError, ValueError) as error:
        raise BundleRefused("同步包的签名不对（内容被改动，或不是登记的对方制作的）。请让对方重新导出。未作任何更改。") from error
    if not isinstance(manifest, dict) or canonical(manifest) != body:
        raise BundleRefused("同步包的清单格式不对。请让对方重新导出。未作任何更改。")
    return manifest


def check_format(manifest: dict[str, Any]) -> None:
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BundleRefused("同步包格式版本本机不认识。请先把乡约升级到最新版本。未作任何更改。")
    if manifest.get("algorithms") != ALGORITHMS:
        raise BundleRefused("同步包使用了本机不支持的加密或签名算法。请先把乡约升级到最新版本。未作任何更改。")


def capabilities() -> list[str]:
    return sorted(CAPABILITIES)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
