"""run_in_background: a result that arrives after its window was closed is dropped, never delivered to it."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from ui.core.background import run_in_background


def test_a_job_finishing_after_its_window_is_deleted_calls_nothing(qtbot) -> None:
    window, release, delivered = QWidget(), threading.Event(), []
    run_in_background(lambda: release.wait(5) and "done", delivered.append, delivered.append, window)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _exists(window))
    release.set()
    qtbot.wait(200)  # the relay's queued signal is delivered by the event loop
    assert delivered == []


def test_a_job_delivers_its_result_while_the_window_lives(qtbot) -> None:
    window, delivered = QWidget(), []
    qtbot.addWidget(window)
    run_in_background(lambda: 42, delivered.append, None, window)
    qtbot.waitUntil(lambda: delivered == [42])


def _exists(widget: QWidget) -> bool:
    import shiboken6
    return shiboken6.isValid(widget)


def test_a_main_window_closed_at_once_never_starts_its_daily_backup(qtbot, stores, backend) -> None:
    """The first daily backup is due 1.5 s after the window opens; closed before that, it must not run."""
    from PySide6.QtCore import QThreadPool

    from ui.core.main_window import MainWindow
    window = MainWindow(backend, stores)
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.wait(1700)
    QThreadPool.globalInstance().waitForDone(10_000)
    assert stores.backups.last_backup_time() is None


def test_a_job_that_ends_after_the_application_closed_says_nothing_and_raises_nothing() -> None:
    """Quitting while the day's backup still runs: its relay is deleted with the application, and the worker's
    emit raised RuntimeError("Signal source has been deleted"), printed as a traceback on the way out."""
    import shiboken6

    from ui.core.background import _Job, _Relay
    relay = _Relay()
    job = _Job(lambda: 42, relay)
    shiboken6.delete(relay)
    job.run()  # no RuntimeError
    failing = _Relay()
    job = _Job(lambda: 1 / 0, failing)
    shiboken6.delete(failing)
    job.run()
