"""Hostile bundles: a real export decrypted, its manifest and lines changed, re-signed and re-encrypted.

The sender signs with its own key, so the forgery passes the signature check and reaches exactly the code a
hostile (or unconfirmed) peer reaches; only the content is what the test wants it to be.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any, Callable

from storage.core.db import Database
from storage.sync import container
from storage.sync import manifest as mf
from storage.sync.keys import my_identity, my_keys

Manifest = dict[str, Any]
Lines = list[bytes]


def open_bundle(bundle: Path, recipient: Database) -> dict[str, bytes]:
    """Every member of the inner archive, decrypted with the recipient's key."""
    with bundle.open("rb") as source:
        _, prefix = container.read_recipient(source)
        plain = io.BytesIO()
        container.decrypt_stream(source, plain, prefix, my_keys(recipient).encryption)
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def forge(bundle: Path, sender: Database, recipient: Database, out: Path,
          manifest_edit: Callable[[Manifest], None] = lambda m: None,
          lines_edit: Callable[[Lines], Lines] = lambda lines: lines,
          members: dict[str, bytes] | None = None, reseal_changes: bool = True,
          inner_edit: Callable[[bytes], bytes] = lambda inner: inner, stored: bool = False) -> Path:
    """Rewrite `bundle` (sender → recipient): lines first (hashes, counts and digests follow), then the manifest;
    `inner_edit` may then damage the inner ZIP's bytes (a corrupt deflate stream or CRC)."""
    files = open_bundle(bundle, recipient)
    manifest: Manifest = json.loads(files.pop(mf.MANIFEST))
    files.pop(mf.SIGNATURE)
    if reseal_changes:
        lines = lines_edit(files[mf.CHANGES].splitlines(keepends=True))
        files[mf.CHANGES] = b"".join(lines)
        _reseal(manifest, lines)
    for name, data in (members or {}).items():
        files[name] = data
        manifest["members"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    manifest_edit(manifest)
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    signature = my_keys(sender).signing.sign(body).signature
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr(mf.MANIFEST, body)
        zf.writestr(mf.SIGNATURE, signature)
    return encrypt(inner_edit(archive.getvalue()), recipient, out)


def damage_member(name: str, offset_fraction: float = 0.5) -> Callable[[bytes], bytes]:
    """An inner_edit flipping bytes in the middle of one member's data (the ZIP structure stays readable)."""
    def apply(inner: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(inner)) as zf:
            info = zf.getinfo(name)
        header = inner[info.header_offset:info.header_offset + 30]
        start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + \
            int.from_bytes(header[28:30], "little")
        at = start + int(info.compress_size * offset_fraction)
        data = bytearray(inner)
        for i in range(at, min(at + 8, start + info.compress_size)):
            data[i] ^= 0x5A
        return bytes(data)
    return apply


def big_line_bundle(bundle: Path, sender: Database, recipient: Database, out: Path, line_bytes: int) -> Path:
    """A bundle whose changes.jsonl is one line of `line_bytes` (deflated to ~1/1000), written in blocks."""
    files = open_bundle(bundle, recipient)
    manifest: Manifest = json.loads(files.pop(mf.MANIFEST))
    files.pop(mf.SIGNATURE)
    files.pop(mf.CHANGES)
    manifest["members"][mf.CHANGES] = {"sha256": "0" * 64, "size": line_bytes}
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    inner = out.with_suffix(".zip")
    with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(mf.CHANGES, "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(line_bytes // len(block)):
                member.write(block)
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr(mf.MANIFEST, body)
        zf.writestr(mf.SIGNATURE, my_keys(sender).signing.sign(body).signature)
    me = my_identity(recipient)
    with inner.open("rb") as source, out.open("wb") as target:
        container.encrypt_stream(source, target, me.digest, me.encryption_public_key)
    inner.unlink()
    return out


def encrypt(inner: bytes, recipient: Database, out: Path) -> Path:
    me = my_identity(recipient)
    with out.open("wb") as target:
        container.encrypt_stream(io.BytesIO(inner), target, me.digest, me.encryption_public_key)
    return out


def _reseal(manifest: Manifest, lines: Lines) -> None:
    data = b"".join(lines)
    manifest["members"][mf.CHANGES] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    tables: dict[str, Any] = {}
    count = 0
    for line in lines:
        try:
            change = json.loads(line)
            tables.setdefault(change["table"], hashlib.sha256()).update(
                f"{change['id']}\t{change['hlc']}\n".encode())
        except (ValueError, KeyError, TypeError, RecursionError):
            pass
        count += 1
    manifest["counts"]["changes"] = count
    manifest["table_digests"] = {t: h.hexdigest() for t, h in tables.items()}


def edit_rows(edit: Callable[[dict[str, Any]], None]) -> Callable[[Lines], Lines]:
    """A lines_edit that changes each line's parsed object (re-serialised as the exporter writes it)."""
    def apply(lines: Lines) -> Lines:
        result = []
        for line in lines:
            change = json.loads(line)
            edit(change)
            result.append((json.dumps(change, ensure_ascii=False) + "\n").encode("utf-8"))
        return result
    return apply
