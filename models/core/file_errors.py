"""What to tell a clerk when a file cannot be read, written or found: the cause in plain words and what to do about it.

On a village office PC the usual causes are a spreadsheet still open in Excel or WPS (Windows refuses the write with
a permission error), a USB stick that is full, write-protected or pulled out, and a folder that no longer exists.
Used by the command line and by the GUI's error box, so both say the same.
"""
from __future__ import annotations

import errno

LOCKED = (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY)
READ_ONLY = (errno.EROFS,)
FULL = (errno.ENOSPC, errno.EDQUOT)
MISSING = (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO)
A_FOLDER = (errno.EISDIR,)
SHARING_VIOLATION, LOCK_VIOLATION = 32, 33  # Windows: the file is open in another program


def file_error_message(error: OSError) -> str | None:
    """The Chinese message for a file that could not be opened, read or written, or None when `error` is not one
    of the causes a clerk can fix. The error does not say which of those was tried, so a locked file's message
    fits a sign-in sheet being read as well as a roster being saved."""
    name = f"“{error.filename}”" if error.filename else "该文件"
    winerror = getattr(error, "winerror", None)
    if winerror in (SHARING_VIOLATION, LOCK_VIOLATION) or error.errno in LOCKED or isinstance(error, PermissionError):
        return (f"无法打开{name}：文件正被其他程序打开，或这个位置不许读写。\n"
                "请先关闭 Excel/WPS 中打开的该文件，再重试；保存时仍不行，请换一个文件夹（如“桌面”或“文档”）。")
    if error.errno in READ_ONLY:
        return f"无法写入{name}：这个U盘或磁盘是只读的（可能拨上了写保护开关）。请换一个位置保存。"
    if error.errno in FULL:
        return f"无法写入{name}：磁盘或U盘已满。请删掉不要的文件，或换一个位置保存。"
    if error.errno in A_FOLDER or isinstance(error, IsADirectoryError):
        return f"{name}是一个文件夹，不是文件。请选择文件夹里的文件，或给要保存的文件起一个名字。"
    if error.errno in MISSING or isinstance(error, FileNotFoundError):
        return f"找不到{name}：文件或它所在的文件夹不存在（U盘可能已拔出）。请重新插好U盘，或换一个文件夹。"
    return None
