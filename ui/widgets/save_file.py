"""`write_file`: a PDF (or any file) saved atomically. A module of its own so a screen that only saves what it
rendered does not import the preview's QtPdf, QtPdfWidgets and print run (30 ms of the lists screen's first
opening, issue 17)."""
from __future__ import annotations

import os
from pathlib import Path


def write_file(path: Path, data: bytes) -> None:
    """Write atomically (temporary name, flush, fsync, rename): a failed save never leaves half a PDF.

    The screens' one copy of storage/core/files.atomic_write: ui/ may not import storage/."""
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
