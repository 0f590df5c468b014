"""packaging/smoke.sh checks that the frozen app's `--help` lists every command: its list is the command line's own
(a command added to cli/ without the frozen build knowing would otherwise pass unnoticed)."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def test_the_smoke_test_expects_every_command() -> None:
    subparsers = next(action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction))
    script = (ROOT / "packaging" / "smoke.sh").read_text(encoding="utf-8")
    listed = re.search(r'COMMANDS="([^"]*)"', script)
    assert listed is not None
    assert sorted(listed.group(1).split()) == sorted(subparsers.choices)
