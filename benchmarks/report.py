"""Writing one section of docs/benchmarks.md, keeping the other sections as they are."""
from __future__ import annotations

import platform
import re
from datetime import date
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = "# Benchmarks\n\nMeasured by the scripts in `benchmarks/`; each script rewrites its own section.\n"


def write_section(title: str, body: str) -> None:
    """Replace (or add) the `## title` section of docs/benchmarks.md."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    machine = f"_{date.today().isoformat()}, {platform.machine()}, Python {platform.python_version()}_\n\n"
    section = f"## {title}\n\n{machine}{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")
