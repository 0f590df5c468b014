"""Size and content guards for the ZIP-based files people import (.docx, .xlsx): checked before any parser runs.

A 950 KB .docx can declare, or merely inflate to, gigabytes; an XML part can hold a billion-laughs entity
chain. Both are refused here, by reading the central directory and inflating every member once, in bounded
blocks, against its declared size and a cap on the whole file, so memory stays at one block (issue 16, item 4).
Every reader of an Office file calls `check_office_file` first (rules import of .docx, roster import of .xlsx).
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from models.core.errors import DomainError

MAX_FILE_BYTES = 64 * 1024 * 1024       # the file on disk
MAX_INFLATED_BYTES = 256 * 1024 * 1024  # all members together, once inflated
MAX_MEMBER_BYTES = 128 * 1024 * 1024    # one member
MAX_MEMBERS = 10_000
MAX_RATIO = 200                         # real Office XML compresses ~10–30:1
_BLOCK = 64 * 1024
_ENTITY_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def check_office_file(path: Path) -> None:
    """Refuse (DomainError naming the file) an Office file that is damaged, too large once inflated, or whose
    XML declares a DOCTYPE or entities (Office never writes either)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DomainError(_refusal(path, f"文件超过 {MAX_FILE_BYTES // 1024 ** 2} MB"))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise DomainError(_refusal(path, "包含的部件太多"))
            declared = sum(info.file_size for info in members)
            if declared > MAX_INFLATED_BYTES:
                raise DomainError(_refusal(path, "解压后过大（可能是“压缩炸弹”）"))
            total = 0
            for info in members:
                total += _inflate(archive, info, path)
                if total > MAX_INFLATED_BYTES:
                    raise DomainError(_refusal(path, "解压后过大（可能是“压缩炸弹”）"))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise DomainError(_refusal(path, "文件已损坏或不是有效的压缩包")) from error


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> int:
    """Inflate one member in blocks: never past its declared size, its ratio, or the member cap."""
    limit = min(info.file_size, MAX_MEMBER_BYTES, max(info.compress_size, 1) * MAX_RATIO)
    if info.file_size > limit:
        raise DomainError(_refusal(path, f"部件 {info.filename} 解压后过大（可能是“压缩炸弹”）"))
    size, tail = 0, b""
    xml = info.filename.endswith((".xml", ".rels"))
    with archive.open(info) as member:
        while block := member.read(_BLOCK):
            size += len(block)
            if size > limit:
                raise DomainError(_refusal(path, f"部件 {info.filename} 的实际大小与声明不符"))
            if xml and any(marker in tail + block for marker in _ENTITY_MARKERS):
                raise DomainError(_refusal(path, f"部件 {info.filename} 含有 XML 实体声明（Office 文件不会有）"))
            tail = block[-16:]  # a marker split across two blocks is still seen
    return size


def _refusal(path: Path, what: str) -> str:
    return f"“{path.name}”无法导入：{what}。请用 Word、WPS 或 Excel 重新保存后再试。未导入任何内容。"
