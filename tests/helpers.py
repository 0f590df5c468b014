"""Helpers shared by tests: running the command line in-process, typing Chinese into widgets."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import main


def run_cli(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    """Run `python main.py ARGS` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = main.main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def run_json(db: Path, *args: str, stdin: str = "") -> tuple[int, Any]:
    code, out, err = run_cli(["--db", str(db), "--json", *args], stdin)
    return code, (json.loads(out) if out.strip() else err)


def type_text(widget: Any, text: str) -> None:
    """Type `text` as an input method commits it. qtbot.keyClicks only handles ASCII."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
