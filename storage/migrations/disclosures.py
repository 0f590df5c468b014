"""Disclosures (三务公开) and ten-star households (十星级文明户) schema steps: publications, their objections, the
village's settings, finance lines; the adopted star lists and the awards (one step: the two areas landed together).

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m082_create_disclosures_and_stars(db: Database) -> None:
    """R41–R42: each posting with its period and due day, objections and answers, the finance frequency, and the
    month's finance lines (amounts in fen); R53: the star lists and awards."""
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
    # R53: a star list adopted at a recorded meeting; each star of a household for a year, by the meeting that
    # decided it, withdrawn only with a recorded reason.
    create_synced_table(db, "star_lists", "stars TEXT NOT NULL, meeting_id TEXT NOT NULL, adopted_on TEXT NOT NULL")
    create_synced_table(db, "star_awards", """
        household_id TEXT NOT NULL, household_no TEXT NOT NULL, star TEXT NOT NULL, year INTEGER NOT NULL,
        meeting_id TEXT NOT NULL, awarded_on TEXT NOT NULL, withdrawn_on TEXT,
        withdraw_reason TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_star_awards_year ON star_awards(year, household_id)")


def m086_disclosure_sign_off_and_grid_member_terms(db: Database) -> None:
    """R42: each posting's sign-off by the supervision committee (who, when). R41: the events that make an item
    due (`disclosure_events`: approvals, long projects' steps). R52: each grid's 网格员 by date
    (`grid_member_terms`, from/to), so the history stays when the member changes. One step, not two: a bundle's
    schema version counts the steps, and a reader accepts only two behind."""
    from storage.core.tracking import install_change_triggers

    db.execute("ALTER TABLE disclosure_publications ADD COLUMN signed_off_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE disclosure_publications ADD COLUMN signed_off_on TEXT")
    install_change_triggers(db, "disclosure_publications")  # the change log copies the full row: the new columns
    deferred = "DEFERRABLE INITIALLY DEFERRED"
    create_synced_table(db, "grid_member_terms", (
        f"grid_id TEXT NOT NULL REFERENCES grids(id) {deferred}, "
        f"member_id TEXT NOT NULL REFERENCES villagers(id) {deferred}, start_date TEXT NOT NULL, end_date TEXT"))
    db.execute("CREATE INDEX idx_grid_member_terms_grid ON grid_member_terms(grid_id, start_date)")
    # R41 (陕西省实施办法第三十三条): the events that make an item due — a government approval received, a long
    # project's decision, progress or completion.
    create_synced_table(db, "disclosure_events", "category TEXT NOT NULL, subject TEXT NOT NULL, "
                                                 "step TEXT NOT NULL DEFAULT '', on_date TEXT NOT NULL")


def m085_star_evaluation(db: Database) -> None:
    """R53, the evaluation before a star counts: each household's application or nomination and its group's review
    (`star_candidacies`); the publicity of the decided stars (`star_awards.publicity_start/end`) and the objections
    it drew with their answers (`star_objections`)."""
    from storage.core.tracking import install_change_triggers

    create_synced_table(db, "star_candidacies", """
        household_id TEXT NOT NULL, household_no TEXT NOT NULL, year INTEGER NOT NULL, star TEXT NOT NULL,
        route TEXT NOT NULL, proposer TEXT NOT NULL DEFAULT '', proposed_on TEXT NOT NULL,
        verdict TEXT NOT NULL DEFAULT '', review_note TEXT NOT NULL DEFAULT '', reviewed_on TEXT,
        reviewed_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_star_candidacies_year ON star_candidacies(year, household_id)")
    for column in ("publicity_start TEXT", "publicity_end TEXT"):
        db.execute(f"ALTER TABLE star_awards ADD COLUMN {column}")
    install_change_triggers(db, "star_awards")  # the change log copies the full row: include the new columns
    create_synced_table(db, "star_objections", """
        award_id TEXT NOT NULL, received_on TEXT NOT NULL, raised_by TEXT NOT NULL, content TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '', answered_on TEXT, upheld INTEGER""")
    db.execute("CREATE INDEX idx_star_objections_award ON star_objections(award_id)")
