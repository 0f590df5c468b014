"""`--json` goes before the command or after it: the issues' contracts write `points tally … [--json]`."""
from __future__ import annotations

import argparse

import pytest

from cli import build_parser


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(path, parser)]
    return [leaf for sub in subs for name, child in sub.choices.items() for leaf in _leaves(child, (*path, name))]


def test_every_command_takes_json_after_it() -> None:
    leaves = _leaves(build_parser())
    assert len(leaves) > 100
    assert [" ".join(path) for path, parser in leaves if "--json" not in parser._option_string_actions] == []


@pytest.mark.parametrize("argv", [["points", "tally", "--period", "2026-05"], ["goods", "list"],
                                  ["disclose", "due"], ["stars", "list"], ["points", "balance", "--household", "0003"]])
def test_json_after_the_command_parses_as_before_it(argv: list[str]) -> None:
    after = build_parser().parse_args([*argv, "--json"])
    before = build_parser().parse_args(["--json", *argv])
    plain = build_parser().parse_args(argv)
    assert after.json is True and before.json is True and plain.json is False
    assert {k: v for k, v in vars(after).items() if k != "handler"} == {k: v for k, v in vars(before).items()
                                                                         if k != "handler"}
