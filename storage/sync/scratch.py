"""Scratch folders for decrypted bundle contents, removed at the next start of any command (issue 16, item 8).

An import decrypts the inner archive, and an export builds it, in a folder beside the database named after the
process (`.import-<pid>-…`, `.export-<pid>-…`). The folder goes when the work ends; if the process was killed,
`sweep` removes it the next time any command or the GUI starts, once no live process has that pid.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIXES = (".import-", ".export-")
LEGACY_STALE_SECONDS = 3600  # folders of an older version carry no pid: removed after an hour, as before


def scratch(parent: Path, kind: str) -> tempfile.TemporaryDirectory[str]:
    """A folder for this process's plaintext; `kind` is "import" or "export"."""
    parent.mkdir(exist_ok=True)
    return tempfile.TemporaryDirectory(dir=parent, prefix=f".{kind}-{os.getpid()}-")


def sweep(db_path: Path) -> list[Path]:
    """Remove every scratch folder beside `db_path` whose process is gone; returns what was removed."""
    removed = []
    for parent in (db_path.with_name(db_path.name + ".inbox"), db_path.with_name(db_path.name + ".outbox")):
        if not parent.is_dir():
            continue
        for folder in parent.iterdir():
            if folder.name.startswith(PREFIXES) and folder.is_dir() and _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    pid_text = folder.name.split("-", 2)[1] if folder.name.count("-") >= 2 else ""
    if not pid_text.isdigit():
        return time.time() - folder.stat().st_mtime > LEGACY_STALE_SECONDS
    pid = int(pid_text)
    return pid != os.getpid() and not _alive(pid)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True
