"""The clerk's message for a file that cannot be used (models/core/file_errors.py): it fits reading as well as
writing, and a folder given for a file is said in Chinese."""
from __future__ import annotations

import errno

from models.core.file_errors import file_error_message


def test_a_locked_file_being_read_is_not_called_a_failed_write() -> None:
    message = file_error_message(PermissionError(errno.EACCES, "Permission denied", "签到表.xlsx"))
    assert message is not None
    assert message.startswith("无法打开“签到表.xlsx”") and "无法写入" not in message
    assert "请先关闭 Excel/WPS 中打开的该文件" in message


def test_a_folder_named_like_a_file_is_said_in_chinese() -> None:
    message = file_error_message(IsADirectoryError(errno.EISDIR, "Is a directory", "d.xlsx"))
    assert message == "“d.xlsx”是一个文件夹，不是文件。请选择文件夹里的文件，或给要保存的文件起一个名字。"


def test_a_cause_the_clerk_cannot_fix_is_left_to_the_caller() -> None:
    assert file_error_message(OSError(errno.EIO, "Input/output error", "x.xlsx")) is None
