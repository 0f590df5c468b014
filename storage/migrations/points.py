"""Points schema steps (积分制, 爱心超市): schemes and items, ledger entries, goods, stock movements, redemptions.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m080_create_points(db: Database) -> None:
    """The points area in one step: every table travels in the bundle (the township rolls villages up).

    Balances and stock are never columns: they are sums of `points_entries` and `points_stock_moves`."""
    create_synced_table(db, "points_schemes", """
        version INTEGER NOT NULL, adopted_on TEXT NOT NULL, meeting_id TEXT NOT NULL, resolution TEXT NOT NULL,
        period_kind TEXT NOT NULL, deduction_share INTEGER NOT NULL""")
    create_synced_table(db, "points_items", """
        scheme_id TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL, class_name TEXT NOT NULL,
        name TEXT NOT NULL, points INTEGER NOT NULL, cap INTEGER, evidence TEXT NOT NULL DEFAULT '',
        clause TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_points_items_scheme ON points_items(scheme_id, position)")
    create_synced_table(db, "points_entries", """
        household_id TEXT NOT NULL, household_no TEXT NOT NULL, on_date TEXT NOT NULL, points INTEGER NOT NULL,
        kind TEXT NOT NULL, item_code TEXT NOT NULL DEFAULT '', item_name TEXT NOT NULL DEFAULT '',
        scheme_id TEXT NOT NULL DEFAULT '', scheme_version INTEGER NOT NULL DEFAULT 0,
        villager_id TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL, recorded_by_name TEXT NOT NULL, confirmed_by TEXT NOT NULL DEFAULT '',
        confirmed_by_name TEXT NOT NULL DEFAULT '', confirmed_at TEXT NOT NULL DEFAULT '',
        reverses_id TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_points_entries_household ON points_entries(household_id, on_date)")
    # Covering the period sums (tally, board): a year of a village's entries is read from the index alone.
    db.execute("CREATE INDEX idx_points_entries_date ON points_entries(on_date, household_id, kind, points, "
               "confirmed_by, deleted)")
    db.execute("CREATE INDEX idx_points_entries_reverses ON points_entries(reverses_id)")
    create_synced_table(db, "points_goods", """
        name TEXT NOT NULL, price INTEGER NOT NULL, source TEXT NOT NULL""")
    create_synced_table(db, "points_stock_moves", """
        goods_id TEXT NOT NULL, change INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
        on_date TEXT NOT NULL, by_name TEXT NOT NULL, redemption_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_points_stock_moves_goods ON points_stock_moves(goods_id)")
    create_synced_table(db, "points_redemptions", """
        number TEXT NOT NULL, household_id TEXT NOT NULL, household_no TEXT NOT NULL, goods_id TEXT NOT NULL,
        goods_name TEXT NOT NULL, quantity INTEGER NOT NULL, price INTEGER NOT NULL, on_date TEXT NOT NULL,
        clerk_name TEXT NOT NULL, entry_id TEXT NOT NULL, reversal_id TEXT NOT NULL DEFAULT ''""")


def m083_points_publications_and_applications(db: Database) -> None:
    """积分公示 (R37): a period's publication with its objection window, and the objections raised in it; both travel
    in the bundle. `recorded_at` is when the publication was written: an entry confirmed later was not on the board.
    积分换项目 (Dongkou): a group's or the village's application, and the township's review as a row of its own."""
    create_synced_table(db, "points_publications", """
        period_code TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, published_on TEXT NOT NULL,
        days INTEGER NOT NULL, closes_on TEXT NOT NULL, recorded_at TEXT NOT NULL, by_name TEXT NOT NULL""")
    db.execute("CREATE INDEX idx_points_publications_dates ON points_publications(start_date, end_date)")
    create_synced_table(db, "points_objections", """
        publication_id TEXT NOT NULL, household_id TEXT NOT NULL DEFAULT '', household_no TEXT NOT NULL DEFAULT '',
        received_on TEXT NOT NULL, raised_by TEXT NOT NULL, content TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '',
        answered_on TEXT NOT NULL DEFAULT '', upheld INTEGER""")
    db.execute("CREATE INDEX idx_points_objections_publication ON points_objections(publication_id)")
    create_synced_table(db, "points_applications", """
        group_name TEXT NOT NULL DEFAULT '', period_code TEXT NOT NULL, points INTEGER NOT NULL, project TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '', on_date TEXT NOT NULL""")
    create_synced_table(db, "points_application_reviews", """
        application_id TEXT NOT NULL, approved INTEGER NOT NULL, text TEXT NOT NULL, on_date TEXT NOT NULL,
        by_name TEXT NOT NULL""")
    db.execute("CREATE INDEX idx_points_application_reviews_application ON points_application_reviews(application_id)")


def m096_points_rejection_and_settings(db: Database) -> None:
    """退回 (R36): a pending entry a second account refuses, with who, when and why — it never counts and stays in
    the ledger's history. `points_settings` holds the area's settings as key → value (积分有效期, R39: `expiry`
    never | year-end). One step, not two: a bundle's schema version counts the steps."""
    from storage.core.tracking import install_change_triggers

    for column in ("rejected_by", "rejected_by_name", "rejected_at", "reject_reason"):
        db.execute(f"ALTER TABLE points_entries ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "points_entries")  # the change log copies the full row: the new columns too
    create_synced_table(db, "points_settings", "key TEXT NOT NULL, value TEXT NOT NULL")
