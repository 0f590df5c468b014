"""Xiangyue (乡约) entry point: the GUI by default, sub-commands for everything scriptable."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from models.core.ports import Backend, Stores

UNSUPPORTED = "乡约需要 64 位 Windows 10（1809）或更新版本，或 Linux，以及 Python 3.11 或更新版本。"


def main(argv: list[str] | None = None) -> int:
    if (sys.version_info < (3, 11) or sys.maxsize <= 2 ** 32
            or (sys.platform == "win32" and sys.getwindowsversion().major < 10)):
        print(UNSUPPORTED, file=sys.stderr)
        if sys.platform == "win32":  # started from the desktop (pythonw) there is no console to read
            import ctypes
            ctypes.windll.user32.MessageBoxW(None, UNSUPPORTED, "乡约", 0x10)
        return 2
    safe_console()
    from cli import run

    return run(sys.argv[1:] if argv is None else argv, start_gui=start_gui)


def safe_console() -> None:
    """A Windows console or a redirected output in code page 936 (GBK) cannot encode every name (张䶮, 吉𠮷):
    such a character is printed as ? instead of ending the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # absent on a test's StringIO and a frozen GUI's None
        if reconfigure is not None:
            reconfigure(errors="replace")


def start_gui(db_path: Path) -> int:
    """Wire the SQLite backend into the Qt application (the only place both are known)."""
    from storage.core.backend import SqliteBackend

    backend = SqliteBackend(db_path)
    early = early_login(backend)  # before Qt loads: the password's scrypt runs on a worker meanwhile
    from ui.core.app import run_app

    return run_app(backend, early)


def early_login(backend: Backend) -> Callable[[], Stores] | None:
    """The login of a measured start (XIANGYUE_EXIT_AFTER_SHOWN, ui/core/app.py `run_app`), begun now; None when
    the start is not measured or the login would be refused: run_app then says why."""
    from models.core.errors import DomainError

    env = os.environ
    username, password = env.get("XIANGYUE_USER", ""), env.get("XIANGYUE_PASSWORD", "")
    if env.get("XIANGYUE_EXIT_AFTER_SHOWN") != "1" or not username or not password:
        return None
    try:
        return backend.begin_login(username, password) if backend.is_initialised() else None
    except DomainError:
        return None


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
