"""The command modules are named in cli.COMMAND_MODULES (a frozen app cannot list a package's folder): the list
matches what cli/commands/ holds, and --help lists every command they register."""
from __future__ import annotations

import pkgutil

import cli
import cli.commands
from tests.helpers import run_cli


def test_the_list_matches_the_package() -> None:
    assert sorted(cli.COMMAND_MODULES) == sorted(m.name for m in pkgutil.iter_modules(cli.commands.__path__))
    assert list(cli.COMMAND_MODULES) == sorted(cli.COMMAND_MODULES)  # help lists them in this order


def test_help_lists_every_command() -> None:
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    code, out, _err = run_cli(["--help"])
    assert code == 0 and len(commands) >= len(cli.COMMAND_MODULES)
    assert all(name in out for name in commands)
