"""CLI output on a console or redirect in code page 936 (GBK), as on a Chinese Windows PC (issue 20): a rule naming
张䶮 (outside GBK) is shown with ? in its place, never a UnicodeEncodeError; --json escapes it and stays exact."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import run_json

ROOT = Path(__file__).resolve().parents[2]
RULES = "# 石桥村村规民约\n## 第一章 总则\n第一条 本村规民约由张䶮等村民代表讨论通过。\n"


def _gbk_run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "XIANGYUE_USER": "admin", "XIANGYUE_PASSWORD": "secret123"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, timeout=120)


def _rulebook(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "v.sqlite3"
    code, _ = run_json(db, "init", "--village", "石桥村", "--township", "德化乡", "--county", "黎平县",
                       "--admin", "admin", stdin="secret123\n")
    assert code == 0
    source = tmp_path / "rules.md"
    source.write_text(RULES, encoding="utf-8")
    code, data = run_json(db, "rules", "import", str(source))
    assert code == 0, data
    return db, data["id"]


def test_rules_show_on_a_gbk_console(tmp_path: Path) -> None:
    db, rulebook = _rulebook(tmp_path)
    done = _gbk_run("--db", str(db), "rules", "show", rulebook)
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    text = done.stdout.decode("gbk")
    assert "本村规民约由张?等村民代表讨论通过" in text and "Traceback" not in done.stderr.decode("gbk", "replace")


def test_json_on_a_gbk_console_is_exact(tmp_path: Path) -> None:
    db, rulebook = _rulebook(tmp_path)
    done = _gbk_run("--db", str(db), "--json", "rules", "show", rulebook)
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert "张䶮" in json.loads(done.stdout.decode("gbk"))["articles"][0]["text"]
