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


@migrations
def m066_create_list_evidence(db: Database) -> None:
    """Evidence attachments of list entries (照片、扫描件); the files live in the blob store, like minutes' ones."""
    create_synced_table(db, "list_evidence", """
        entry_id TEXT NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL, size INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_list_evidence_entry_id ON list_evidence(entry_id)")


@migrations
def m067_create_list_settings(db: Database) -> None:
    """The village's list settings (榜单设置), one live row per installation like the village profile."""
    create_synced_table(db, "list_settings", """
        cycle TEXT NOT NULL, publicity_days INTEGER NOT NULL, answer_days INTEGER NOT NULL,
        stigmatising_words TEXT NOT NULL, name_black_list INTEGER NOT NULL""")


@migrations
def m070_create_workflow(db: Database) -> None:
    """The nine-step revision workflow: revisions, step states, and the records of every step."""
    text, day = "TEXT NOT NULL DEFAULT ''", "TEXT"
    tables = {
        "workflow_revisions": f"rulebook_id TEXT NOT NULL, started_on TEXT NOT NULL, start_meeting_id {text}, "
                              f"draft_version_id {text}, filing_days INTEGER NOT NULL DEFAULT 10, "
                              "publicity_min_days INTEGER NOT NULL DEFAULT 5, "
                              "representatives_may_vote INTEGER NOT NULL DEFAULT 0",
        "workflow_step_states": f"revision_id TEXT NOT NULL, step TEXT NOT NULL, state TEXT NOT NULL, "
                                f"started_on {day}, done_on {day}, reopen_reason {text}",
        "workflow_timetable": "revision_id TEXT NOT NULL, step TEXT NOT NULL, target_date TEXT NOT NULL",
        "workflow_invitations": f"revision_id TEXT NOT NULL, name TEXT NOT NULL, villager_id {text}, "
                                f"capacity {text}, womens_representative INTEGER NOT NULL DEFAULT 0, "
                                f"village_unit INTEGER NOT NULL DEFAULT 0, sent_on {day}, expires_on {day}, "
                                f"reply TEXT NOT NULL DEFAULT 'no_reply', replied_on {day}",
        "workflow_committee_members": f"revision_id TEXT NOT NULL, name TEXT NOT NULL, villager_id {text}, "
                                      f"chair INTEGER NOT NULL DEFAULT 0, capacity {text}, "
                                      "position INTEGER NOT NULL DEFAULT 0",
        "workflow_checks": f"member_id TEXT NOT NULL, agency TEXT NOT NULL, result TEXT NOT NULL, "
                           f"on_date TEXT NOT NULL, note {text}",
        "workflow_teams": f"revision_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, leader {text}, "
                          "members TEXT NOT NULL DEFAULT '[]'",
        "workflow_shifts": f"team_id TEXT NOT NULL, week_start TEXT NOT NULL, members TEXT NOT NULL DEFAULT '[]', "
                           f"holiday {text}",
        "workflow_opinions": f"revision_id TEXT NOT NULL, number INTEGER NOT NULL, kind TEXT NOT NULL, "
                             f"name TEXT NOT NULL, villager_id {text}, household_id {text}, channel TEXT NOT NULL, "
                             f"on_date TEXT NOT NULL, article_key {text}, article_label {text}, "
                             f"text TEXT NOT NULL, form_serial {text}, written_by {text}",
        "workflow_replies": "opinion_id TEXT NOT NULL, disposition TEXT NOT NULL, reason TEXT NOT NULL, "
                            "replied_by TEXT NOT NULL, on_date TEXT NOT NULL",
        "workflow_revision_links": "version_id TEXT NOT NULL, article_key TEXT NOT NULL, opinion_id TEXT NOT NULL",
        "workflow_publicity": f"revision_id TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, "
                              f"place {text}, version_id {text}",
        "workflow_reviews": f"revision_id TEXT NOT NULL, version_id TEXT NOT NULL, version_number INTEGER NOT NULL, "
                            f"on_date TEXT NOT NULL, reviewer TEXT NOT NULL, conclusion TEXT NOT NULL, "
                            "article_notes TEXT NOT NULL DEFAULT '[]'",
        "workflow_votes": "revision_id TEXT NOT NULL, meeting_id TEXT NOT NULL, version_id TEXT NOT NULL, "
                          "version_number INTEGER NOT NULL, by_article INTEGER NOT NULL DEFAULT 0, "
                          "tallies TEXT NOT NULL DEFAULT '[]'",
        "workflow_signatures": "revision_id TEXT NOT NULL, household_id TEXT NOT NULL, signed_on TEXT NOT NULL, "
                               f"sheet_ref {text}",
        "workflow_filings": f"revision_id TEXT NOT NULL, due_on TEXT NOT NULL, status TEXT NOT NULL, "
                            f"submitted_on {day}, receipt_number {text}, receipt_date {day}, "
                            f"effective_date {day}, note {text}",
    }
    for name, columns in tables.items():
        create_synced_table(db, name, columns)
    for table, column in (("workflow_revisions", "rulebook_id"), ("workflow_step_states", "revision_id"),
                          ("workflow_timetable", "revision_id"), ("workflow_invitations", "revision_id"),
                          ("workflow_committee_members", "revision_id"), ("workflow_checks", "member_id"),
                          ("workflow_teams", "revision_id"), ("workflow_shifts", "team_id"),
                          ("workflow_opinions", "revision_id"), ("workflow_replies", "opinion_id"),
                          ("workflow_revision_links", "version_id"), ("workflow_publicity", "revision_id"),
                          ("workflow_reviews", "revision_id"), ("workflow_votes", "revision_id"),
                          ("workflow_signatures", "revision_id"), ("workflow_filings", "revision_id")):
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
    db.execute("CREATE UNIQUE INDEX idx_workflow_opinions_number ON workflow_opinions(revision_id, kind, number) "
               "WHERE deleted = 0")


@migrations
def m071_workflow_retry_articles(db: Database) -> None:
    """Articles that failed the vote go back to step 6 alone: which ones, and the version they failed in."""
    db.execute("ALTER TABLE workflow_revisions ADD COLUMN retry_articles TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE workflow_revisions ADD COLUMN retry_from_version_id TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "workflow_revisions")


@migrations
def m072_workflow_filing_township_decision(db: Database) -> None:
    """The township decision (退回修改) a filing has already acted on, so a returned filing reopens step 6 once."""
    db.execute("ALTER TABLE workflow_filings ADD COLUMN township_decision_id TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "workflow_filings")


@migrations
def m073_create_workflow_attachments(db: Database) -> None:
    """Scans and photos kept with a step of a revision (signed sheets, notices, forms, receipts); files in blobs."""
    create_synced_table(db, "workflow_attachments", """
        revision_id TEXT NOT NULL, step INTEGER NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL,
        kind TEXT NOT NULL, size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT '',
        opinion_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_workflow_attachments_revision_id ON workflow_attachments(revision_id)")
