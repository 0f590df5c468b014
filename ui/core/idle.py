"""Idle detection: lock the window after N minutes without keyboard or mouse input."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication

from models.core.accounts import DEFAULT_IDLE_LOCK_MINUTES

SETTINGS_KEY = "security/idle_lock_minutes"
_WATCH_DELAY_MS = 1500
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def idle_lock_minutes() -> int:
    value = QSettings().value(SETTINGS_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES


class IdleWatcher(QObject):
    """Emits `idle` once the application has seen no input for the configured time."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self.restart()
        # An application-wide Python filter sees every event, and the first events of each kind of object
        # cost Qt type set-up (about 40 ms in all). Installed a moment after start-up, it does not delay the
        # window; input in that moment only means the lock may come that much earlier than the set minutes.
        self.watching_input = False
        QTimer.singleShot(_WATCH_DELAY_MS, self, self._watch_input)

    def _watch_input(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.watching_input = True

    def restart(self) -> None:
        self._timer.start(idle_lock_minutes() * 60 * 1000)

    def stop(self) -> None:
        self._timer.stop()

    def set_interval_ms(self, milliseconds: int) -> None:
        """Tests shorten the interval instead of waiting minutes."""
        self._timer.start(milliseconds)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
