"""Removable drives (polled, never watched), the file choosers and the key QR code of the sync screen."""
from __future__ import annotations

import functools
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QStorageInfo
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
_DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Drive:
    """可移动磁盘 — a ready, writable removable volume."""

    root: Path
    label: str
    free_bytes: int

    @property
    def title(self) -> str:
        return f"{self.label or self.root}（{self.root}，可用 {self.free_bytes / 1024 ** 3:.1f} GB）"


def removable_drives() -> list[Drive]:
    """Qt has no removable flag or insert signal: classify mounted volumes by drive type or mount point."""
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if _is_removable(root):
            drives.append(Drive(Path(root), volume.displayName(), volume.bytesAvailable()))
    return drives


def _is_removable(root: str) -> bool:
    if sys.platform == "win32":
        import ctypes
        return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOVABLE)  # type: ignore[attr-defined]
    return root.startswith(_REMOVABLE_ROOTS)


def choose_bundle(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "选择同步包", "", "乡约同步包 (*.xybundle)")
    return Path(path) if path else None


def choose_folder(parent: QWidget) -> Path | None:
    """A folder to export to when the stick is not listed (a USB disk Windows reports as fixed, a shared folder)."""
    path = QFileDialog.getExistingDirectory(parent, "选择导出同步包的文件夹")
    return Path(path) if path else None


def choose_key_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "选择对方的公钥文件", "", "公钥文件 (*.pub *.json);;所有文件 (*)")
    return Path(path) if path else None


def choose_qr_image(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "选择对方公钥二维码的照片或截图", "",
                                          "图片 (*.png *.jpg *.jpeg *.bmp);;所有文件 (*)")
    return Path(path) if path else None


def choose_key_target(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "保存本机公钥文件", "xiangyue-key.pub", "公钥文件 (*.pub)")
    return Path(path) if path else None


def qr_pixmap(text: str, scale: int = 2) -> QPixmap:
    """A QR code of `text` (error correction M) as a pixmap."""
    pixmap = QPixmap()
    pixmap.loadFromData(_qr_png(text, scale), "PNG")
    return pixmap


@functools.lru_cache(maxsize=4)
def _qr_png(text: str, scale: int) -> bytes:
    """The PNG of the code, made once per key and session: segno chooses the best of eight masks in Python (40 ms),
    and the sync screen drew the same key's code again on every opening. Bytes, not the pixmap: a QPixmap belongs
    to the GUI thread and the application that made it."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
