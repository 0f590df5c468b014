"""Sync schema steps: peers, bundles sent, received and held, quarantine, peers' audit, the blob store.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database


def m040_create_sync_peers(db: Database) -> None:
    """Trusted peers (pairing) and what each has acknowledged of ours."""
    db.execute("""CREATE TABLE sync_peers (
        node TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
        signing_public_key TEXT NOT NULL, encryption_public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL, last_epoch TEXT, last_bundle_at TEXT,
        acked_epoch TEXT, acked_seq INTEGER NOT NULL DEFAULT 0)""")


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


def m042_create_blobs(db: Database) -> None:
    """Attachments, content-addressed: one row (and one file beside the database) per SHA-256."""
    db.execute("CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, created_at TEXT NOT NULL)")


def m043_create_peer_audit(db: Database) -> None:
    """Audit entries received from peers (they travel in bundles), and how far each peer acknowledged ours."""
    db.execute("""CREATE TABLE sync_peer_audit (
        origin TEXT NOT NULL, epoch TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL, table_name TEXT NOT NULL,
        row_id TEXT NOT NULL, summary TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL,
        PRIMARY KEY(origin, epoch, seq))""")
    db.execute("ALTER TABLE sync_peers ADD COLUMN acked_audit_seq INTEGER NOT NULL DEFAULT 0")


def m045_create_sync_held(db: Database) -> None:
    """A village's first bundle from a key not yet confirmed: kept (encrypted, beside the database), not applied."""
    db.execute("""CREATE TABLE sync_held_bundles (
        bundle_id TEXT PRIMARY KEY, sender TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
        signing_public_key TEXT NOT NULL, encryption_public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        since INTEGER NOT NULL, seq_last INTEGER NOT NULL, changes INTEGER NOT NULL,
        file TEXT NOT NULL, file_name TEXT NOT NULL, received_at TEXT NOT NULL)""")


def m046_quarantine_resolution(db: Database) -> None:
    """A quarantined row is released (applied) or discarded by a reviewer; the row stays, marked, as evidence."""
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolution TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolved_at TEXT")
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolved_by TEXT NOT NULL DEFAULT ''")



def m097_peer_audit_newest_first(db: Database) -> None:
    """对方的操作记录 newest first from an index (issue 17): the sync screen read the newest 1,000 of a township's
    received entries by sorting them all (9,744 in the benchmark township: 25 ms on every reload). The index holds
    the whole order and `origin`, so one peer's entries are picked from it without reading the table."""
    db.execute("CREATE INDEX idx_sync_peer_audit_newest ON sync_peer_audit(at, seq, origin, epoch)")
