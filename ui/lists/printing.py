"""Printing from the lists screen: render a list product in the background, save it, open it, log who printed it."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from models.core.errors import DomainError
from models.core.file_errors import file_error_message
from models.lists.ports import BoardLogStore
from ui.core.background import run_in_background
from ui.widgets.job_printer import render_with_fonts
from ui.widgets.pdf_preview import write_file
from ui.widgets.print_dialogs import SavePdfDialog

if TYPE_CHECKING:
    from printing.lists.list_jobs import ListPrintJob


class ListPrinter(QObject):
    """Like 打印中心: the PDF is made off the GUI thread; then 另存为, the board log (R34), and the system viewer."""

    busy_changed = Signal(bool)
    finished = Signal(str)  # the saved file, or "" when nothing was saved

    def __init__(self, board_log: BoardLogStore, parent: QWidget,
                 printed: Callable[[ListPrintJob], None] | None = None) -> None:
        super().__init__(parent)
        self._board_log, self._parent = board_log, parent
        self._printed = printed  # a saved board or notice registers as a disclosure (打印即登记, issue 23)
        self.busy = False

    def start(self, prepare: Callable[[], ListPrintJob]) -> bool:
        """Prepare the job (refusals shown in Chinese) and render it in the background."""
        if self.busy:
            return False
        try:
            job = prepare()
        except DomainError as error:
            QMessageBox.warning(self._parent, "不能打印", error.message)
            return False
        self._set_busy(True)

        run_in_background(lambda: render_with_fonts(job), lambda data: self._on_rendered(job, data), self._on_failed, self)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _on_rendered(self, job: ListPrintJob, data: bytes) -> None:
        self._set_busy(False)
        path = SavePdfDialog.ask(self._parent, job.file_name)
        if path is None:
            self.finished.emit("")
            return
        if not self._save(path, data):
            self.finished.emit("")
            return
        try:
            self._board_log.log_board(job.period, "printed", job.fingerprint, job.entry_ids, job.log_note(str(path)))
        except DomainError as error:
            QMessageBox.warning(self._parent, "未能记入榜单日志", f"文件已保存，但{error.message}")
        try:
            if self._printed is not None:
                self._printed(job)
        except DomainError as error:
            QMessageBox.warning(self._parent, "未能登记公开", f"文件已保存，但{error.message}")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self._parent, "已保存", f"已保存到 {path}。本机没有可以打开 PDF 的程序，请拷到别的电脑打印。")
        self.finished.emit(str(path))

    def _save(self, path: Path, data: bytes) -> bool:
        try:
            write_file(path, data)
        except OSError as error:
            QMessageBox.warning(self._parent, "保存失败", file_error_message(error) or f"无法保存到 {path}：{error.strerror or error}。请换一个位置。")
            return False
        return True

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = error.message if isinstance(error, DomainError) else f"生成 PDF 时出错：{error}"
        QMessageBox.warning(self._parent, "不能打印", message)
        self.finished.emit("")
