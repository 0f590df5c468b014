"""Disclosures schema steps (三务公开): publications, their objections, the village's settings, finance lines.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m075_create_disclosures(db: Database) -> None:
    """R41–R42: each posting with its period and due day, objections and answers, the finance frequency, and the
    month's finance lines (amounts in fen)."""
    create_synced_table(db, "disclosure_publications", """
        kind TEXT NOT NULL, category TEXT NOT NULL, period TEXT NOT NULL, start_date TEXT NOT NULL,
        end_date TEXT NOT NULL, due_date TEXT NOT NULL, place TEXT NOT NULL, posted_by TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_disclosure_publications_period ON disclosure_publications(owner, period)")
    create_synced_table(db, "disclosure_objections", """
        publication_id TEXT NOT NULL, received_on TEXT NOT NULL, raised_by TEXT NOT NULL, content TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '', answered_on TEXT""")
    db.execute("CREATE INDEX idx_disclosure_objections_publication ON disclosure_objections(publication_id)")
    create_synced_table(db, "disclosure_settings", "frequent_finance INTEGER NOT NULL")
    create_synced_table(db, "disclosure_finance_lines", """
        month TEXT NOT NULL, on_date TEXT NOT NULL, summary TEXT NOT NULL, income INTEGER NOT NULL,
        expense INTEGER NOT NULL, position INTEGER NOT NULL""")
    db.execute("CREATE INDEX idx_disclosure_finance_lines_month ON disclosure_finance_lines(month)")
