"""The layering law (STYLE.md §2): forbidden imports fail, and so does any module over 500 lines."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "models": {"PySide6", "sqlite3", "sqlite_utils", "reportlab", "storage", "ui", "printing", "cli", "nacl"},
    "storage": {"PySide6", "reportlab", "ui", "printing", "cli"},
    "printing": {"PySide6", "sqlite3", "sqlite_utils", "storage", "ui", "cli"},
    "ui": {"sqlite3", "sqlite_utils", "reportlab", "storage", "cli"},
}
MAX_LINES = 500


def _modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    offences = [f"{p.relative_to(ROOT)} imports {sorted(_imports(p) & FORBIDDEN[layer])}"
                for p in _modules(layer) if _imports(p) & FORBIDDEN[layer]]
    assert offences == []


def test_no_module_over_500_lines() -> None:
    long = [f"{p.relative_to(ROOT)}: {n}" for layer in (*FORBIDDEN, "cli", "tests") for p in _modules(layer)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_every_module_has_a_docstring() -> None:
    bare = [str(p.relative_to(ROOT)) for layer in (*FORBIDDEN, "cli") for p in _modules(layer)
            if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert bare == []
