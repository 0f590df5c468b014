"""Registry schema steps (户籍花名册): groups, grids, households, villagers, roles.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


def m010_create_registry(db: Database) -> None:
    """户籍花名册: village groups, grids, households, villagers and the roles they hold."""
    deferred = "DEFERRABLE INITIALLY DEFERRED"  # sync may apply a child before its parent in one transaction
    create_synced_table(db, "village_groups", "name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0")
    create_synced_table(db, "grids", f"group_id TEXT NOT NULL REFERENCES village_groups(id) {deferred}, "
                                     "name TEXT NOT NULL, leader_id TEXT")
    create_synced_table(db, "households", (
        f"household_no TEXT NOT NULL, group_id TEXT NOT NULL REFERENCES village_groups(id) {deferred}, "
        f"grid_id TEXT REFERENCES grids(id) {deferred}, address TEXT NOT NULL DEFAULT '', head_id TEXT, "
        "phone TEXT NOT NULL DEFAULT '', care_level TEXT NOT NULL DEFAULT 'green', notes TEXT NOT NULL DEFAULT ''"))
    create_synced_table(db, "villagers", (
        f"household_id TEXT NOT NULL REFERENCES households(id) {deferred}, name TEXT NOT NULL, "
        "relation TEXT NOT NULL DEFAULT '', gender TEXT, id_number TEXT NOT NULL DEFAULT '', birth_date TEXT, "
        "ethnicity TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', "
        "political_status TEXT NOT NULL DEFAULT '', away INTEGER NOT NULL DEFAULT 0, "
        "away_place TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'active', status_date TEXT, "
        "position INTEGER NOT NULL DEFAULT 0, name_pinyin TEXT NOT NULL DEFAULT '', "
        "name_initials TEXT NOT NULL DEFAULT ''"))
    create_synced_table(db, "villager_roles", (
        f"villager_id TEXT NOT NULL REFERENCES villagers(id) {deferred}, role TEXT NOT NULL, "
        "post TEXT NOT NULL DEFAULT '', start_date TEXT, end_date TEXT"))
    for statement in (
        # Unique per owner: a township holds the registries of all its villages, each with its own "0001".
        "CREATE UNIQUE INDEX idx_households_no ON households(owner, household_no) WHERE deleted = 0",
        "CREATE INDEX idx_households_group ON households(group_id, grid_id)",
        "CREATE INDEX idx_villagers_household ON villagers(household_id, position)",
        "CREATE UNIQUE INDEX idx_villagers_id_number ON villagers(owner, id_number) "
        "WHERE id_number <> '' AND deleted = 0",
        "CREATE INDEX idx_villager_roles_role ON villager_roles(role, villager_id)",
        "CREATE INDEX idx_villager_roles_villager ON villager_roles(villager_id)",
        "CREATE INDEX idx_grids_group ON grids(group_id)",
    ):
        db.execute(statement)


def m077_registry_search_index(db: Database) -> None:
    """户籍花名册 at county scale (issue 17): a search index (trigram FTS5 over names, phones, ID and household
    numbers; a word index over the pinyin keys) and the indexes the paged households list walks."""
    from storage.registry.search_index import create_registry_search  # its triggers are (re)installed there

    create_registry_search(db)
    for statement in (
        "CREATE INDEX idx_households_listed ON households(household_no, id) WHERE deleted = 0",
        "CREATE INDEX idx_households_scope ON households(group_id, grid_id) WHERE deleted = 0",
        "CREATE INDEX idx_villagers_away ON villagers(household_id) WHERE away <> 0 AND deleted = 0",
        "CREATE INDEX idx_households_care ON households(care_level) WHERE deleted = 0",
    ):
        db.execute(statement)


def m095_villagers_living_index(db: Database) -> None:
    """Households with a living member counted from an index alone (issue 17: 九步工作法's public consultation
    names the households of the village on every reload; over 150,000 people the count read every villager row)."""
    db.execute("CREATE INDEX idx_villagers_living ON villagers(household_id, birth_date, status, status_date) "
               "WHERE deleted = 0")


def m099_households_in_number_order(db: Database) -> None:
    """积分制's household fields at county scale (issue 17): a keystroke whose term is common (one character, one
    letter) walks the households in number order (CAST(household_no AS INTEGER), as points list them) until the
    first few match, and a name the search index finds leads to the households its villager heads."""
    db.execute("CREATE INDEX idx_households_in_order ON households(owner, CAST(household_no AS INTEGER), "
               "household_no) WHERE deleted = 0")
    db.execute("CREATE INDEX idx_households_head ON households(head_id) WHERE deleted = 0")
