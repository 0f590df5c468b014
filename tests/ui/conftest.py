"""UI fixtures: an isolated QSettings store and a logged-in backend over a real file."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from models.village import make_profile
from storage.backend import SqliteBackend
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> None:
    QCoreApplication.setOrganizationName("XiangyueTests")
    QCoreApplication.setApplicationName("XiangyueTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def backend(tmp_path: Path) -> SqliteBackend:
    backend = SqliteBackend(tmp_path / "ui.sqlite3")
    backend.initialise(make_profile("青石村", "德化乡", "黎平县"), "admin", PASSWORD)
    return backend


@pytest.fixture
def stores(backend: SqliteBackend):
    return backend.login("admin", PASSWORD)
