"""Township schema steps: the township's own review opinions and filing decisions.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m044_create_township_records(db: Database) -> None:
    """The township's own records: legality review opinions and filing decisions, each naming the village's
    record it answers by id and content digest (DESIGN §2: a new row, never an edit of the village's row)."""
    text = "TEXT NOT NULL DEFAULT ''"
    reference = ("village TEXT NOT NULL, rulebook_id TEXT NOT NULL, revision_id TEXT NOT NULL, "
                 "version_id TEXT NOT NULL, version_number INTEGER NOT NULL, version_digest TEXT NOT NULL")
    create_synced_table(db, "township_reviews",
                        f"{reference}, on_date TEXT NOT NULL, authority {text}, reviewer {text}, "
                        f"conclusion {text}, article_notes TEXT NOT NULL DEFAULT '[]'")
    create_synced_table(db, "township_filing_decisions",
                        f"{reference}, filing_id TEXT NOT NULL, filing_hlc TEXT NOT NULL, decision TEXT NOT NULL, "
                        f"on_date TEXT NOT NULL, authority {text}, reviewer {text}, filing_number {text}, "
                        f"reasons {text}, article_notes TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE INDEX idx_township_reviews_revision ON township_reviews(revision_id)")
    db.execute("CREATE INDEX idx_township_filing_decisions_filing ON township_filing_decisions(filing_id)")
