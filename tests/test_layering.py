"""The layering law (STYLE.md §2) and the area map (docs/design.md): forbidden imports fail, every layer holds the
same area packages, a screen package imports no other screen package, no module is over 400 lines and no class
over 250, and no store constructs another (issue 15)."""
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
MAX_LINES, MAX_CLASS_LINES = 400, 250

# The one list of areas; each layer holds one package per area, named alike (docs/design.md, "The area map").
AREAS = {"core", "registry", "rules", "workflow", "minutes", "lists", "sync", "township", "care", "points", "matters",
         "disclosures", "stars"}
# Packages of a layer that are not an area, each with its reason.
NOT_AREAS = {
    "storage": {"migrations": "the one ledger: every area's schema steps in shipping order",
                "demo": "the demo village spans every area, one builder module per area"},
    "ui": {"widgets": "widgets shared by the screens (ChoiceCombo, StoreCommand, attachments, PDF preview, …)",
           "printing": "打印中心, a screen over every area's printed products"},
}
# Areas a layer has nothing for, each with its reason.
ABSENT = {
    "printing": {"sync": "nothing of sync is printed", "township": "nothing of the township desk is printed"},
}
# What a screen package (ui/<area> but core, and ui/printing) and ui/widgets may import of ui/core. ui/core itself is
# the shell: it composes the screens (the sidebar in ui/core/areas.py; 设置 hosts the lists' own settings tab).
SHELL_SERVICES = {"ui.core.bus", "ui.core.background"}


def _modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


def _package_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])


def _resolved_imports(source: str, package: str) -> set[str]:
    """Every module `source` (a module of `package`) imports, relative imports resolved against the package."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[:len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            if node.level and not node.module:  # `from . import screen`: the names are modules
                names |= {f"{module}.{alias.name}" for alias in node.names}
    return names


def _imported_modules(path: Path) -> set[str]:
    return _resolved_imports(path.read_text(encoding="utf-8"), _package_of(path))


def _imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imported_modules(path)}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    offences = [f"{p.relative_to(ROOT)} imports {sorted(_imports(p) & FORBIDDEN[layer])}"
                for p in _modules(layer) if _imports(p) & FORBIDDEN[layer]]
    assert offences == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_holds_one_package_per_area(layer: str) -> None:
    entries = {p.name for p in (ROOT / layer).iterdir() if p.name != "__pycache__"}
    packages = {name for name in entries if (ROOT / layer / name).is_dir()}
    assert entries - packages == {"__init__.py"}, "a layer's modules live in its area packages"
    assert all((ROOT / layer / name / "__init__.py").is_file() for name in packages)
    assert packages == AREAS - set(ABSENT.get(layer, {})) | set(NOT_AREAS.get(layer, {}))


def _screen_package(path: Path) -> str | None:
    """`ui.<name>` of a screen package or of ui/widgets that `path` belongs to; None for the shell and ui/__init__."""
    parts = path.relative_to(ROOT).parts
    return f"ui.{parts[1]}" if len(parts) > 2 and parts[1] != "core" else None


def test_a_screen_imports_no_other_screen() -> None:
    offences = []
    for path in _modules("ui"):
        if (own := _screen_package(path)) is None:
            continue
        for name in sorted(_imported_modules(path)):
            allowed = (not name.startswith("ui.") or name == own or name.startswith((own + ".", "ui.widgets."))
                       or name in SHELL_SERVICES)
            if not allowed:
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_relative_imports_are_resolved() -> None:
    """The checks above see `from ..lists import screen` in ui/rules as an import of ui.lists."""
    source = "from ..lists import screen\nfrom . import dialogs\nfrom .commands import X\nfrom ...storage import db\n"
    assert _resolved_imports(source, "ui.rules") == {"ui.lists", "ui.rules", "ui.rules.dialogs", "ui.rules.commands",
                                                      "storage"}
    assert _package_of(ROOT / "ui" / "rules" / "screen.py") == _package_of(ROOT / "ui" / "rules" / "__init__.py")


def test_no_module_over_400_lines() -> None:
    long = [f"{p.relative_to(ROOT)}: {n}" for layer in (*FORBIDDEN, "cli", "tests", "benchmarks") for p in _modules(layer)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_no_class_over_250_lines() -> None:
    long = [f"{p.relative_to(ROOT)}: {node.name} {node.end_lineno - node.lineno + 1}"  # type: ignore[operator]
            for layer in (*FORBIDDEN, "cli") for p in _modules(layer)
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef)
            and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES]  # type: ignore[operator]
    assert long == []


# Where stores may be built: the composition root and the demo builders (which compose a session like a login).
COMPOSERS = ("storage/core/backend.py", "storage/demo/")


def test_no_store_constructs_another() -> None:
    """Outside the composition root nothing in storage/ builds a store or a session's stores: a store needing
    another aggregate is given it, typed by its port (docs/design.md, "Stores per area")."""
    built = []
    for path in _modules("storage"):
        where = str(path.relative_to(ROOT))
        if where.startswith(COMPOSERS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if (name.startswith("Sqlite") and name.endswith(("Store", "Stores", "Facts"))) or name == "build_stores":
                    built.append(f"{where}:{node.lineno} {name}")
    assert built == []


def test_every_module_has_a_docstring() -> None:
    bare = [str(p.relative_to(ROOT)) for layer in (*FORBIDDEN, "cli") for p in _modules(layer)
            if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert bare == []
