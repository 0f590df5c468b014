"""Fixtures of the walks: one demo village per session, a copy per walk, the real main window after the real login.

- `demo_template` (session): `main.py demo --households 60 --seed 5` into a folder of its own, built once; the
  demo also builds the 德化乡 township desk beside it (`<db>.township-demo.sqlite3`). Seed 5 has 王平光 (户号 0008).
- `demo_db`: a copy of that whole folder (database, keys, inbox/outbox, backups, the township's files) for one
  walk; the path of the village database. `township_db` is the township's database in the same copy.
- `log_in(username, password)`: composes the app as `ui/core/app.py` does (`open_main_window`: the real LoginDialog,
  then MainWindow), answering the login dialog through its widgets; returns a `Walk` on the shown window.
- `walk`: `log_in("admin", "demo1234")` on `demo_db`, the window at 1366×728.
Qt's Chinese strings are installed while a walk runs (标准按钮 read 确定/取消/是/否 as the clerk sees them), and
QSettings go to the walk's tmp_path. A modal dialog that no `expect_dialog` handler waits for is closed after 3 s and
fails the walk, so a forgotten message box never hangs the run; and each walk must still hand to a handler every
dialog `coverage.WALKED` credits it with.
"""
from __future__ import annotations

import gc
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from storage.core.backend import SqliteBackend
from storage.demo.b10_installation import DEMO_PASSWORD
from storage.demo.b70_sync import township_path
from tests.helpers import run_cli
from tests.keys import raw_connect
from tests.walks.coverage import WALKED
from tests.walks.driver import LEFT, click_button, expect_dialog, field, fill, watch_for_stray_dialogs
from ui.core.app import open_main_window
from ui.core.main_window import MainWindow

WIDTH, HEIGHT = 1366, 728
DEMO_ARGS = ("demo", "--households", "60", "--seed", "5")


@dataclass
class Walk:
    """The logged-in main window of one walk, and where its database lives."""

    qtbot: Any
    window: MainWindow
    backend: SqliteBackend
    db_path: Path

    @property
    def stores(self) -> Any:
        return self.window._stores  # read-only use in assertions: the walk itself goes through the widgets

    def open_area(self, label: str) -> QWidget:
        """Click the sidebar entry `label` (e.g. 村规民约); the area's screen, now shown."""
        items = self.window.area_list.findItems(label, Qt.MatchFlag.MatchExactly)
        assert len(items) == 1, f"no sidebar entry «{label}»"
        view = self.window.area_list
        view.scrollToItem(items[0])
        self.qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualItemRect(items[0]).center())
        screen = self.window.area_stack.currentWidget()
        assert view.currentItem() is items[0] and screen is not None
        return screen


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "village.sqlite3"
    code, out, err = run_cli(["--db", str(path), "--json", *DEMO_ARGS])
    assert code == 0, err
    gc.collect()  # the command's connection goes; then fold the WAL in, so the folder copies as plain files
    for database in (path, township_path(path)):
        connection = raw_connect(database)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template.parent, folder)
    return folder / demo_template.name


@pytest.fixture
def township_db(demo_db: Path) -> Path:
    return township_path(demo_db)


@pytest.fixture(autouse=True)
def clerk_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Settings in tmp_path; Qt's own Chinese strings and locale while the walk runs, as `ui/core/app.py` sets them."""
    QCoreApplication.setOrganizationName("XiangyueWalks")
    QCoreApplication.setApplicationName("XiangyueWalks")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def no_stray_dialogs(qapp: QApplication, request: Any) -> Iterator[None]:
    """A modal dialog no handler waits for is closed after 3 s and fails the walk (instead of hanging it)."""
    watch = watch_for_stray_dialogs()
    watch.start()
    yield
    strays = watch.stop()
    assert not strays, f"dialogs opened that the walk did not expect: {strays}"
    promised = {name for name, walk in WALKED.items() if request.node.nodeid.endswith(walk)}
    assert promised <= set(watch.handled), f"coverage.WALKED names dialogs this walk no longer opens: " \
        f"{sorted(promised - set(watch.handled))}"


def login_handler(qtbot: Any, username: str, password: str) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        fill(qtbot, field(dialog, "用户名"), username)
        fill(qtbot, field(dialog, "密码"), password)
        click_button(qtbot, dialog, "登录")
    return handle


def show_window(qtbot: Any, window: MainWindow, backend: SqliteBackend, db_path: Path) -> Walk:
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return Walk(qtbot, window, backend, db_path)


@pytest.fixture(autouse=True)
def background_jobs_finish(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """A walk's window starts the daily backup on a worker thread: let it end while the walk's files still exist
    (tmp_path outlives this fixture), or it fails later and its warning box pops up in the next walk."""
    yield
    QThreadPool.globalInstance().waitForDone(15_000)
    qapp.processEvents()


@pytest.fixture
def log_in(qtbot: Any, demo_db: Path) -> Callable[..., Walk]:
    """`log_in(user, password, handler=None, db=demo_db)`: the app started on `db`, the login dialog answered."""
    def start(username: str = "admin", password: str = DEMO_PASSWORD,
              handler: Callable[[QWidget], None] | None = None, db: Path | None = None) -> Walk:
        path = db or demo_db
        backend = SqliteBackend(path)
        window: list[MainWindow | None] = []
        with expect_dialog(qtbot, handler or login_handler(qtbot, username, password)):
            window.append(open_main_window(backend))
        assert window[0] is not None, "the login was cancelled"
        return show_window(qtbot, window[0], backend, path)
    return start


@pytest.fixture
def walk(log_in: Callable[..., Walk]) -> Walk:
    return log_in()
