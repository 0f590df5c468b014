"""The cyclic collector runs on the GUI thread only (ui/core/gui_gc.py): a collection on a worker destroys GUI
widgets there and crashes the process."""
from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from ui.core.background import run_in_background
from ui.core.gui_gc import collect_if_due, collect_on_gui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_workers_allocating_cycles_never_collect(qtbot: Any) -> None:
    app = QApplication.instance()
    assert app is not None
    timer = collect_on_gui_thread(app)
    collecting_threads: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting_threads.append(threading.get_ident())

    gc.callbacks.append(note)
    try:
        widget = QWidget()
        widget.cycle = widget  # type: ignore[attr-defined]  # a widget only the collector can free
        del widget
        finished: list[int] = []
        run_in_background(lambda: len([_Cycle() for _ in range(50_000)]), finished.append)
        qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
        assert finished == [50_000]
        assert collecting_threads == []  # 50,000 cycles allocated on the worker, and not one collection there
        assert collect_if_due() > 0  # the GUI thread collects them, the widget with them
        assert collecting_threads and set(collecting_threads) == {threading.main_thread().ident}
        assert not gc.isenabled()
    finally:
        gc.callbacks.remove(note)
        # The rest of the session collects between tests (conftest): a timer left running would collect in the
        # middle of timing tests (test_print_run measures the event loop's gaps).
        timer.stop()
        timer.setParent(None)
        timer.deleteLater()


def test_nothing_is_collected_before_the_threshold() -> None:
    gc.disable()
    gc.collect()
    assert collect_if_due() == 0
