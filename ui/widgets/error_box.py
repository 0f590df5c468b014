"""The box for an unexpected error: says the data is safe, offers 重试 and 复制错误信息, and logs the details."""
from __future__ import annotations

import logging
import traceback
from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.core.errors import DomainError
from models.core.file_errors import file_error_message

log = logging.getLogger("xiangyue")
T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("error_box", text)


def error_summary(error: BaseException) -> str:
    """The traceback a technician needs, short enough to paste into a message."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).strip()


def show_unexpected_error(error: BaseException, can_retry: bool = False, parent: QWidget | None = None) -> bool:
    """Log `error` and tell the clerk in plain words; True when they chose 重试.

    The box is parented to the open dialog (or window) so that dialog stays open behind it with what was typed;
    with no parent given, the active modal dialog is used."""
    log.error("unexpected error:\n%s", error_summary(error))
    parent = parent or QApplication.activeModalWidget() or QApplication.activeWindow()
    message = file_error_message(error) if isinstance(error, OSError) else None
    if message is not None:
        return _file_box(message, can_retry, parent)
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("这一步没有完成"), _tr(
        "乡约遇到了一个意外问题，这一步没有完成。\n\n"
        "您的数据是安全的，这次什么也没有保存。\n每次保存都是完整的一步：这一步没有保存，之前的数据都完好。\n"
        "刚才填写的内容还在，可以检查后重试。\n\n"
        "如果重试仍不行，请点“复制错误信息”，把它发给县里或软件的维护人员。"), QMessageBox.StandardButton.NoButton,
        parent)
    retry = box.addButton(_tr("重试"), QMessageBox.ButtonRole.AcceptRole) if can_retry else None
    copy = box.addButton(_tr("复制错误信息"), QMessageBox.ButtonRole.ActionRole)
    back = box.addButton(_tr("返回"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(back)
    box.exec()
    while box.clickedButton() is copy:  # copying keeps the box open, so the clerk can still choose 重试 or 返回
        _copy(box, error)
        box.exec()
    return retry is not None and box.clickedButton() is retry


def _file_box(message: str, can_retry: bool, parent: QWidget | None) -> bool:
    """A file that could not be written (open in Excel, a full or pulled stick): what to do, not 出错了."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("文件无法写入"), message + _tr("\n\n这次没有写入任何内容，您的数据是安全的。"),
                      QMessageBox.StandardButton.NoButton, parent)
    retry = box.addButton(_tr("重试"), QMessageBox.ButtonRole.AcceptRole) if can_retry else None
    back = box.addButton(_tr("返回"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(back)
    box.exec()
    return retry is not None and box.clickedButton() is retry


def _copy(box: QMessageBox, error: BaseException) -> None:
    QApplication.clipboard().setText(error_summary(error))
    box.setInformativeText(_tr("错误信息已复制，可以粘贴到微信或邮件里。"))


def run_with_retry(action: Callable[[], T], parent: QWidget | None = None) -> T | None:
    """Run `action`; on an unexpected error show the box and run it again while the clerk chooses 重试.

    A DomainError (a refusal with its own Chinese message) is not unexpected: it goes to the caller."""
    while True:
        try:
            return action()
        except DomainError:
            raise
        except Exception as error:  # noqa: BLE001 - anything else is a bug; the clerk must not lose the form
            if not show_unexpected_error(error, can_retry=True, parent=parent):
                return None
