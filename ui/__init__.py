"""PySide6 user interface: main window, one package per screen, shared widgets and dialogs."""
