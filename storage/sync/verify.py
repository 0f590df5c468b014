"""Import checks before the database is touched: decrypt, signature, recipient, versions, members."""
from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, Iterator

from models.core.hlc import Hlc
from models.sync.bundles import BundleRefused, check_capabilities, check_schema
from models.sync.manifest_schema import check_manifest, is_int
from storage.core.db import Database
from storage.sync import manifest as mf
from storage.sync.container import check_recipient, decrypt_stream, read_recipient
from storage.sync.keys import Identity, identity_from_keys, my_keys, peer_identity
from storage.sync.parts import is_part, join_parts
from storage.sync.revocation import is_revoked_peer, refuse_revoked

_COPY = 1024 * 1024
MAX_LINE = 8 * 1024 * 1024  # one change (a row) or one audit entry; real ones are a few KB
_TABLE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
MAX_RATIO = 1100  # deflate cannot exceed ~1032:1; anything above is a crafted archive
_BAD = "同步包内容有误（{0}）。请让对方重新导出。未作任何更改。"


class SignerUnconfirmed(Exception):
    """Every check passed against the keys the bundle carries, but nobody here has confirmed them yet."""

    def __init__(self, identity: Identity, manifest: dict[str, Any]) -> None:
        super().__init__(identity.fingerprint)
        self.identity, self.manifest = identity, manifest


def decrypt_to(db: Database, bundle: Path, work: Path, me: Identity) -> tuple[Path, Path]:
    """Copy the bundle to local disk (joining its parts), check the recipient before decrypting, decrypt to a ZIP.

    Returns (the local copy, the decrypted ZIP); the caller removes the copy once it is no longer needed.
    """
    local, archive = work / "bundle.xybundle", work / "inner.zip"
    try:
        if is_part(bundle):
            join_parts(bundle, local)
        else:
            shutil.copyfile(bundle, local)
    except OSError as error:
        raise BundleRefused(f"读不出同步包“{bundle}”：{error.strerror}。请检查U盘后重试。未作任何更改。") from error
    with local.open("rb") as source:
        digest, prefix = read_recipient(source)
        check_recipient(digest, me.digest)
        keys = my_keys(db)
        with archive.open("wb") as target:
            decrypt_stream(source, target, prefix, keys.encryption)
    return local, archive


def open_verified(db: Database, archive: Path, me: Identity, my_schema: int) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """Open the inner ZIP and verify everything DESIGN §3 lists before import may begin."""
    try:
        zf = zipfile.ZipFile(archive)
        names = zf.namelist()
        if len(names) != len(set(names)) or mf.MANIFEST not in names or mf.SIGNATURE not in names:
            raise BundleRefused(_BAD.format("缺少清单或签名"))
        body = _read_member(zf, mf.MANIFEST, mf.MAX_MANIFEST_BYTES)
        signature = _read_member(zf, mf.SIGNATURE, 64)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BundleRefused(_BAD.format("压缩包结构损坏")) from error
    signer, confirmed = _signer(db, body, me)
    manifest = mf.verify(body, signature, signer.signing_public_key)
    if manifest.get("from") != signer.node:
        raise BundleRefused(_BAD.format("发送方与签名不符"))
    if manifest.get("to") != me.node:
        raise BundleRefused(f"这个同步包是发给“{manifest.get('to')}”的，不是本机（{me.node}）。未作任何更改。")
    mf.check_format(manifest)
    check_schema(int(manifest["schema_version"]), int(manifest["min_reader_schema"]), my_schema)
    check_capabilities(list(manifest["capabilities"]))
    try:
        _check_members(zf, manifest)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:  # bad deflate data or CRC inside
        raise BundleRefused(_BAD.format("压缩包内的数据损坏")) from error
    if not confirmed:
        zf.close()
        raise SignerUnconfirmed(signer, manifest)
    return zf, manifest


def _signer(db: Database, body: bytes, me: Identity) -> tuple[Identity, bool]:
    """The registered key of `from`; else, on a township, the key a village's bundle carries (unconfirmed)."""
    try:
        claimed = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise BundleRefused(_BAD.format("清单无法读取")) from error
    check_manifest(claimed)  # before any field is used: the signer may be a key nobody has confirmed
    sender = claimed["from"]
    peer = peer_identity(db, sender)
    if peer is not None and not is_revoked_peer(db, sender):
        return peer, True
    carried = identity_from_keys(sender, "village", str(claimed.get("from_name", "")), claimed.get("from_keys"))
    if peer is not None and (carried is None or carried.digest == peer.digest):
        refuse_revoked(db, peer.fingerprint, peer.name)  # a revoked peer may only come back with a new key
    if carried is not None:
        refuse_revoked(db, carried.fingerprint, carried.name)
    if carried is None or me.kind != "township" or claimed["from_kind"] != "village" or not sender.startswith("V-"):
        raise BundleRefused(f"这个同步包由未登记的一方（{sender}）签名，不能导入。如对方可信，请先核对指纹，"
                            "用 sync trust 导入对方的公钥文件，再导入本包。未作任何更改。")
    return carried, False


def _read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise BundleRefused(_BAD.format(f"{name} 过大"))
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BundleRefused(_BAD.format(f"{name} 过大"))
    return data


def _check_members(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    declared: dict[str, dict[str, Any]] = manifest["members"]
    listed = set(declared) | {mf.MANIFEST, mf.SIGNATURE}
    if set(zf.namelist()) != listed or mf.CHANGES not in declared:
        raise BundleRefused(_BAD.format("包内文件与清单不一致"))
    for name, expected in declared.items():
        info = zf.getinfo(name)
        if info.file_size != expected["size"] or info.file_size > max(info.compress_size, 1) * MAX_RATIO:
            raise BundleRefused(_BAD.format(f"{name} 大小不符"))
        if name.startswith("blobs/") and name[6:] != expected["sha256"]:
            raise BundleRefused(_BAD.format(f"{name} 编号不符"))
        if name != mf.CHANGES:
            _check_hash(zf, name, expected)
    _check_changes(zf, manifest)


def _check_hash(zf: zipfile.ZipFile, name: str, expected: dict[str, Any]) -> None:
    digest, size = hashlib.sha256(), 0
    with zf.open(name) as handle:
        for block in iter(lambda: handle.read(_COPY), b""):
            digest.update(block)
            size += len(block)
            if size > expected["size"]:
                break
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise BundleRefused(_BAD.format(f"{name} 校验不符"))


def _check_changes(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    """Hash, count and per-table digest of changes.jsonl; every line well formed and inside the seq range."""
    expected = manifest["members"][mf.CHANGES]
    tables: dict[str, hashlib._Hash] = {}
    digest, size, count = hashlib.sha256(), 0, 0
    low, high = int(manifest["since"]), int(manifest["seq_last"])
    for line, change in iter_changes(zf, expected["size"]):
        digest.update(line)
        size += len(line)
        count += 1
        if not low < change["seq"] <= high:
            raise BundleRefused(_BAD.format("变更序号超出范围"))
        tables.setdefault(change["table"], hashlib.sha256()).update(f"{change['id']}\t{change['hlc']}\n".encode())
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise BundleRefused(_BAD.format("变更记录校验不符"))
    if count != manifest["counts"]["changes"] or \
            {t: h.hexdigest() for t, h in tables.items()} != manifest["table_digests"]:
        raise BundleRefused(_BAD.format("各表摘要不符"))


def iter_changes(zf: zipfile.ZipFile, limit: int) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """Stream changes.jsonl line by line (never the whole file in memory), checking each line's shape."""
    read = 0
    with zf.open(mf.CHANGES) as handle:
        for line in bounded_lines(handle, MAX_LINE, "变更记录"):
            read += len(line)
            if read > limit:
                raise BundleRefused(_BAD.format("变更记录超出声明大小"))
            yield line, _parse(line)


def bounded_lines(handle: IO[bytes], limit: int, what: str) -> Iterator[bytes]:
    """Lines of at most `limit` bytes: a 1 GB line is refused after `limit`, not read whole (issue 16, item 4).
    A damaged deflate stream or CRC is a refusal too, not a traceback."""
    try:
        while line := handle.readline(limit + 1):
            if len(line) > limit:
                raise BundleRefused(_BAD.format(f"{what}有一行超过 {limit // 1024 ** 2} MB"))
            yield line
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise BundleRefused(_BAD.format(f"{what}的压缩数据损坏")) from error


def _parse(line: bytes) -> dict[str, Any]:
    try:
        change: dict[str, Any] = json.loads(line)
        row = change["row"]
        valid = (is_int(change["seq"]) and isinstance(row, dict) and _is_row_id(change["id"])
                 and row.get("id") == change["id"] and row.get("hlc") == change["hlc"]
                 and isinstance(row.get("owner"), str) and isinstance(change["table"], str)
                 and _TABLE.match(change["table"]) is not None)
        Hlc.decode(change["hlc"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise BundleRefused(_BAD.format("变更记录格式不对")) from error
    if not valid:
        raise BundleRefused(_BAD.format("变更记录格式不对"))
    bad = next((name for name, value in row.items() if not _is_cell(value)), None)
    if bad is not None or not all(isinstance(name, str) and _COLUMN.match(name) for name in row):
        raise BundleRefused(_BAD.format(f"表 {change['table']} 的记录 {change['id']} 有一列（{bad}）不是文字或数字"))
    return change


def _is_row_id(value: object) -> bool:
    """Row ids are text (UUIDs, or a short key); an integer id would be stored as text and never match again."""
    return isinstance(value, str) and 0 < len(value) <= 128


def _is_cell(value: object) -> bool:
    """What a SQLite column holds: NULL, text, a 64-bit integer or a finite real (never a list, object or bool)."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -2 ** 63 <= value < 2 ** 63
    return isinstance(value, float) and math.isfinite(value)
