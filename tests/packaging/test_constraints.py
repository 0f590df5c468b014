"""packaging/constraints.txt pins every dependency of pyproject.toml (and every one of theirs installed here) to one
exact version that satisfies pyproject's range: every village's frozen app is built from the same versions."""
from __future__ import annotations

import importlib.metadata as metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            specifiers = list(requirement.specifier)
            assert len(specifiers) == 1 and specifiers[0].operator == "==", f"not an exact pin: {line}"
            pins[_name(requirement.name)] = specifiers[0].version
    return pins


def _dependencies() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


def test_every_dependency_is_pinned_within_its_range() -> None:
    pins = _pins()
    for requirement in _dependencies():
        assert _name(requirement.name) in pins, f"{requirement.name} is not pinned"
        assert requirement.specifier.contains(pins[_name(requirement.name)]), requirement


def test_their_dependencies_are_pinned_too() -> None:
    pins, seen, todo = _pins(), set(), [r.name for r in _dependencies()]
    while todo:
        name = _name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    assert sorted(seen - set(pins)) == []
