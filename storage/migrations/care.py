"""Care schema steps (网格关怀, R51–R52): the grids' levels and households by date (registry tables), contact lines
by date, care levels with their reasons, visits, settings.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m079_create_care(db: Database) -> None:
    """网格 (R52), the registry's part: a grid's level (1–3), its parent grid and its 网格员; each household's grid by
    date (`grid_assignments`, from/to). 网格关怀: 三线 contact people of each household by date; 放心户/关心户/连心户
    ratings (each a new row: the history is the table); 走访记录; the visit intervals and the grid size band (one
    row). One step, not two: a bundle's schema version counts the steps, and a reader accepts two behind."""
    from storage.core.tracking import install_change_triggers

    for column in ("level INTEGER NOT NULL DEFAULT 3", "parent_id TEXT", "member_id TEXT"):
        db.execute(f"ALTER TABLE grids ADD COLUMN {column}")
    install_change_triggers(db, "grids")  # the change log copies the full row: include the new columns
    deferred = "DEFERRABLE INITIALLY DEFERRED"
    create_synced_table(db, "grid_assignments", (
        f"household_id TEXT NOT NULL REFERENCES households(id) {deferred}, "
        f"grid_id TEXT NOT NULL REFERENCES grids(id) {deferred}, start_date TEXT NOT NULL, end_date TEXT"))
    db.execute("CREATE INDEX idx_grid_assignments_household ON grid_assignments(household_id, start_date)")
    db.execute("CREATE INDEX idx_grid_assignments_grid ON grid_assignments(grid_id)")
    household = f"household_id TEXT NOT NULL REFERENCES households(id) {deferred}"
    create_synced_table(db, "care_contacts", (
        f"{household}, line TEXT NOT NULL, villager_id TEXT NOT NULL REFERENCES villagers(id) {deferred}, "
        "start_date TEXT NOT NULL, end_date TEXT"))
    create_synced_table(db, "care_levels", (
        f"{household}, level TEXT NOT NULL, reason_class TEXT NOT NULL DEFAULT '', "
        "reason_note TEXT NOT NULL DEFAULT '', review_date TEXT, decided_by TEXT NOT NULL DEFAULT '', "
        "start_date TEXT NOT NULL"))
    create_synced_table(db, "care_visits", (
        f"{household}, visitor TEXT NOT NULL, visit_date TEXT NOT NULL, findings TEXT NOT NULL, "
        "matter_id TEXT NOT NULL DEFAULT ''"))
    create_synced_table(db, "care_settings", (
        "red_days INTEGER NOT NULL DEFAULT 30, yellow_days INTEGER NOT NULL DEFAULT 90, "
        "grid_low INTEGER NOT NULL DEFAULT 20, grid_high INTEGER NOT NULL DEFAULT 30"))
    for statement in (
        "CREATE INDEX idx_care_contacts_household ON care_contacts(household_id, line, start_date)",
        "CREATE INDEX idx_care_levels_household ON care_levels(household_id, start_date)",
        "CREATE INDEX idx_care_visits_household ON care_visits(household_id, visit_date)",
    ):
        db.execute(statement)
