"""packaging/linux/build_deb.sh on a stand-in frozen folder (two small scripts in place of the executables): the
package has its control fields, the app under /opt/xiangyue, /usr/bin/xiangyue, a desktop entry naming 乡约 and
the icons; building the real frozen app is packaging/smoke.sh's part."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is Debian's")


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("deb")
    app = base / "xiangyue"
    (app / "_internal" / "resources" / "fonts").mkdir(parents=True)
    for name in ("xiangyue", "xiangyue-cli"):
        (app / name).write_text("#!/bin/sh\necho 乡约\n")
        (app / name).chmod(0o755)
    (app / "_internal" / "resources" / "fonts" / "LICENSE-Apache-2.0.txt").write_text("Apache License 2.0\n")
    done = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build_deb.sh"), str(app), str(base / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


def _dpkg(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_control_fields(deb: Path) -> None:
    assert deb.name == "xiangyue_0.1.0_" + _dpkg("--field", str(deb), "Architecture").strip() + ".deb"
    control = _dpkg("--info", str(deb))
    assert "Package: xiangyue" in control and "Version: 0.1.0" in control and "libc6 (>=" in control
    assert "libxcb-cursor0" in control  # Qt's xcb platform plugin needs it and the frozen folder does not carry it


def test_contents(deb: Path) -> None:
    contents = _dpkg("--contents", str(deb))
    for path in ("./opt/xiangyue/xiangyue", "./opt/xiangyue/xiangyue-cli", "./usr/share/applications/xiangyue.desktop",
                 "./usr/share/icons/hicolor/256x256/apps/xiangyue.png", "./usr/share/icons/hicolor/48x48/apps/xiangyue.png",
                 "./usr/share/doc/xiangyue/LICENSE-Apache-2.0.txt"):
        assert path in contents, path
    assert "./usr/bin/xiangyue -> /opt/xiangyue/xiangyue-cli" in contents
    assert " root/root " in contents  # --root-owner-group: no build user's ids in the package


def test_desktop_entry(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    entry = (tmp_path / "usr" / "share" / "applications" / "xiangyue.desktop").read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert lines["Name"] == "乡约" and lines["Type"] == "Application" and lines["Icon"] == "xiangyue"
    assert lines["Exec"].split()[0] == "/opt/xiangyue/xiangyue" and lines["Terminal"] == "false"
    assert (tmp_path / "opt" / "xiangyue" / "xiangyue").stat().st_mode & 0o111
