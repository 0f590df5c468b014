"""首页's overdue query uses the partial index over open follow-ups (m033), not a scan of every follow-up."""
from __future__ import annotations

from storage.core.db import Database


def test_overdue_query_searches_the_partial_index(village_db: Database) -> None:
    plan = village_db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT f.* FROM follow_ups f WHERE f.deleted = 0 AND "
        "f.status IN ('not_started', 'in_progress') AND f.due_date < ? "
        "ORDER BY f.due_date IS NULL, f.due_date, f.created_at", ["2026-11-23"]).fetchall()
    assert any("idx_follow_ups_open_due" in row[3] for row in plan)
