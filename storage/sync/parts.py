"""Bundles above a size limit travel as numbered parts (a FAT32 stick holds no file of 4 GiB); each part verified.

A part file: "XYP1" | u16 version | u16 index (1-based) | u16 count | u64 whole bundle size | 32-byte SHA-256 of
the whole bundle | 32-byte SHA-256 of this part's payload | payload. Part names: `<stem>.part01of03.xybundle`.
The part hashes guard against a damaged or swapped copy; forgery is still caught by the bundle's own authenticated
encryption and signature once the parts are joined.
"""
from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path
from typing import Any, BinaryIO

from models.core.errors import DomainError
from models.sync.bundles import BundleRefused
from storage.core.files import atomic_stream, fsync_directory

PART_LIMIT = 2 * 1024 ** 3  # DESIGN §3: split above 2 GiB
PART_MAGIC = b"XYP1"
PART_VERSION = 1
_HEADER = struct.Struct(">4sHHHQ32s32s")
HEADER_SIZE = _HEADER.size
_COPY = 1024 * 1024
_PART_NAME = re.compile(r"^(?P<stem>.+)\.part(?P<index>\d+)of(?P<count>\d+)\.xybundle$")
_NONE = "未作任何更改。"


def part_names(name: str, count: int) -> list[str]:
    """`X.xybundle` → `X.part01of03.xybundle`, … (at least two digits, so the names sort in order)."""
    stem, width = name.removesuffix(".xybundle"), max(2, len(str(count)))
    return [f"{stem}.part{i:0{width}d}of{count:0{width}d}.xybundle" for i in range(1, count + 1)]


def whole_name(path: Path) -> str:
    """The bundle's own file name, whether `path` is the bundle or one of its parts."""
    match = _PART_NAME.match(path.name)
    return f"{match['stem']}.xybundle" if match else path.name


def write_parts(local: Path, out_dir: Path, name: str, sha: str, limit: int = PART_LIMIT) -> list[Path]:
    """Copy `local` to `out_dir` as parts of at most `limit` bytes each; every part written safely and read back."""
    size = local.stat().st_size
    payload = limit - HEADER_SIZE
    if payload < _COPY // 1024:
        raise ValueError(f"part limit {limit} too small")
    count = -(-size // payload)
    targets = [out_dir / n for n in part_names(name, count)]
    try:
        with local.open("rb") as source:
            for index, target in enumerate(targets, start=1):
                length = min(payload, size - (index - 1) * payload)
                _write_part(source, target, index, count, size, bytes.fromhex(sha), length)
        fsync_directory(out_dir)
    except OSError:
        for written in targets:  # a stick that filled up or was pulled out keeps no part that looks whole
            written.unlink(missing_ok=True)
        raise
    for index, target in enumerate(targets, start=1):
        try:
            _read_part(target, index, count, bytes.fromhex(sha), None)
        except BundleRefused as error:
            for written in targets:
                written.unlink(missing_ok=True)
            raise DomainError(f"写入“{target}”后读回校验不一致，U盘可能有问题。已删除全部分卷，请换一个U盘重试。") from error
    return targets


def _write_part(source: BinaryIO, target: Path, index: int, count: int, size: int, whole: bytes,
                length: int) -> None:
    digest, start = hashlib.sha256(), source.tell()
    _copy(source, None, length, digest)  # the part's hash goes in its header, so read it once first
    source.seek(start)
    with atomic_stream(target, 0o600) as out:
        out.write(_HEADER.pack(PART_MAGIC, PART_VERSION, index, count, size, whole, digest.digest()))
        _copy(source, out, length)


def _copy(source: BinaryIO, out: BinaryIO | None, length: int, digest: hashlib._Hash | None = None) -> int:
    left = length
    while left > 0:
        block = source.read(min(_COPY, left))
        if not block:
            break
        if digest is not None:
            digest.update(block)
        if out is not None:
            out.write(block)
        left -= len(block)
    return length - left


def is_part(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == PART_MAGIC
    except OSError:
        return False


def join_parts(first: Path, target: Path) -> None:
    """Verify every part of the bundle `first` belongs to and join them into `target` (on local disk)."""
    with first.open("rb") as handle:
        header = _unpack(handle.read(HEADER_SIZE), first.name)
    count, whole = header[3], header[5]
    names = part_names(whole_name(first), count)
    missing = [n for n in names if not (first.parent / n).is_file()]
    if missing:
        numbers = "、".join(str(names.index(n) + 1) for n in missing)
        raise BundleRefused(f"同步包分成 {count} 个分卷文件，缺少第 {numbers} 个（{missing[0]}）。请把全部分卷复制到"
                            f"同一个文件夹后再导入。{_NONE}")
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for index, name in enumerate(names, start=1):
            _read_part(first.parent / name, index, count, whole, out, digest)
    if target.stat().st_size != header[4] or digest.digest() != whole:
        raise BundleRefused(f"同步包的分卷拼接后校验不符（分卷可能来自不同的导出）。请让对方重新导出。{_NONE}")


def _read_part(path: Path, index: int, count: int, whole: bytes, out: BinaryIO | None,
               whole_digest: hashlib._Hash | None = None) -> None:
    damaged = (f"同步包的第 {index} 个分卷（{path.name}）已损坏或不完整（校验不符），可能是U盘提前拔出或复制中断。"
               f"请重新复制这个文件，或让对方重新导出。{_NONE}")
    try:
        with path.open("rb") as handle:
            header = _unpack(handle.read(HEADER_SIZE), path.name)
            if header[2:4] != (index, count) or header[5] != whole:
                raise BundleRefused(f"分卷“{path.name}”不属于这个同步包（来自另一次导出，或文件名被改过）。"
                                    f"请复制同一次导出的全部分卷。{_NONE}")
            digest = hashlib.sha256()
            _copy_all(handle, out, digest, whole_digest)
    except OSError as error:
        raise BundleRefused(f"读不出分卷“{path}”：{error.strerror}。请检查U盘后重试。{_NONE}") from error
    if digest.digest() != header[6]:
        raise BundleRefused(damaged)


def _copy_all(source: BinaryIO, out: BinaryIO | None, digest: hashlib._Hash,
              whole_digest: hashlib._Hash | None) -> None:
    for block in iter(lambda: source.read(_COPY), b""):
        digest.update(block)
        if whole_digest is not None:
            whole_digest.update(block)
        if out is not None:
            out.write(block)


def _unpack(raw: bytes, name: str) -> tuple[Any, ...]:
    if len(raw) < HEADER_SIZE or raw[:4] != PART_MAGIC:
        raise BundleRefused(f"分卷“{name}”的开头已损坏或不完整。请重新复制这个文件，或让对方重新导出。{_NONE}")
    header = _HEADER.unpack(raw)
    if header[1] != PART_VERSION:
        raise BundleRefused(f"分卷“{name}”的格式版本（{header[1]}）本机不认识。请先把乡约升级到最新版本。{_NONE}")
    if not 1 <= header[2] <= header[3]:
        raise BundleRefused(f"分卷“{name}”的开头已损坏或不完整。请重新复制这个文件，或让对方重新导出。{_NONE}")
    return header
