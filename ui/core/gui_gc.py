"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a generation fills up. When that is a
worker of run_in_background (printing, importing) and the cycle holds the wrapper of a Qt widget from the GUI
thread, the widget is destroyed from the worker and the process dies with a segmentation fault (seen in CI, inside
reportlab on a worker while a closed dialog's cycle was collected). So the automatic collector is switched off and
the GUI thread collects by the same generation thresholds, from a timer.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 1000
_TIMER_NAME = "gui-thread-garbage-collector"
_thresholds = gc.get_threshold()


def collect_if_due() -> int:
    """Collect the generations whose allocation counts passed their thresholds, as the automatic collector would;
    call it on the GUI thread. Returns the number of unreachable objects found."""
    young, middle, old = gc.get_count()
    if young <= _thresholds[0]:
        return 0
    generation = 0
    if middle > _thresholds[1]:
        generation = 2 if old > _thresholds[2] else 1
    return gc.collect(generation)


def collect_on_gui_thread(parent: QObject) -> QTimer:
    """Switch the automatic collector off and collect from a timer owned by `parent` (the application)."""
    gc.disable()
    existing = parent.findChild(QTimer, _TIMER_NAME)
    if existing is not None:  # set up twice (benchmarks): one timer is enough
        return existing
    timer = QTimer(parent)
    timer.setObjectName(_TIMER_NAME)
    timer.timeout.connect(collect_if_due)
    timer.start(_INTERVAL_MS)
    return timer
