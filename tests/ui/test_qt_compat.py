"""The PySide6 6.12 / Python 3.11 reference leak on None must not crash a long session."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_long_session_of_qt_calls_does_not_kill_the_interpreter() -> None:
    # In a fresh process, because a failure aborts the interpreter rather than raising.
    script = textwrap.dedent("""
        import ui  # applies the work-around
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        for _ in range(100_000):
            label.setText("乡约")
            label.setEnabled(True)
        print("alive")
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"


def test_a_long_session_of_signals_does_not_kill_the_interpreter() -> None:
    """Signal.emit drops a reference to True each call: a few hundred emits abort Python 3.11 without the raise."""
    script = textwrap.dedent("""
        import ui  # applies the work-around
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class Relay(QObject):
            done = Signal(int)

        app = QCoreApplication([])
        relay = Relay()
        relay.done.connect(lambda n: None)
        for n in range(100_000):
            relay.done.emit(n)
        print("alive")
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
