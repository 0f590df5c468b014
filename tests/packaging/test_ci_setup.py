"""`.ci/setup` on a machine where the user is not root and has no sudo (issue 20): it prints the exact apt-get line
for the missing packages and still makes the virtual environment; xvfb and LibreOffice are
wanted only with --test.

The script runs on a copy of itself with stand-ins first on PATH: `id` says uid 1000, `dpkg-query` says nothing is
installed, there is no sudo, and `python3` records what it was asked to do instead of building a real venv."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAKE_PYTHON = """#!/bin/sh
echo "$0 $*" >> "$LOG"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
"""


def _tool(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text)
    path.chmod(0o755)


def _run_setup(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], str]:
    repo, tools = tmp_path / "repo", tmp_path / "bin"
    (repo / ".ci").mkdir(parents=True)
    tools.mkdir()
    shutil.copy(ROOT / ".ci" / "setup", repo / ".ci" / "setup")
    for name in ("dirname", "grep", "mkdir", "cp"):
        (tools / name).symlink_to(shutil.which(name) or f"/usr/bin/{name}")
    _tool(tools, "id", "#!/bin/sh\necho 1000\n")
    _tool(tools, "dpkg-query", "#!/bin/sh\nexit 1\n")
    _tool(tools, "python3", FAKE_PYTHON)
    log = tmp_path / "python.log"
    env = {"PATH": str(tools), "LOG": str(log), "HOME": str(tmp_path)}
    done = subprocess.run([shutil.which("bash") or "/bin/bash", str(repo / ".ci" / "setup"), *args], env=env,
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    return done, log.read_text() if log.exists() else ""


def test_without_root_or_sudo_it_prints_the_apt_line_and_makes_the_venv(tmp_path: Path) -> None:
    done, python_calls = _run_setup(tmp_path)
    assert done.returncode == 0, done.stderr
    line = next(line.strip() for line in done.stderr.splitlines() if "apt-get install" in line)
    assert line.startswith("sudo apt-get install -y ") and "libgl1" in line and "fonts-noto-cjk" in line
    assert "xvfb" not in line.split() and "libreoffice-calc-nogui" not in line.split()
    assert "icu-devtools" not in line.split()
    assert "-m venv .venv" in python_calls and "pip install -q -e ." in python_calls
    assert "sudo: command not found" not in done.stderr


def test_with_test_it_wants_xvfb_and_the_test_tools(tmp_path: Path) -> None:
    done, python_calls = _run_setup(tmp_path, "--test")
    assert done.returncode == 0, done.stderr
    line = next(line.strip() for line in done.stderr.splitlines() if "apt-get install" in line)
    assert "xvfb" in line.split() and "xauth" in line.split()
    assert {"libreoffice-writer-nogui", "libreoffice-calc-nogui"} <= set(line.split())  # the office-suite tests
    assert "icu-devtools" in line.split() and "binutils" in line.split()  # packaging/linux/ci.sh builds
    assert "pip install -q -e .[test]" in python_calls


def test_the_script_is_executable() -> None:
    assert os.access(ROOT / ".ci" / "setup", os.X_OK)
