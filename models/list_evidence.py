"""Evidence attachments of list entries (证据附件): photos, scans and PDFs kept by content, checked by type and size."""
from __future__ import annotations

from dataclasses import dataclass

from models.attachments import size_text
from models.errors import DomainError

EVIDENCE_MAX_BYTES = 50 * 1024 * 1024  # evidence is a photo or a scan; 50 MB keeps sync bundles small
EVIDENCE_MAX_TEXT = "50 MB"
# Suffix → the first bytes such a file starts with (a renamed program or document is refused).
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",),
    ".pdf": (b"%PDF-",), ".tif": (b"II*\x00", b"MM\x00*"), ".tiff": (b"II*\x00", b"MM\x00*"),
    ".webp": (b"RIFF",), ".heic": (), ".heif": (),
}
EVIDENCE_FILTER = "照片和扫描件 (*.jpg *.jpeg *.png *.heic *.heif *.webp *.pdf *.tif *.tiff)"
SIGNATURE_BYTES = 16


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:].lower() if dot > 0 else ""


def check_evidence_type(file_name: str, head: bytes) -> None:
    """Only photos, scans and PDFs, whose content matches their suffix; refusals say what to do."""
    suffix = _suffix(file_name)
    if suffix not in _SIGNATURES:
        raise DomainError(f"“{file_name}”不是照片或扫描件。证据只收 JPG、PNG、HEIC、WEBP 照片和 PDF、TIFF 扫描件，"
                          "请另存为其中一种格式后再添加。")
    if not _matches(suffix, head):
        raise DomainError(f"“{file_name}”的内容与扩展名“{suffix}”不符（文件可能已损坏或被改了扩展名）。"
                          "请用原始照片或重新扫描后再添加。")


def _matches(suffix: str, head: bytes) -> bool:
    if suffix in (".heic", ".heif"):
        return head[4:8] == b"ftyp"
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return any(head.startswith(signature) for signature in _SIGNATURES[suffix])


def check_evidence_size(file_name: str, size: int) -> None:
    if size == 0:
        raise DomainError(f"“{file_name}”是空文件，请重新拍照或扫描后再添加。")
    if size > EVIDENCE_MAX_BYTES:
        raise DomainError(f"“{file_name}”超过 {EVIDENCE_MAX_TEXT}，请压缩照片或分页扫描后再添加。")


@dataclass(frozen=True)
class Evidence:
    """证据附件 — one file attached to a list entry (internal record only: never printed on a board or notice)."""

    id: str
    entry_id: str
    sha256: str
    file_name: str
    size: int
    note: str = ""
    added_at: str = ""
    added_by: str = ""

    @property
    def size_text(self) -> str:
        return size_text(self.size)
