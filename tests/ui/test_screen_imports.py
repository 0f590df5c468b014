"""A screen's first opening imports its own modules, not the printing and office libraries it uses only when the
clerk prints or exports (issue 17: reportlab was 0.17 s of 积分制's first opening, pypinyin's package 0.13 s)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab.platypus", "reportlab.pdfgen", "pypinyin", "openpyxl", "docx")

PROBE = """
import importlib, pkgutil, sys
import ui
names = [m.name for m in pkgutil.walk_packages(ui.__path__, "ui.") if not m.name.startswith("ui.printing")]
for name in names:
    importlib.import_module(name)
print(len(names), *sorted(h for h in HEAVY if h in sys.modules))
"""


def test_no_screen_module_imports_the_print_or_office_libraries() -> None:
    out = subprocess.run([sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{PROBE}"], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    count, *loaded = out.stdout.split()
    assert int(count) > 100 and loaded == []  # 打印中心 (ui.printing) is the one screen that renders at once
