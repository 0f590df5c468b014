"""The demo village: each area adds a builder module here (run in name order, deterministic per seed)."""
from __future__ import annotations

import importlib
import pkgutil
import random
from dataclasses import dataclass, field
from typing import Any

from models.core.errors import DomainError
from storage.core.db import Database
from storage.core.keyring import save_keyring


@dataclass
class DemoOptions:
    seed: int = 2026
    households: int = 300
    counts: dict[str, Any] = field(default_factory=dict)  # what each builder added, for the summary


DEMO_FLAG = "demo_village"


def run_demo(db: Database, options: DemoOptions) -> dict[str, Any]:
    """Run every builder `storage/demo/b<NN>_<area>.py:build(db, rng, options)` in order.

    Each builder runs in one transaction, so a demo killed half-way leaves whole areas or none, and
    the next run completes what is missing. A builder with `OWN_TRANSACTIONS = True` (the sync demo, whose
    bundle import is itself one transaction with files around it) runs each of its steps in its own. A real village's database is refused: demo rows would
    be owned by its node, travel to the township and, as legal records, could never be removed.
    """
    refuse_real_village(db)
    import storage.demo as package
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("b"):
            builder = importlib.import_module(f"storage.demo.{info.name}")
            # One generator per builder, so adding an area never changes another area's data.
            rng = random.Random(f"{options.seed}:{info.name}")
            if getattr(builder, "OWN_TRANSACTIONS", False):
                builder.build(db, rng, options)  # sync: export and import are each their own transaction
                continue
            with db.atomic():
                builder.build(db, rng, options)
                db.set_meta(DEMO_FLAG, "1")
    save_keyring(db)  # each demo account's copy of the database key
    return options.counts


def refuse_real_village(db: Database) -> None:
    initialised = db.conn.execute("SELECT 1 FROM node").fetchone() is not None
    if initialised and db.meta(DEMO_FLAG) != "1":
        raise DomainError("这个数据库是真实村庄的数据，不能往里面填充演示数据。"
                          "如需演示，请用 --db 指定一个新的文件，例如 --db 演示村.sqlite3。")
