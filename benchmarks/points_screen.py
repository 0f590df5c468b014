"""积分制 alone, opened and reloaded as benchmarks/screens.py measures every screen (issue 17).

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.points_screen COUNTY.sqlite3 [VILLAGE.sqlite3 …] — copies of
benchmarks.screens' databases (its folder, /tmp/xiangyue-county), measured in the order given in one process.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui  # noqa: F401  (the PySide6 work-around, ui/core/qt_compat.py)
    from PySide6.QtWidgets import QApplication

    from benchmarks.screens import PASSWORD, _measure_screen, render
    from storage.core.backend import SqliteBackend
    from ui.core.app import setup_application
    from ui.core.areas import AREAS
    app = QApplication.instance() or QApplication([])
    setup_application(app)  # type: ignore[arg-type]
    area = next(a for a in AREAS if a.key == "points")
    rows = []
    for path in sys.argv[1:]:
        stores = SqliteBackend(Path(path)).login("admin", PASSWORD)
        rows += [(f"{Path(path).name}: {what}", ms, goal) for what, ms, goal in _measure_screen(app, stores, area)]
    print(render(rows))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
