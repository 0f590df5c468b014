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
def m040_create_sync_peers(db: Database) -> None:
    """Trusted peers (pairing) and what each has acknowledged of ours."""
    db.execute("""CREATE TABLE sync_peers (
        node TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
        signing_public_key TEXT NOT NULL, encryption_public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL, last_epoch TEXT, last_bundle_at TEXT,
        acked_epoch TEXT, acked_seq INTEGER NOT NULL DEFAULT 0)""")


@migrations
def m041_create_sync_bundles(db: Database) -> None:
    """Bundles sent and received, per-origin high-water marks, quarantine and kept unknown columns."""
    db.execute("""CREATE TABLE sync_bundles_received (
        bundle_id TEXT PRIMARY KEY, sender TEXT NOT NULL, origin_epoch TEXT NOT NULL,
        seq_first INTEGER NOT NULL, seq_last INTEGER NOT NULL, since INTEGER NOT NULL,
        imported_at TEXT NOT NULL, applied INTEGER NOT NULL, skipped INTEGER NOT NULL,
        quarantined INTEGER NOT NULL, flags TEXT NOT NULL, file_name TEXT NOT NULL)""")
    db.execute("""CREATE TABLE sync_bundles_sent (
        bundle_id TEXT PRIMARY KEY, recipient TEXT NOT NULL, epoch TEXT NOT NULL, since INTEGER NOT NULL,
        seq_first INTEGER NOT NULL, seq_last INTEGER NOT NULL, changes INTEGER NOT NULL,
        attachments INTEGER NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL, local_copy TEXT NOT NULL, created_at TEXT NOT NULL, acked_at TEXT)""")
    db.execute("""CREATE TABLE sync_high_water (
        origin TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(origin, epoch))""")
    db.execute("""CREATE TABLE sync_quarantine (
        id INTEGER PRIMARY KEY, bundle_id TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
        owner TEXT NOT NULL, signer TEXT NOT NULL, hlc TEXT NOT NULL, row_json TEXT NOT NULL,
        reason TEXT NOT NULL, received_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE sync_extra_columns (
        table_name TEXT NOT NULL, row_id TEXT NOT NULL, hlc TEXT NOT NULL, columns_json TEXT NOT NULL,
        PRIMARY KEY(table_name, row_id))""")


@migrations
def m042_create_blobs(db: Database) -> None:
    """Attachments, content-addressed: one row (and one file beside the database) per SHA-256."""
    db.execute("CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, created_at TEXT NOT NULL)")


@migrations
def m043_create_peer_audit(db: Database) -> None:
    """Audit entries received from peers (they travel in bundles), and how far each peer acknowledged ours."""
    db.execute("""CREATE TABLE sync_peer_audit (
        origin TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL, table_name TEXT NOT NULL,
        row_id TEXT NOT NULL, summary TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL,
        PRIMARY KEY(origin, epoch, seq))""")
    db.execute("ALTER TABLE sync_peers ADD COLUMN acked_audit_seq INTEGER NOT NULL DEFAULT 0")
