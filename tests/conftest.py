"""Shared fixtures: offscreen Qt, migrated databases, the demo installation.

Set-up is paid once per session: the databases below are built once as templates and copied into each test
(tests/templates.py), and passwords are hashed at a test cost (storage/core/passwords.py keeps the app's own).
"""
from __future__ import annotations

import gc
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The test databases commit with synchronous=FULL as the app's do, so on a disk every commit waits for an fsync:
# half the suite's time on a busy machine. pytest's temporary folders go to a RAM disk where there is one
# (Linux's /dev/shm), unless TMPDIR or --basetemp names another place.
_RAM_DISK = "/dev/shm"
if "TMPDIR" not in os.environ and os.path.isdir(_RAM_DISK) and os.access(_RAM_DISK, os.W_OK):
    tempfile.tempdir = _RAM_DISK

from pathlib import Path  # noqa: E402
from typing import Callable, Iterator  # noqa: E402

import pytest  # noqa: E402

from models.core.accounts import Actor, Role  # noqa: E402
from models.core.village import make_profile  # noqa: E402
from storage.core import passwords as passwords  # noqa: E402
from storage.core.db import Database  # noqa: E402
from storage.core.installation import initialise, open_database, open_memory_database  # noqa: E402
from tests.keys import remember_keys  # noqa: E402
from tests.templates import build_template, memory_copy, open_copy  # noqa: E402
from ui.core.gui_gc import collect_if_due  # noqa: E402

PASSWORD = "secret123"
# scrypt at n=2⁴ instead of 2¹⁴: ~0.02 ms instead of ~40 ms a hash. Hashes record their cost, so they verify;
# test_the_app_hashes_at_the_production_cost checks the app's own cost.
passwords.use_cost_for_tests(passwords.ScryptCost(2 ** 4, 8, 1))
remember_keys()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cli_login: the command line checks credentials as it does outside the tests")


@pytest.fixture(autouse=True)
def _command_line_account(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process command-line tests run as the built-in command-line administrator, as before issue 16 item 13
    (their databases have many different accounts and passwords), and open_database() finds the key of an encrypted
    file as a login would have unwrapped it; tests marked `cli_login` check real logins and keys
    (tests/hostile/test_hostile_login.py, tests/storage/test_encryption.py), and a command run in a subprocess
    always logs in for real."""
    if request.node.get_closest_marker("cli_login") is None:
        from models.core.accounts import COMMAND_LINE_ACTOR
        from tests.keys import key_of
        monkeypatch.setattr("cli.login.login", lambda db, command, user, given=None, proof=None: COMMAND_LINE_ACTOR)
        monkeypatch.setattr("cli.login.unwrap_key",
                            lambda path, user, given=None: (key_of(path), given or ("", ""), None))
        # …and open their encrypted files as the app does after a login (tests/keys.py knows every key).
        monkeypatch.setattr("storage.core.installation.key_without_login", key_of)


@pytest.fixture(scope="session")
def _memory_template() -> Database:
    return open_memory_database()


@pytest.fixture
def db(_memory_template: Database) -> Database:
    """In-memory database, all migrations applied, not yet initialised."""
    return memory_copy(_memory_template)


def _village(path: Path) -> Database:
    database = open_database(path, must_exist=False)
    initialise(database, make_profile("青石村", "德化乡", "黎平县", "522631101201"), "admin", PASSWORD, "李文书")
    return database


@pytest.fixture(scope="session")
def _village_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("village-template"), "village.sqlite3", _village)


@pytest.fixture
def village_db(_village_template: Path, tmp_path: Path) -> Database:
    """A real file database set up as 青石村 with administrator `admin`."""
    return open_copy(_village_template, tmp_path / "village.sqlite3")


def admin_of(database: Database) -> Actor:
    """The administrator `admin` of a database set up as `village_db` is."""
    row = database.conn.execute("SELECT id, display_name FROM users WHERE username = 'admin'").fetchone()
    return Actor(row[0], row[1], Role.ADMIN)


@pytest.fixture
def admin(village_db: Database) -> Actor:
    return admin_of(village_db)


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Database]:
    """`demo_copy(path, seed=…, households=…)`: the demo village (as `demo --seed --households` builds it)
    at `path`, built once per seed and size in the session and copied."""
    from storage.demo import DemoOptions, run_demo

    built: dict[tuple[int, int], Path] = {}

    def build(path: Path, seed: int, households: int) -> Database:
        database = open_database(path, must_exist=False)
        run_demo(database, DemoOptions(seed=seed, households=households))
        return database

    def copy(path: Path, seed: int = DemoOptions.seed, households: int = DemoOptions.households) -> Database:
        if (seed, households) not in built:
            folder = tmp_path_factory.mktemp(f"demo-{seed}-{households}")
            built[seed, households] = build_template(folder, "demo.sqlite3",
                                                     lambda p: build(p, seed, households))
        return open_copy(built[seed, households], path)

    return copy


@pytest.fixture(scope="session")
def demo_cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo village as `demo --households 40` makes it through the command line, made once per session;
    take a copy (`copy_installation`) to use it."""
    from tests.helpers import run_cli

    path = tmp_path_factory.mktemp("demo-cli") / "village.sqlite3"
    code, _, err = run_cli(["--db", str(path), "demo", "--households", "40"])
    assert code == 0, err
    return path


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As in the app (ui/core/gui_gc.py): the automatic collector is off, so it never runs on a background worker
    and destroys a widget there; cycles are collected here, on the main thread, between tests."""
    gc.disable()
    yield
    collect_if_due()


@pytest.fixture(autouse=True, scope="session")
def _font_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The font scan's cache goes to a temporary folder, never the user's cache dir."""
    os.environ.setdefault("XIANGYUE_FONT_CACHE", str(tmp_path_factory.mktemp("fonts") / "fonts.json"))
