"""Every schema change, in order. Append only: never rename or edit a migration that has shipped."""
from __future__ import annotations

from storage.db import Database
from storage.migrations_core import Migrations
from storage.tracking import create_synced_table, install_change_triggers, synced_tables

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


@migrations
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


@migrations
def m020_create_rulebooks(db: Database) -> None:
    """Rulebooks (村规民约 and charters), their versions, articles, change reasons and the village's catalogue."""
    create_synced_table(db, "rulebooks", "title TEXT NOT NULL, kind TEXT NOT NULL")
    create_synced_table(db, "rule_versions",
                        "rulebook_id TEXT NOT NULL, number INTEGER NOT NULL, status TEXT NOT NULL, "
                        "effective_date TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', "
                        "chapters TEXT NOT NULL DEFAULT '[]', based_on TEXT NOT NULL DEFAULT '', "
                        "source TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE UNIQUE INDEX idx_rule_versions_number ON rule_versions(rulebook_id, number) WHERE deleted = 0")
    # Exactly one version in force per rulebook: the database refuses a second.
    db.execute("CREATE UNIQUE INDEX idx_rule_versions_in_force ON rule_versions(rulebook_id) "
               "WHERE status = 'in_force' AND deleted = 0")
    # article_key is the article's identity across versions; items holds its further 款/项 as a JSON list.
    create_synced_table(db, "rule_articles",
                        "version_id TEXT NOT NULL, article_key TEXT NOT NULL, chapter_key TEXT NOT NULL, "
                        "position INTEGER NOT NULL, text TEXT NOT NULL, items TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE INDEX idx_rule_articles_version ON rule_articles(version_id, position)")
    db.execute("CREATE UNIQUE INDEX idx_rule_articles_key ON rule_articles(version_id, article_key)")
    create_synced_table(db, "rule_change_reasons",
                        "version_id TEXT NOT NULL, article_key TEXT NOT NULL, reason TEXT NOT NULL")
    db.execute("CREATE UNIQUE INDEX idx_rule_change_reasons_key ON rule_change_reasons(version_id, article_key)")
    create_synced_table(db, "rule_catalogue_articles", "area TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL")


@migrations
def m030_create_meetings(db: Database) -> None:
    """Meeting records, attendees, agenda items, amendments, follow-ups, 四议两公开 and custom types."""
    create_synced_table(db, "meeting_types", """
        code TEXT NOT NULL, label TEXT NOT NULL, letter TEXT NOT NULL, composition TEXT NOT NULL,
        quorum TEXT NOT NULL, majority TEXT NOT NULL, notice_days INTEGER NOT NULL DEFAULT 0,
        rule_note TEXT NOT NULL DEFAULT ''""")
    create_synced_table(db, "meetings", """
        number TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL, type_code TEXT NOT NULL,
        date TEXT NOT NULL, start_time TEXT NOT NULL DEFAULT '', end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '', convener TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '',
        host_post TEXT NOT NULL DEFAULT '', recorder TEXT NOT NULL DEFAULT '',
        expected INTEGER NOT NULL DEFAULT 0, expected_computed INTEGER, expected_reason TEXT NOT NULL DEFAULT '',
        expected_households INTEGER, present INTEGER NOT NULL DEFAULT 0, households_represented INTEGER,
        women_present INTEGER, observers TEXT NOT NULL DEFAULT '', township_attendees TEXT NOT NULL DEFAULT '',
        motion_source TEXT NOT NULL DEFAULT '', notice_date TEXT, notice_override_reason TEXT NOT NULL DEFAULT '',
        authorisation_ref TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft', finalised_at TEXT, finalised_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_meetings_type_year ON meetings(type_code, year, seq)")
    db.execute("CREATE INDEX idx_meetings_date ON meetings(date)")
    create_synced_table(db, "meeting_attendees", """
        meeting_id TEXT NOT NULL, position INTEGER NOT NULL, villager_id TEXT, name TEXT NOT NULL,
        gender TEXT NOT NULL DEFAULT 'unknown', kind TEXT NOT NULL, post TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '', proxy_for TEXT NOT NULL DEFAULT ''""")
    create_synced_table(db, "agenda_items", """
        meeting_id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL,
        proposer TEXT NOT NULL DEFAULT '', background TEXT NOT NULL DEFAULT '', discussion TEXT NOT NULL DEFAULT '',
        matter TEXT NOT NULL DEFAULT 'ordinary', vote_method TEXT, votes_for INTEGER, votes_against INTEGER,
        votes_abstain INTEGER, resolution TEXT NOT NULL DEFAULT '', resolution_owner TEXT NOT NULL DEFAULT '',
        resolution_due TEXT, scrutineer TEXT NOT NULL DEFAULT '', counter TEXT NOT NULL DEFAULT '',
        carried_from TEXT NOT NULL DEFAULT ''""")
    create_synced_table(db, "meeting_amendments", """
        meeting_id TEXT NOT NULL, on_date TEXT NOT NULL, editor TEXT NOT NULL, field_name TEXT NOT NULL,
        before_text TEXT NOT NULL, after_text TEXT NOT NULL, reason TEXT NOT NULL""")
    create_synced_table(db, "follow_ups", """
        meeting_id TEXT NOT NULL, item_id TEXT NOT NULL DEFAULT '', meeting_type TEXT NOT NULL, title TEXT NOT NULL,
        owner_name TEXT NOT NULL DEFAULT '', due_date TEXT, status TEXT NOT NULL,
        result_report TEXT NOT NULL DEFAULT '', evaluation TEXT""")
    create_synced_table(db, "follow_up_events", """
        follow_up_id TEXT NOT NULL, on_date TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL""")
    create_synced_table(db, "four_two_matters", """
        title TEXT NOT NULL, motion_source TEXT NOT NULL, merged_first_stages INTEGER NOT NULL DEFAULT 0""")
    create_synced_table(db, "four_two_stages", """
        matter_id TEXT NOT NULL, stage TEXT NOT NULL, on_date TEXT NOT NULL, meeting_id TEXT NOT NULL DEFAULT '',
        meeting_type TEXT NOT NULL DEFAULT '', passed INTEGER, publication TEXT NOT NULL DEFAULT '',
        supervision_opinion TEXT NOT NULL DEFAULT ''""")
    for table, column in (("meeting_attendees", "meeting_id"), ("agenda_items", "meeting_id"),
                          ("meeting_amendments", "meeting_id"), ("follow_ups", "meeting_id"),
                          ("follow_up_events", "follow_up_id"), ("four_two_stages", "matter_id")):
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
    _guard_finalised_meetings(db)


def _guard_finalised_meetings(db: Database) -> None:
    """A finalised record is read-only (R16) even for SQL that bypasses the store; sync imports pass."""
    quiet = "NOT EXISTS (SELECT 1 FROM sync_applying)"
    db.execute(f"""CREATE TRIGGER trg_meetings_final_read_only BEFORE UPDATE ON meetings
        WHEN OLD.status = 'final' AND {quiet}
        BEGIN SELECT RAISE(ABORT, 'meeting is finalised: add an amendment instead'); END""")
    _guard_finalised_children(db, ("meeting_attendees", "agenda_items"))


def _guard_finalised_children(db: Database, tables: tuple[str, ...]) -> None:
    """No INSERT or UPDATE of a finalised meeting's child rows, except while a sync import applies rows."""
    quiet = "NOT EXISTS (SELECT 1 FROM sync_applying)"
    for table in tables:
        for event in ("INSERT", "UPDATE"):
            db.execute(f"""CREATE TRIGGER trg_{table}_final_{event.lower()} BEFORE {event} ON {table}
                WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'final' AND {quiet}
                BEGIN SELECT RAISE(ABORT, 'meeting is finalised: add an amendment instead'); END""")


@migrations
def m031_create_minutes_search(db: Database) -> None:
    """Full-text search over minutes, resolutions and follow-ups: FTS5 trigram + a plain table for LIKE."""
    from storage.minutes_search import install_search_triggers, rebuild_search  # its models load only here

    db.execute("""CREATE TABLE search_documents (
        rowid INTEGER PRIMARY KEY, ref_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
        meeting_id TEXT NOT NULL, text TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_search_documents_meeting ON search_documents(meeting_id)")
    db.execute("""CREATE VIRTUAL TABLE minutes_search USING fts5(
        text, content='search_documents', content_rowid='rowid', tokenize='trigram')""")
    db.execute("CREATE VIRTUAL TABLE minutes_search_terms USING fts5vocab(minutes_search, 'row')")
    install_search_triggers(db)
    rebuild_search(db)


@migrations
def m032_create_meeting_attachments(db: Database) -> None:
    """Attachments of meeting records (scans, photos, sign-in sheets); the files live in the blob store."""
    create_synced_table(db, "meeting_attachments", """
        meeting_id TEXT NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL, kind TEXT NOT NULL,
        size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_meeting_attachments_meeting_id ON meeting_attachments(meeting_id)")


@migrations
def m033_index_open_follow_ups(db: Database) -> None:
    """首页 asks for overdue follow-ups at every start: a partial index over the open ones by deadline."""
    db.execute("CREATE INDEX idx_follow_ups_open_due ON follow_ups(due_date) "
               "WHERE deleted = 0 AND status IN ('not_started', 'in_progress')")


@migrations
def m034_create_item_votes_and_speeches(db: Database) -> None:
    """Per-person votes (逐人表决) and speeches (发言) of agenda items; read-only once the meeting is finalised."""
    from storage.minutes_search import install_search_triggers  # its models load only here

    create_synced_table(db, "agenda_item_votes", """
        meeting_id TEXT NOT NULL, item_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
        villager_id TEXT, choice TEXT NOT NULL""")
    create_synced_table(db, "agenda_item_speeches", """
        meeting_id TEXT NOT NULL, item_id TEXT NOT NULL, position INTEGER NOT NULL, speaker TEXT NOT NULL,
        villager_id TEXT, content TEXT NOT NULL""")
    for table in ("agenda_item_votes", "agenda_item_speeches"):
        db.execute(f"CREATE INDEX idx_{table}_meeting_id ON {table}(meeting_id)")
    _guard_finalised_children(db, ("agenda_item_votes", "agenda_item_speeches"))
    install_search_triggers(db)


@migrations
def m035_create_minutes_settings(db: Database) -> None:
    """Village-wide minutes settings (the province's R8 rule, …) as synced key → JSON rows."""
    create_synced_table(db, "minutes_settings", "key TEXT NOT NULL, value TEXT NOT NULL")
    db.execute("CREATE INDEX idx_minutes_settings_key ON minutes_settings(key)")


@migrations
def m036_create_convene_proposals(db: Database) -> None:
    """R10: signed proposals that oblige the committee to convene a meeting, and the meeting that answered."""
    create_synced_table(db, "convene_proposals", """
        body TEXT NOT NULL, received_on TEXT NOT NULL, subject TEXT NOT NULL, signatures INTEGER NOT NULL,
        base INTEGER NOT NULL, lead_signer TEXT NOT NULL DEFAULT '', due_date TEXT,
        meeting_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_convene_proposals_open ON convene_proposals(meeting_id, received_on)")


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


@migrations
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


@migrations
def m045_create_sync_held(db: Database) -> None:
    """A village's first bundle from a key not yet confirmed: kept (encrypted, beside the database), not applied."""
    db.execute("""CREATE TABLE sync_held_bundles (
        bundle_id TEXT PRIMARY KEY, sender TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
        signing_public_key TEXT NOT NULL, encryption_public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        since INTEGER NOT NULL, seq_last INTEGER NOT NULL, changes INTEGER NOT NULL,
        file TEXT NOT NULL, file_name TEXT NOT NULL, received_at TEXT NOT NULL)""")


@migrations
def m046_quarantine_resolution(db: Database) -> None:
    """A quarantined row is released (applied) or discarded by a reviewer; the row stays, marked, as evidence."""
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolution TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolved_at TEXT")
    db.execute("ALTER TABLE sync_quarantine ADD COLUMN resolved_by TEXT NOT NULL DEFAULT ''")


@migrations
def m047_search_progress_before_follow_up(db: Database) -> None:
    """A bundle whose progress note came before its (later edited) follow-up failed to import: index it later."""
    from storage.minutes_search import install_search_triggers

    install_search_triggers(db)


# The lists' and the workflow's migrations (m060–m073) live in their own module, registered here in order.
import storage.migrations_lists_workflow  # noqa: E402,F401


@migrations
def m074_one_attachments_table(db: Database) -> None:
    """One `attachments` table, owned by a meeting, a step of a revision or a list entry, replaces
    meeting_attachments, workflow_attachments and list_evidence. Rows move with their ids, hlc, owner, dates,
    tombstones and blob references; the change log and the sync side tables are rewritten to the new table in
    place (same seq), so a peer that already acknowledged them is not sent them, nor their files, again."""
    import json

    from storage.attachment_legacy import COLUMNS, LEGACY_TABLES, attachment_row

    create_synced_table(db, "attachments", """
        owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, step INTEGER NOT NULL DEFAULT 0,
        opinion_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL, file_name TEXT NOT NULL, kind TEXT NOT NULL,
        size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_attachments_owner ON attachments(owner_kind, owner_id)")
    insert = f"INSERT INTO attachments({', '.join(COLUMNS)}) VALUES({', '.join('?' * len(COLUMNS))})"
    db.execute("INSERT INTO sync_applying(bundle_id) VALUES('m074')")  # the log is rewritten below, not appended
    # The one edit change_log's append-only guard (m011) lets through: same seq, same row and version, only the
    # table it is filed under and the row's shape change. The guard goes back exactly as it was.
    guard = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'trg_change_log_no_update'").fetchone()
    db.execute("DROP TRIGGER IF EXISTS trg_change_log_no_update")
    for table in LEGACY_TABLES:
        cursor = db.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = attachment_row(table, dict(zip(names, values)))
            db.execute(insert, [row[name] for name in COLUMNS])
        for side, column in (("change_log", "seq"), ("sync_quarantine", "id")):
            for key, row_json in db.conn.execute(f"SELECT {column}, row_json FROM {side} WHERE table_name = ?",
                                                 (table,)).fetchall():
                moved = attachment_row(table, json.loads(row_json))
                db.execute(f"UPDATE {side} SET table_name = 'attachments', row_json = ? WHERE {column} = ?",
                           [json.dumps(moved, ensure_ascii=False, separators=(",", ":")), key])
        db.execute("UPDATE sync_extra_columns SET table_name = 'attachments' WHERE table_name = ?", [table])
        db.execute(f"DROP TABLE {table}")
        db.execute("DELETE FROM synced_tables WHERE name = ?", [table])
    if guard is not None:
        db.execute(guard[0])
    db.execute("DELETE FROM sync_applying WHERE bundle_id = 'm074'")
