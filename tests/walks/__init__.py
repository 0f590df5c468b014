"""Walks: each clerk task through the real main window and dialogs (see driver.py and conftest.py)."""
