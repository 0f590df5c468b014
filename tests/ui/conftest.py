"""UI fixtures: an isolated QSettings store and a logged-in backend over a real file."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from models.core.village import make_profile
from storage.core.backend import SqliteBackend
from storage.core.db import Database
from tests.conftest import PASSWORD
from tests.templates import build_template, open_copy


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> None:
    QCoreApplication.setOrganizationName("XiangyueTests")
    QCoreApplication.setApplicationName("XiangyueTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


def _initialised(path: Path) -> Database:
    backend = SqliteBackend(path)
    backend.initialise(make_profile("青石村", "德化乡", "黎平县"), "admin", PASSWORD)
    return backend.db


@pytest.fixture(scope="session")
def _backend_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("ui-template"), "ui.sqlite3", _initialised)


@pytest.fixture
def backend(_backend_template: Path, tmp_path: Path) -> SqliteBackend:
    """A backend over a copy of an installation initialised as 青石村 with administrator `admin`, opened as the
    backend opens its file (open_copy: without repeating the template's upgrade checks)."""
    path = tmp_path / "ui.sqlite3"
    return SqliteBackend(path, open_copy(_backend_template, path))


@pytest.fixture
def stores(backend: SqliteBackend):
    return backend.login("admin", PASSWORD)
