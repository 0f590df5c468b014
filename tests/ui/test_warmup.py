"""The modules of the screens load while the clerk reads 首页, one per idle turn of the event loop (issue 17)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from ui.core.areas import AREAS, TOWNSHIP_AREAS
from ui.core.warmup import BACKGROUND, ModuleWarmup, warm_packages


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    root = tmp_path / "warm_probe"
    (root / "sub").mkdir(parents=True)
    for path, text in {"__init__.py": "", "a.py": "", "broken.py": "raise ImportError('no')",
                       "sub/__init__.py": "", "sub/c.py": "import warm_probe.a\n"}.items():
        (root / path).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "warm_probe"
    for name in [n for n in sys.modules if n.startswith("warm_probe")]:
        del sys.modules[name]


def test_each_module_of_a_package_loads_in_a_turn_of_its_own(qtbot, package: str) -> None:
    owner = QObject()
    warmup = ModuleWarmup([package], owner, walked=(package,))
    turns: list[int] = []
    counter = QTimer(owner, interval=0)  # a second zero timer: it runs between the warm-up's turns
    counter.timeout.connect(lambda: turns.append(len(warmup.loaded)))
    counter.start()
    with qtbot.waitSignal(warmup.finished, timeout=5000):
        warmup.start()
    counter.stop()
    assert warmup.loaded == ["warm_probe", "warm_probe.a", "warm_probe.sub", "warm_probe.sub.c"]  # broken: skipped
    assert all(later - earlier <= 1 for earlier, later in zip(turns, turns[1:]))  # never two in one turn
    assert warmup.is_done and "warm_probe.sub.c" in sys.modules


def test_the_sidebar_areas_are_warmed_and_printing_last() -> None:
    village = warm_packages(area.factory for area in AREAS)
    assert village[:4] == ("models", "storage", "ui.core", "ui.widgets")
    assert {"ui.points", "ui.minutes", "ui.workflow", "ui.care", "ui.lists"} <= set(village)
    assert village[-1] == "ui.printing" and "printing" not in village  # printing/ is the worker's
    assert {"printing", "reportlab.platypus"} <= set(BACKGROUND)
    township = warm_packages(area.factory for area in TOWNSHIP_AREAS)
    assert "ui.township" in township and "ui.registry" not in township and "ui.printing" not in township


def test_the_background_modules_load_on_a_worker_and_the_gui_waits_for_them(qtbot, package: str,
                                                                             tmp_path: Path) -> None:
    """What holds no Qt (reportlab, printing/) loads on a worker thread, its imports are not among the GUI thread's
    steps, and `finished` waits for the worker (0.3 s here, the GUI thread's part long done)."""
    (tmp_path / "warm_probe" / "slow.py").write_text(
        "import threading, time\nTHREAD = threading.current_thread().name\ntime.sleep(0.3)\n", encoding="utf-8")
    owner = QObject()
    warmup = ModuleWarmup(["warm_probe.sub"], owner, walked=("warm_probe",), background=("warm_probe.slow",))
    with qtbot.waitSignal(warmup.finished, timeout=5000):
        warmup.start()
    assert sys.modules["warm_probe.slow"].THREAD == "xiangyue-warmup"
    assert [name for _, name in warmup.steps] == ["warm_probe.sub", "warm_probe.sub.c"]  # the GUI thread's only
    assert "warm_probe.slow" in warmup.loaded
