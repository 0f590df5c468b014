"""PySide6 user interface: main window, one package per screen, shared widgets and dialogs."""
from ui.core.qt_compat import keep_none_alive

keep_none_alive()  # before any Qt call: see ui/core/qt_compat.py
