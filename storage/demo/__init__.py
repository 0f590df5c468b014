"""The demo village: each area adds a builder module here (run in name order, deterministic per seed)."""
from __future__ import annotations

import importlib
import pkgutil
import random
from dataclasses import dataclass, field
from typing import Any

from storage.db import Database


@dataclass
class DemoOptions:
    seed: int = 2026
    households: int = 300
    counts: dict[str, Any] = field(default_factory=dict)  # what each builder added, for the summary


def run_demo(db: Database, options: DemoOptions) -> dict[str, Any]:
    """Run every builder `storage/demo/b<NN>_<area>.py:build(db, rng, options)` in order."""
    import storage.demo as package
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("b"):
            builder = importlib.import_module(f"storage.demo.{info.name}")
            # One generator per builder, so adding an area never changes another area's data.
            builder.build(db, random.Random(f"{options.seed}:{info.name}"), options)
    return options.counts
