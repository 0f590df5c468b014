"""The one rule for a file about to be attached (附件文件检查): not empty, not too large, and, where the owner
takes only photos and scans, of such a type with content that matches its suffix."""
from __future__ import annotations

from dataclasses import dataclass

from models.core.attachments import OwnerKind
from models.core.errors import DomainError

SIGNATURE_BYTES = 16  # how much of a file's head `check_file` needs
# Suffix → the first bytes such a file starts with (a renamed program or document is refused).
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",),
    ".pdf": (b"%PDF-",), ".tif": (b"II*\x00", b"MM\x00*"), ".tiff": (b"II*\x00", b"MM\x00*"),
    ".webp": (b"RIFF",), ".heic": (), ".heif": (),
}


@dataclass(frozen=True)
class FilePolicy:
    """附件限制 — the largest file an owner takes, whether only photos and scans, and the file dialog's filter."""

    max_bytes: int
    max_text: str
    photos_and_scans_only: bool
    file_filter: str


# 200 MB keeps a meeting's or a step's scans to a USB stick's size; evidence is a photo or a scan, and 50 MB keeps
# the bundles that carry it small.
_ANY = FilePolicy(200 * 1024 * 1024, "200 MB", False,
                  "扫描件和照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic);;所有文件 (*)")
POLICIES: dict[OwnerKind, FilePolicy] = {
    OwnerKind.MEETING: _ANY, OwnerKind.WORKFLOW_STEP: _ANY, OwnerKind.MATTER: _ANY,
    OwnerKind.LIST_ENTRY: FilePolicy(50 * 1024 * 1024, "50 MB", True,
                                     "照片和扫描件 (*.jpg *.jpeg *.png *.heic *.heif *.webp *.pdf *.tif *.tiff)"),
    OwnerKind.DISCLOSURE: FilePolicy(50 * 1024 * 1024, "50 MB", True,  # the photo of the posted board (R42)
                                     "照片 (*.jpg *.jpeg *.png *.heic *.heif *.webp *.pdf)"),
    OwnerKind.POINTS_ENTRY: FilePolicy(50 * 1024 * 1024, "50 MB", True,  # the slip or the photo an entry rests on
                                       "照片和扫描件 (*.jpg *.jpeg *.png *.heic *.heif *.webp *.pdf *.tif *.tiff)"),
}


def check_file(owner: OwnerKind, file_name: str, size: int, head: bytes) -> None:
    """Refuse (DomainError, saying what to do) a file `owner` does not take; `head` is its first bytes."""
    policy = POLICIES[owner]
    if size == 0:
        raise DomainError(f"“{file_name}”是空文件，请重新扫描或拍照后再添加。")
    if size > policy.max_bytes:
        raise DomainError(f"“{file_name}”超过 {policy.max_text}，请压缩或分成几个文件后再添加。")
    if policy.photos_and_scans_only:
        _check_type(file_name, head)


def _check_type(file_name: str, head: bytes) -> None:
    suffix = _suffix(file_name)
    if suffix not in _SIGNATURES:
        raise DomainError(f"“{file_name}”不是照片或扫描件。证据只收 JPG、PNG、HEIC、WEBP 照片和 PDF、TIFF 扫描件，"
                          "请另存为其中一种格式后再添加。")
    if not _matches(suffix, head):
        raise DomainError(f"“{file_name}”的内容与扩展名“{suffix}”不符（文件可能已损坏或被改了扩展名）。"
                          "请用原始照片或重新扫描后再添加。")


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:].lower() if dot > 0 else ""


def _matches(suffix: str, head: bytes) -> bool:
    if suffix in (".heic", ".heif"):
        return head[4:8] == b"ftyp"
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return any(head.startswith(signature) for signature in _SIGNATURES[suffix])
