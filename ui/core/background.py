"""run_in_background: slow work off the GUI thread, result delivered back on it."""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_live: set[_Relay] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # reported on the GUI thread, never swallowed
            log.error("background job failed: %s", traceback.format_exc())
            self._tell(self._relay.failed, error)
            return
        self._tell(self._relay.done, result)

    @staticmethod
    def _tell(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application ended meanwhile (its objects deleted): nobody is left to tell
            log.info("background job finished after the application closed: result dropped")


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None] | None = None, owner: QObject | None = None) -> None:
    """Run `fn` (which opens its own database and touches no widget) on a worker thread.

    `on_done(result)` or `on_error(exception)` then runs on the GUI thread, unless `owner` (the widget the
    callbacks belong to: a window closed meanwhile) is gone by then: calling into a deleted widget aborts the
    process, and nobody is left to tell.
    """
    relay = _Relay()
    _live.add(relay)
    alive = [True]
    if owner is not None:
        owner.destroyed.connect(lambda *_: alive.__setitem__(0, False))

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        if not alive[0]:
            log.info("background job finished after its window was closed: result dropped")
            return
        if callback is not None:
            callback(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(_Job(fn, relay))
