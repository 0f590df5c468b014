"""JobPrinter: a print job of a screen (printing.core.catalogue.PrintJob) rendered off the GUI thread, then
另存为 and the system PDF viewer — what 打印中心 does, for a screen's own print button."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from models.core.errors import DomainError
from models.core.file_errors import file_error_message
from ui.core.background import run_in_background
from ui.widgets.pdf_preview import write_file
from ui.widgets.print_dialogs import SavePdfDialog

if TYPE_CHECKING:
    from printing.core.catalogue import PrintJob



class _Renders(Protocol):
    @property
    def render(self) -> Callable[[Callable[[int], None] | None], bytes]: ...


def render_with_fonts(job: _Renders) -> bytes:
    """What a print worker runs: the CJK fonts found (or the last resort), then the PDF. printing/ (reportlab) is
    imported here, on the first print, not when a screen opens: 0.1–0.2 s of its first opening (issue 17)."""
    from printing.core.fonts import require_fonts

    require_fonts(allow_last_resort=True)
    return job.render(None)

class JobPrinter(QObject):
    """Prepare (refusals shown in Chinese), render in the background, save where the clerk says, open it."""

    finished = Signal(str)  # the saved file, or "" when nothing was saved

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.busy = False
        self._saved: Callable[[PrintJob], None] | None = None

    def start(self, prepare: Callable[[], PrintJob], saved: Callable[[PrintJob], None] | None = None) -> bool:
        """`saved` runs once the file is written (e.g. a public board registering itself as a disclosure); a
        refusal it raises is shown, the file stays."""
        if self.busy:
            return False
        self._saved = saved
        try:
            job = prepare()
        except DomainError as error:
            QMessageBox.warning(self._parent, "不能打印", error.message)
            return False
        self.busy = True

        run_in_background(lambda: render_with_fonts(job), lambda data: self._on_rendered(job, data), self._on_failed, self)
        return True

    def _on_rendered(self, job: PrintJob, data: bytes) -> None:
        self.busy = False
        path = SavePdfDialog.ask(self._parent, f"{job.title}.pdf")
        if path is None:
            self.finished.emit("")
            return
        try:
            write_file(path, data)
        except OSError as error:
            QMessageBox.warning(self._parent, "保存失败", file_error_message(error) or f"无法保存到 {path}。请换一个位置。")
            self.finished.emit("")
            return
        if self._saved is not None:
            try:
                self._saved(job)
            except DomainError as error:
                QMessageBox.warning(self._parent, "未能登记", f"文件已保存，但{error.message}")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self._parent, "已保存", f"已保存到 {path}。本机没有可以打开 PDF 的程序，请拷到别的电脑打印。")
        self.finished.emit(str(path))

    def _on_failed(self, error: Exception) -> None:
        self.busy = False
        message = error.message if isinstance(error, DomainError) else f"生成 PDF 时出错：{error}"
        QMessageBox.warning(self._parent, "不能打印", message)
        self.finished.emit("")
