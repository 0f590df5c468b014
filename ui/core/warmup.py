"""Loading the screens' modules while the clerk reads 首页, so the first click on an area builds its screen without
first loading its code (issue 17: 50–150 ms of a screen's first opening was importing it).

One module per turn of the event loop, with a zero timer: Qt runs it only when no input or paint is waiting, so a
click during the warm-up waits for one module (at most about 20 ms), never for all of them. The modules are
loaded leaves first (models, then storage, then the screens, then reportlab and printing/ for the first print), so
each turn loads little beyond its own module.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
import time
from collections import deque
from collections.abc import Iterable
from types import ModuleType

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

_OWN = ("models", "storage", "printing", "ui")  # packages whose modules are all listed; others load as named
_SKIPPED = ("storage.demo", "storage.migrations")  # demo building and the schema steps run at setup only
# reportlab as printing/ uses it, a step each: loaded by printing/'s first module, it would be one turn of 0.1 s.
_REPORTLAB_STEPS = ("PIL.Image", "reportlab.lib.utils", "reportlab.lib.colors", "reportlab.lib.styles",
                    "reportlab.pdfbase.pdfmetrics", "reportlab.pdfbase.ttfonts", "reportlab.pdfgen.canvas",
                    "html.parser", "reportlab.lib.textsplit", "reportlab.platypus")  # the last: one package init


class ModuleWarmup(QObject):
    """Imports `packages` and, of our own, their modules (and their sub-packages', depth first) one per idle turn
    of the event loop; `finished` once all are loaded. A package's modules are listed when it is reached (a folder listing),
    not all at the start: walking every package at once would import each package in one long turn."""

    finished = Signal()

    def __init__(self, packages: Iterable[str], parent: QObject, walked: tuple[str, ...] = _OWN) -> None:
        super().__init__(parent)
        self._pending = deque(packages)
        self._walked = walked  # the packages whose modules are all loaded; of any other, only the one named
        self.is_done = False
        self.loaded: list[str] = []
        self.steps: list[tuple[float, str]] = []  # each import's ms: how long a click made meanwhile may wait
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._load_next)

    def start(self) -> None:
        self._timer.start()

    def _load_next(self) -> None:
        while self._pending:
            name = self._pending.popleft()
            module = sys.modules.get(name)
            if module is None:
                module = self._load(name)
                if module is not None:
                    self._list_modules_of(module)
                return
            self._list_modules_of(module)
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
            self.steps.append(((time.perf_counter() - start) * 1000, name))
        self.loaded.append(name)
        return module

    def _list_modules_of(self, module: ModuleType) -> None:
        path = getattr(module, "__path__", None)
        if path is None or not module.__name__.startswith(self._walked):
            return
        children = [f"{module.__name__}.{found.name}" for found in pkgutil.iter_modules(path)]
        self._pending.extendleft(reversed([name for name in children if not name.startswith(_SKIPPED)]))


def warm_packages(factories: Iterable[str | None]) -> tuple[str, ...]:
    """models/ and storage/ (leaves first: a screen's module then loads little beyond itself), ui/core and
    ui/widgets, the packages of the sidebar's screen factories ("ui.points:create_screen" → "ui.points"), then
    reportlab and printing/ for the first print, 打印中心 last."""
    screens = [factory.split(":")[0] for factory in factories if factory]
    first = [package for package in screens if package != "ui.printing"]
    return tuple(dict.fromkeys(["models", "storage", "ui.core", "ui.widgets", *first, *_REPORTLAB_STEPS, "printing",
                                *(["ui.printing"] if "ui.printing" in screens else [])]))
