"""The main window fits the office PC's screen (issue 20): at 1024×768, 1366×768 and 1920×1080, each less a 40-px
taskbar, the first window lies inside the screen, and every area's screen fits in it without scroll bars, with no
control outside the screen or squeezed below its size. Each size runs the real window in a process of its own on an
offscreen screen of that size (tests/ui/window_probe.py)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storage.demo.b70_sync import township_path
from ui.core.areas import AREAS
from tests.helpers import run_cli

TASKBAR = 40
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fit-demo") / "village.sqlite3"
    code, _out, err = run_cli(["--db", str(path), "demo", "--households", "60", "--seed", "5"])
    assert code == 0, err
    return path


def probe(db: Path, width: int, height: int, tmp_path: Path) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-m", "tests.ui.window_probe", str(db), "--settings", str(tmp_path / "qt")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("width, height", [(1024, 768), (1366, 768), (1920, 1080)])
def test_every_village_screen_fits(demo: Path, width: int, height: int, tmp_path: Path) -> None:
    result = probe(demo, width, height - TASKBAR, tmp_path)
    assert_fits(result, width, height - TASKBAR)
    assert set(result["areas"]) == {area.key for area in AREAS}  # every sidebar screen was probed


def test_every_township_screen_fits_the_smallest_screen(demo: Path, tmp_path: Path) -> None:
    result = probe(township_path(demo), 1024, 768 - TASKBAR, tmp_path)
    assert_fits(result, 1024, 768 - TASKBAR)
    assert set(result["areas"]) == {"township", "matters_desk", "points_desk", "sync", "settings"}


def assert_fits(result: dict[str, Any], width: int, height: int) -> None:
    x, y, w, h = result["window"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"window {result['window']} off the screen"
    assert result["window_minimum"][0] <= width and result["window_minimum"][1] <= height
    for key, area in result["areas"].items():
        needs, viewport = area["needs"], area["viewport"]
        assert needs[0] <= viewport[0] and needs[1] <= viewport[1], f"{key} needs {needs}, has {viewport}"
        assert area["scrolls"] == [False, False], f"{key} scrolls"
        assert area["outside"] == [], f"{key}: controls outside the screen"
        assert area["squeezed"] == [], f"{key}: controls squeezed"


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (.ci/setup --test installs it)")
def test_the_smallest_screen_on_a_real_x_server(demo: Path, tmp_path: Path) -> None:
    """The same on Qt's X11 platform (xcb) under Xvfb, as on a Kylin or UOS desktop, not only offscreen."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"1024x{768 - TASKBAR}x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}"}
        done = subprocess.run([sys.executable, "-m", "tests.ui.window_probe", str(demo), "--settings",
                               str(tmp_path / "qt")], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert_fits(json.loads(done.stdout), 1024, 768 - TASKBAR)
    finally:
        server.terminate()
        server.wait(timeout=10)
