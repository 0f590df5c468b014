"""Running the ledger: each schema step once, in ledger order, in its own transaction, recorded by name."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, UTC
from typing import Callable, Sequence

from storage.core.db import Database, DatabaseRefused

Step = Callable[[Database], None]


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Step


class Migrations:
    """The ledger's steps in order; each runs once, in its own transaction, and is recorded by name.

    The name recorded in `schema_migrations` is the step's identity: older versions read those names to refuse a
    database made by a newer one, so a shipped step is never renamed.
    """

    def __init__(self, name: str, steps: Sequence[Step]) -> None:
        self.name = name
        self.steps: list[Migration] = []
        for fn in steps:
            if any(step.name == fn.__name__ for step in self.steps):
                raise ValueError(f"duplicate migration {fn.__name__}")
            self.steps.append(Migration(fn.__name__, fn))

    def applied(self, db: Database) -> list[str]:
        if not db.table_exists("schema_migrations"):
            return []
        return [r[0] for r in db.conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]

    def unknown(self, db: Database) -> list[str]:
        """Migrations the database has that this program does not know: it was made by a newer version."""
        known = {step.name for step in self.steps}
        return [name for name in self.applied(db) if name not in known]

    def pending(self, db: Database) -> list[str]:
        done = set(self.applied(db))
        return [step.name for step in self.steps if step.name not in done]

    def refuse_if_newer(self, db: Database) -> None:
        self.refuse_unknown_names(self.applied(db))

    def refuse_unknown_names(self, applied: list[str]) -> None:
        known = {step.name for step in self.steps}
        newer = [name for name in applied if name not in known]
        if newer:
            raise DatabaseRefused(
                "这个数据库由更新版本的乡约创建（含本程序不认识的结构更新："
                f"{', '.join(newer[:3])}）。为保护数据，本程序不会打开它。请先把乡约升级到最新版本。")

    def apply(self, db: Database, stop_before: str | None = None) -> list[str]:
        """Apply pending migrations in order; `stop_before` (tests) halts before that one."""
        self.refuse_if_newer(db)
        self._ensure_table(db)
        done = set(self.applied(db))
        ran: list[str] = []
        for step in self.steps:
            if step.name == stop_before:
                break
            if step.name in done:
                continue
            with db.atomic():
                step.apply(db)
                db.execute("INSERT INTO schema_migrations(name, applied_at) VALUES(?, ?)",
                           [step.name, datetime.now(UTC).isoformat(timespec="seconds")])
            ran.append(step.name)
        return ran

    @staticmethod
    def _ensure_table(db: Database) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations"
                   "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
