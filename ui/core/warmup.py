"""Loading the screens' modules while the clerk reads 首页, so the first click on an area builds its screen without
first loading its code (issue 17: 50–150 ms of a screen's first opening was importing it).

One module per turn of the event loop, with a zero timer: Qt runs it only when no input or paint is waiting, so a
click during the warm-up waits for one module (at most about 20 ms), never for all of them. The modules are
loaded leaves first (models, then storage, then the screens), so each turn loads little beyond its own module.
reportlab and printing/, for the first print, load on a worker thread meanwhile (no Qt in them).
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable
from types import ModuleType

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

_OWN = ("models", "storage", "printing", "ui")  # packages whose modules are all listed; others load as named
_SKIPPED = ("storage.demo", "storage.migrations")  # demo building and the schema steps run at setup only
# Loaded on a worker thread, as they hold no Qt: reportlab's package init alone takes 30 ms, longer than a click
# should wait, and printing/ is reportlab's. Python switches threads every 5 ms, so the GUI thread answers meanwhile.
BACKGROUND = ("segno", "PIL.Image", "reportlab.pdfgen.canvas", "reportlab.platypus", "reportlab.pdfbase.ttfonts",
              "printing")
_AFTER_BACKGROUND = ("ui.printing",)  # 打印中心 imports printing/: on the GUI thread only once the worker is done
_WAIT_MS = 25


class ModuleWarmup(QObject):
    """Imports `packages` and, of our own, their modules (and their sub-packages', depth first) one per idle turn
    of the event loop; `finished` once all are loaded. A package's modules are listed when it is reached (a folder listing),
    not all at the start: walking every package at once would import each package in one long turn."""

    finished = Signal()

    def __init__(self, packages: Iterable[str], parent: QObject, walked: tuple[str, ...] = _OWN,
                 background: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self._pending = deque(packages)
        self._background = threading.Thread(target=self._load_in_background, args=(background,), daemon=True,
                                            name="xiangyue-warmup")
        self._walked = walked  # the packages whose modules are all loaded; of any other, only the one named
        self.is_done = False
        self.loaded: list[str] = []
        self.steps: list[tuple[float, str]] = []  # the GUI thread's imports (ms): how long a click may wait
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._load_next)

    def start(self) -> None:
        self._background.start()
        self._timer.start()

    def _load_in_background(self, names: tuple[str, ...]) -> None:
        pending = deque(names)
        while pending:
            module = sys.modules.get(name := pending.popleft()) or self._load(name)
            if module is not None:
                pending.extendleft(reversed(self._modules_of(module)))

    def _load_next(self) -> None:
        while self._pending:
            name = self._pending.popleft()
            if name.startswith(_AFTER_BACKGROUND) and self._background.is_alive():
                self._pending.appendleft(name)
                self._timer.setInterval(_WAIT_MS)  # not a busy loop while the worker imports
                return
            module = sys.modules.get(name)
            if module is None:
                module = self._load(name)
                if module is not None:
                    self._list_modules_of(module)
                return
            self._list_modules_of(module)
        if self._background.is_alive():
            self._timer.setInterval(_WAIT_MS)
            return
        self._timer.stop()
        self.is_done = True
        self.finished.emit()

    def _load(self, name: str) -> ModuleType | None:
        start = time.perf_counter()
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001  (a module that cannot load fails again, and is reported, where it is used)
            log.warning("could not preload %s", name, exc_info=True)
            return None
        finally:
            if threading.current_thread() is not self._background:  # a click waits for the GUI thread's steps
                self.steps.append(((time.perf_counter() - start) * 1000, name))
        self.loaded.append(name)
        return module

    def _list_modules_of(self, module: ModuleType) -> None:
        self._pending.extendleft(reversed(self._modules_of(module)))

    def _modules_of(self, module: ModuleType) -> list[str]:
        path = getattr(module, "__path__", None)
        if path is None or not module.__name__.startswith(self._walked):
            return []
        children = [f"{module.__name__}.{found.name}" for found in pkgutil.iter_modules(path)]
        return [name for name in children if not name.startswith(_SKIPPED)]


def warm_packages(factories: Iterable[str | None]) -> tuple[str, ...]:
    """What the GUI thread loads: models/ and storage/ (leaves first: a screen's module then loads little beyond
    itself), ui/core and ui/widgets, then the packages of the sidebar's screen factories ("ui.points:create_screen"
    → "ui.points"), 打印中心 last (after BACKGROUND, on the worker)."""
    screens = [factory.split(":")[0] for factory in factories if factory]
    first = [package for package in screens if not package.startswith(_AFTER_BACKGROUND)]
    return tuple(dict.fromkeys(["models", "storage", "ui.core", "ui.widgets", *first,
                                *(p for p in screens if p.startswith(_AFTER_BACKGROUND))]))
