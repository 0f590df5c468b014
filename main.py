"""Xiangyue (乡约) entry point: the GUI by default, sub-commands for everything scriptable."""
from __future__ import annotations

import sys
from pathlib import Path

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
    from ui.core.app import run_app

    return run_app(SqliteBackend(db_path))


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
