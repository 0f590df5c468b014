"""SqliteVillageTotals: each village's confirmed points of a period as the bundles brought them to this database —
on the township's desk, the roll-up above the village (乡镇 ← 村); on a village's own database, itself alone."""
from __future__ import annotations

from models.lists.entries import Period
from models.points.rollup import TallyRow, ranked
from storage.core.db import Database
from storage.points.tally import PLUS

_VILLAGES_SQL = f"""
    SELECT e.owner, COALESCE(SUM(CASE WHEN {PLUS} THEN e.points END), 0),
           COALESCE(SUM(CASE WHEN NOT ({PLUS}) THEN e.points END), 0)
    FROM points_entries e
    WHERE e.deleted = 0 AND e.confirmed_by != '' AND e.kind IN ('item', 'reversal') AND e.on_date BETWEEN ? AND ?
    GROUP BY e.owner"""


class SqliteVillageTotals:
    """Implements models.points.ports.VillageTotals (reads only)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def village_totals(self, period: Period) -> list[TallyRow]:
        names = dict(self._db.conn.execute("SELECT owner, village FROM village_profiles WHERE deleted = 0"))
        rows = self._db.conn.execute(_VILLAGES_SQL, (period.start.isoformat(), period.end.isoformat()))
        return ranked(TallyRow(names.get(owner) or f"（未知村 {owner[:8]}）", int(plus), int(minus))
                      for owner, plus, minus in rows)
