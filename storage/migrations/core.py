"""Core schema steps: node identity, meta, the change log, the audit log, users and the village profile.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table, install_change_triggers, synced_tables


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


def m011_change_log_plain_rowid(db: Database) -> None:
    """change_log.seq becomes a plain rowid key and rows can no longer be deleted or edited.

    AUTOINCREMENT made SQLite read and write sqlite_sequence on every logged row (≈ 0.4 s per 20,000 rows of a
    roster import). Its one promise, that a seq is never reused after the newest rows are deleted, now holds
    because nothing can delete a row: a plain rowid key takes max(seq) + 1, which never falls back. Sync cursors
    ("changes after seq N") keep their meaning; existing rows keep their seq.
    """
    tables = synced_tables(db)
    for table in tables:  # their bodies name change_log; they are reinstalled on the new table below
        for event in ("insert", "update"):
            db.execute(f"DROP TRIGGER IF EXISTS trg_{table}_log_{event}")
    db.execute("""CREATE TABLE change_log_new (
        seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
        hlc TEXT NOT NULL, row_json TEXT NOT NULL)""")
    db.execute("INSERT INTO change_log_new(seq, table_name, row_id, hlc, row_json) "
               "SELECT seq, table_name, row_id, hlc, row_json FROM change_log ORDER BY seq")
    db.execute("DROP TABLE change_log")
    db.execute("ALTER TABLE change_log_new RENAME TO change_log")
    db.execute("CREATE INDEX idx_change_log_row ON change_log(table_name, row_id, hlc)")
    for event in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER trg_change_log_no_{event.lower()} BEFORE {event} ON change_log "
                   "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END")
    for table in tables:
        install_change_triggers(db, table)


def m075_hardening(db: Database) -> None:
    """Issue 16 in one step (each step added makes peers one schema version older, MAX_SCHEMA_LAG = 2):

    - revoked keys (item 10): a peer's key we revoked, or our own key a peer revoked (revoked_by = its node). A
      revoked fingerprint is never trusted again; `sync_peers.revoked_at` marks a peer whose next bundle from us
      carries only the notice of revocation;
    - digests of the rows of local audited tables (users, item 6), chained; the signed audit head covers the
      newest link;
    - the version of each row a sync import applied (item 6): those rows have no local change-log entry, so
      `check` compares them with this; seeded with the peers' rows as they stand.
    """
    from storage.core.row_digests import seed

    db.execute("""CREATE TABLE sync_revoked_keys (
        fingerprint TEXT PRIMARY KEY, node TEXT NOT NULL, name TEXT NOT NULL, reason TEXT NOT NULL,
        revoked_at TEXT NOT NULL, revoked_by TEXT NOT NULL)""")
    db.execute("ALTER TABLE sync_peers ADD COLUMN revoked_at TEXT")
    db.execute("""CREATE TABLE audit_row_digests (
        id INTEGER PRIMARY KEY, audit_seq INTEGER NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
        digest TEXT NOT NULL, chain TEXT NOT NULL)""")
    for event in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER trg_audit_row_digests_no_{event.lower()} BEFORE {event} ON audit_row_digests "
                   "BEGIN SELECT RAISE(ABORT, 'audit_row_digests is append-only'); END")
    seed(db)
    db.execute("""CREATE TABLE sync_row_versions (table_name TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL,
        row_json TEXT NOT NULL, PRIMARY KEY(table_name, row_id))""")
    for table in synced_tables(db):
        pairs = ", ".join(f"'{c}', t.{c}" for c in (r[1] for r in db.conn.execute(f"PRAGMA table_info({table})")))
        db.execute(f"INSERT INTO sync_row_versions(table_name, row_id, hlc, row_json) SELECT '{table}', t.id, t.hlc, "
                   f"json_object({pairs}) FROM {table} t WHERE t.owner NOT IN (SELECT id FROM node)")
