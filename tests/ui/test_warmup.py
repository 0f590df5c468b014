"""The modules of the screens load while the clerk reads 首页, one per idle turn of the event loop (issue 17)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from ui.core.areas import AREAS, TOWNSHIP_AREAS
from ui.core.warmup import ModuleWarmup, warm_packages


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
    assert village[-2:] == ("printing", "ui.printing") and village.index("reportlab.platypus") < village.index("printing")
    township = warm_packages(area.factory for area in TOWNSHIP_AREAS)
    assert "ui.township" in township and "ui.registry" not in township and "ui.printing" not in township
