"""Starting the GUI: Qt application, Chinese translations, error logging, wizard → login → main window."""
from __future__ import annotations

import importlib
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from models.core.errors import DomainError
from models.core.ports import Backend, Stores
from ui.core.gui_gc import collect_on_gui_thread
from ui.widgets.error_box import show_unexpected_error

log = logging.getLogger("xiangyue")


EXIT_AFTER_SHOWN = "XIANGYUE_EXIT_AFTER_SHOWN"


def run_app(backend: Backend, pending: Callable[[], Stores] | None = None) -> int:
    """The whole GUI session; returns the process exit code.

    With XIANGYUE_EXIT_AFTER_SHOWN=1 (for benchmarks: the real start, measured from main.py) the account in
    XIANGYUE_USER / XIANGYUE_PASSWORD logs in without the dialog and the process exits 0 after the main window's
    first paint; a refused login exits 2 with the reason on stderr. `pending`: that login, begun by main.py before
    Qt loaded (its scrypt runs on a worker while Qt starts and the window's modules load)."""
    measuring = os.environ.get(EXIT_AFTER_SHOWN) == "1"
    try:
        pending = (pending or _begin_login(backend)) if measuring else None
        app = QApplication.instance() or QApplication(sys.argv)
        setup_application(app)
        window = open_main_window(backend, pending)
    except DomainError as error:
        if measuring:
            print(error.message, file=sys.stderr)
        else:
            QMessageBox.critical(None, "无法启动乡约", error.message)
        return 2
    if window is None:
        return 0
    if measuring:
        window.installEventFilter(_QuitOnFirstPaint(window))
    window.show()
    return app.exec()


def _begin_login(backend: Backend) -> Callable[[], Stores]:
    username, password = _credentials()
    if not backend.is_initialised():
        raise DomainError("数据库尚未初始化，请先运行 init 或 demo。")
    return backend.begin_login(username, password)


def _credentials() -> tuple[str, str]:
    username, password = os.environ.get("XIANGYUE_USER", ""), os.environ.get("XIANGYUE_PASSWORD", "")
    if not username or not password:
        raise DomainError(f"{EXIT_AFTER_SHOWN}=1 需要同时设置 XIANGYUE_USER 和 XIANGYUE_PASSWORD。")
    return username, password


class _QuitOnFirstPaint(QObject):
    """Ends the event loop once the main window has painted for the first time (the start-up benchmark's mark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def setup_application(app: QApplication) -> None:
    app.setApplicationName("Xiangyue")
    app.setOrganizationName("Xiangyue")
    app.setApplicationDisplayName("乡约")
    _install_translations(app)
    _install_logging()
    collect_on_gui_thread(app)
    generous_font(app)


def generous_font(app: QApplication) -> None:
    """Clerks, not power users: type of at least 11 pt."""
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)


def open_main_window(backend: Backend, pending: Callable[[], Stores] | None = None):  # -> MainWindow | None
    """First-run wizard if needed, then login (the dialog, or the login `pending` from `Backend.begin_login`); None
    when the clerk cancels either."""
    if pending is not None:
        from ui.core.main_window import MainWindow  # loaded while the worker checks the password
        stores: Stores | None = pending()
    else:
        from ui.core.login import LoginDialog
        from ui.core.wizard import SetupWizard

        if not backend.is_initialised() and SetupWizard.run(backend) is None:
            return None
        # The main window's modules (about 40 ms) load while the clerk types the password, not after it.
        QTimer.singleShot(0, lambda: importlib.import_module("ui.core.main_window"))
        stores = LoginDialog.ask(backend)
        from ui.core.main_window import MainWindow
    if stores is None:
        return None
    return MainWindow(backend, stores)


def _install_translations(app: QApplication) -> None:
    """Qt's own Chinese strings, so standard dialogs and context menus are not in English."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
    else:
        log.warning("qtbase_zh_CN.qm not found in %s", folder)


def log_file() -> Path:
    import platformdirs  # imported when needed: it costs start-up time

    folder = Path(platformdirs.user_log_dir("Xiangyue", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "xiangyue.log"


def _install_logging() -> None:
    if getattr(_install_logging, "done", False):
        return
    handler = logging.FileHandler(log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    sys.excepthook = _report_unexpected_error
    _install_logging.done = True  # type: ignore[attr-defined]


def _report_unexpected_error(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Errors go to the log file and to a Chinese message box, never only to a hidden console.

    The box sits over the open dialog, which stays open with what was typed; here nothing can be re-run, so the
    clerk returns to the form (actions that can be re-run use ui.widgets.error_box.run_with_retry)."""
    if isinstance(error, DomainError):
        log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        QMessageBox.warning(QApplication.activeModalWidget(), "无法完成操作", error.message)
        return
    error.__traceback__ = error.__traceback__ or tb
    show_unexpected_error(error)
