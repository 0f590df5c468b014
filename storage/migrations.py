"""Every schema change, in order. Append only: never rename or edit a migration that has shipped."""
from __future__ import annotations

from storage.db import Database
from storage.migrations_core import Migrations
from storage.tracking import create_synced_table

migrations = Migrations("village_clerk")


@migrations
def m001_create_core(db: Database) -> None:
    """Node identity, key-value meta, change log, audit log, users and the village profile."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("""CREATE TABLE node (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, epoch TEXT NOT NULL,
        signing_public_key TEXT NOT NULL, encryption_public_key TEXT NOT NULL,
        created_at TEXT NOT NULL)""")
    db.execute("CREATE TABLE synced_tables (name TEXT PRIMARY KEY)")
    # While a sync import applies rows it holds one row here, which silences the log triggers.
    db.execute("CREATE TABLE sync_applying (bundle_id TEXT NOT NULL)")
    db.execute("""CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
        hlc TEXT NOT NULL, row_json TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_change_log_row ON change_log(table_name, row_id, hlc)")
    _create_audit_log(db)
    db.execute("""CREATE TABLE users (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, display_name TEXT NOT NULL,
        role TEXT NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0, last_failed_at TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""")
    create_synced_table(db, "village_profiles",
                        "village TEXT NOT NULL, township TEXT NOT NULL, county TEXT NOT NULL, "
                        "code TEXT NOT NULL DEFAULT '', mode TEXT NOT NULL")


def _create_audit_log(db: Database) -> None:
    db.execute("""CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL,
        table_name TEXT NOT NULL, row_id TEXT NOT NULL, summary TEXT NOT NULL,
        previous_hash TEXT NOT NULL, hash TEXT NOT NULL)""")
    for event in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER trg_audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")


@migrations
def m060_create_list_entries(db: Database) -> None:
    """Red/yellow/black list entries with version-pinned article references and name snapshots (R27)."""
    create_synced_table(db, "list_entries", """
        list_kind TEXT NOT NULL, period TEXT NOT NULL, household_id TEXT NOT NULL, household_no TEXT NOT NULL,
        group_name TEXT NOT NULL, subject_name TEXT NOT NULL, villager_id TEXT NOT NULL DEFAULT '',
        subject_is_minor INTEGER NOT NULL DEFAULT 0, facts TEXT NOT NULL, occurred_on TEXT,
        article_id TEXT NOT NULL DEFAULT '', article_version_id TEXT NOT NULL DEFAULT '',
        article_number TEXT NOT NULL DEFAULT '', article_text TEXT NOT NULL DEFAULT '',
        honour TEXT NOT NULL DEFAULT '', evidence_ids TEXT NOT NULL DEFAULT '[]',
        proposer_name TEXT NOT NULL, proposer_user_id TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,
        consequence TEXT NOT NULL DEFAULT '', override_reason TEXT NOT NULL DEFAULT '',
        override_by TEXT NOT NULL DEFAULT '', notice_on TEXT, publicity_start TEXT,
        publicity_days INTEGER NOT NULL, published_on TEXT, ended_on TEXT, end_reason TEXT NOT NULL DEFAULT '',
        renews_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_list_entries_period ON list_entries(period, list_kind)")
    db.execute("CREATE INDEX idx_list_entries_household ON list_entries(household_id)")


@migrations
def m061_create_list_transitions(db: Database) -> None:
    """Each dated step of a list entry: from, to, who, note (R28, R34)."""
    create_synced_table(db, "list_transitions", """
        entry_id TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, on_date TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_list_transitions_entry ON list_transitions(entry_id)")


@migrations
def m062_create_list_objections(db: Database) -> None:
    """Objections raised during publicity and their recorded answers (R28)."""
    create_synced_table(db, "list_objections", """
        entry_id TEXT NOT NULL, received_on TEXT NOT NULL, raised_by TEXT NOT NULL, content TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '', answered_on TEXT, upheld INTEGER""")
    db.execute("CREATE INDEX idx_list_objections_entry ON list_objections(entry_id)")


@migrations
def m063_create_list_consents(db: Database) -> None:
    """Recorded separate consent or statutory basis for naming a household on a list (R31)."""
    create_synced_table(db, "list_consents", """
        household_id TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL, recorded_on TEXT NOT NULL,
        revoked_on TEXT, lists TEXT NOT NULL DEFAULT 'red,yellow,black'""")


@migrations
def m064_create_volunteer_participations(db: Database) -> None:
    """Public-benefit work per household: activity, date, hours."""
    create_synced_table(db, "volunteer_participations", """
        household_id TEXT NOT NULL, activity TEXT NOT NULL, on_date TEXT NOT NULL, hours REAL NOT NULL""")


@migrations
def m065_create_board_versions(db: Database) -> None:
    """Who created, approved, printed and removed each board version (R34)."""
    create_synced_table(db, "board_versions", """
        period TEXT NOT NULL, action TEXT NOT NULL, fingerprint TEXT NOT NULL DEFAULT '',
        entry_ids TEXT NOT NULL DEFAULT '[]', actor_id TEXT NOT NULL, actor_name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''""")
