"""Takes the guide's screenshots from the demo village, so the pictures are never older than the program:

    python docs/guide/make_screenshots.py          (from the repository root; about 20 s)

A fresh demo village (`demo --households 60 --seed 5`) and its township desk are built in a temporary folder; the real
main window is shown on an offscreen screen of 1366×768 less a taskbar (the common office PC), logged in as the demo
administrator, and each area (and each of the nine steps) is saved as docs/guide/images/<name>.png.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGES = Path(__file__).resolve().parent / "images"
WIDTH, HEIGHT = 1366, 768 - 40


def _offscreen_screen(folder: Path) -> None:
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT,
                                               "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _window(db: Path):  # -> MainWindow, shown and logged in
    from storage.core.backend import SqliteBackend
    from storage.demo.b10_installation import DEMO_PASSWORD
    from ui.core.main_window import MainWindow

    backend = SqliteBackend(db)
    window = MainWindow(backend, backend.login("admin", DEMO_PASSWORD))
    window.show()
    return window


def _save(app, window, name: str) -> None:
    app.processEvents()
    assert window.grab().save(str(IMAGES / f"{name}.png")), name
    print(f"docs/guide/images/{name}.png")


def _select_area(window, key: str):
    """Open the area through its sidebar entry, so the picture shows the entry selected."""
    from ui.core.main_window import AREA_ROLE

    for row in range(window.area_list.count()):
        if window.area_list.item(row).data(AREA_ROLE) == key:
            window.area_list.setCurrentRow(row)
    assert window.area_stack.currentWidget() is window._screens[key], key
    return window.area_stack.currentWidget()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="xiangyue-guide-"))
    _offscreen_screen(work)
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    import main as app_main
    from models.workflow.steps import WorkflowStep
    from storage.demo.b70_sync import township_path
    from tests.ui.window_probe import wait_until_populated
    from ui.core.app import generous_font

    db = work / "demo" / "village.sqlite3"
    assert app_main.main(["--db", str(db), "demo", "--households", "60", "--seed", "5"]) == 0
    app = QApplication(sys.argv)
    QCoreApplication.setOrganizationName("XiangyueGuide")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    generous_font(app)
    IMAGES.mkdir(exist_ok=True)
    window = _window(db)
    for key in ("home", "registry", "rules", "workflow", "minutes", "lists", "printing", "sync", "settings", "care",
                "points", "matters", "disclosures", "stars"):
        screen = _select_area(window, key)
        wait_until_populated(screen)  # 首页 fills its reminders just after it is shown
        _save(app, window, key)
        if key == "workflow":
            for step in WorkflowStep:
                screen.select_step(step)
                _save(app, window, f"workflow-{step.number}")
    window.close()
    township = _window(township_path(db))
    _select_area(township, "township")
    _save(app, township, "township")
    township.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
