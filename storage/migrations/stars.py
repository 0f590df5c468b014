"""Ten-star households schema steps (十星级文明户): the adopted star lists and the stars awarded.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m076_create_stars(db: Database) -> None:
    """R53: a star list adopted at a recorded meeting; each star of a household for a year, by the meeting that
    decided it, withdrawn only with a recorded reason."""
    create_synced_table(db, "star_lists", """
        stars TEXT NOT NULL, meeting_id TEXT NOT NULL, adopted_on TEXT NOT NULL""")
    create_synced_table(db, "star_awards", """
        household_id TEXT NOT NULL, household_no TEXT NOT NULL, star TEXT NOT NULL, year INTEGER NOT NULL,
        meeting_id TEXT NOT NULL, awarded_on TEXT NOT NULL, withdrawn_on TEXT, withdraw_reason TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_star_awards_year ON star_awards(year, household_id)")
