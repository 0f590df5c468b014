"""A GUI launch from main.py builds no command tree, and XIANGYUE_EXIT_AFTER_SHOWN ends it after the first paint
(the contract the start-up benchmark measures through, issue 17)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli import gui_launch
from tests.helpers import run_json

ROOT = Path(__file__).resolve().parents[2]


def test_a_launch_without_a_command_is_read_without_the_command_tree(tmp_path: Path) -> None:
    assert gui_launch(["--db", str(tmp_path / "v.sqlite3")]) == tmp_path / "v.sqlite3"
    assert gui_launch(["--db", "v.sqlite3", "check"]) is None and gui_launch(["--help"]) is None
    probe = ("import sys; from cli import gui_launch; gui_launch(['--db', 'x.sqlite3']); "
             "print(sorted(m for m in sys.modules if m.startswith('cli.commands')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _start(db: Path, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XIANGYUE_EXIT_AFTER_SHOWN": "1",
           "XIANGYUE_USER": "admin", "XIANGYUE_PASSWORD": password}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_exit_after_shown_logs_in_paints_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "v.sqlite3"
    code, _ = run_json(db, "init", "--village", "青石村", "--township", "德化乡", "--county", "黎平县",
                       "--admin", "admin", stdin="secret123\n")
    assert code == 0
    shown = _start(db, "secret123")
    assert shown.returncode == 0, shown.stderr
    refused = _start(db, "wrong-password")
    assert refused.returncode == 2 and "密码" in refused.stderr
