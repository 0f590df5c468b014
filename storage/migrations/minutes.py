"""Minutes schema steps (会议记录): meetings and their parts, search, attachments, votes, settings, convening.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table


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


def m031_create_minutes_search(db: Database) -> None:
    """Full-text search over minutes, resolutions and follow-ups: FTS5 trigram + a plain table for LIKE."""
    from storage.minutes.search import install_search_triggers, rebuild_search  # its models load only here

    db.execute("""CREATE TABLE search_documents (
        rowid INTEGER PRIMARY KEY, ref_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
        meeting_id TEXT NOT NULL, text TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_search_documents_meeting ON search_documents(meeting_id)")
    db.execute("""CREATE VIRTUAL TABLE minutes_search USING fts5(
        text, content='search_documents', content_rowid='rowid', tokenize='trigram')""")
    db.execute("CREATE VIRTUAL TABLE minutes_search_terms USING fts5vocab(minutes_search, 'row')")
    install_search_triggers(db)
    rebuild_search(db)


def m032_create_meeting_attachments(db: Database) -> None:
    """Attachments of meeting records (scans, photos, sign-in sheets); the files live in the blob store."""
    create_synced_table(db, "meeting_attachments", """
        meeting_id TEXT NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL, kind TEXT NOT NULL,
        size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_meeting_attachments_meeting_id ON meeting_attachments(meeting_id)")


def m033_index_open_follow_ups(db: Database) -> None:
    """首页 asks for overdue follow-ups at every start: a partial index over the open ones by deadline."""
    db.execute("CREATE INDEX idx_follow_ups_open_due ON follow_ups(due_date) "
               "WHERE deleted = 0 AND status IN ('not_started', 'in_progress')")


def m034_create_item_votes_and_speeches(db: Database) -> None:
    """Per-person votes (逐人表决) and speeches (发言) of agenda items; read-only once the meeting is finalised."""
    from storage.minutes.search import install_search_triggers  # its models load only here

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


def m035_create_minutes_settings(db: Database) -> None:
    """Village-wide minutes settings (the province's R8 rule, …) as synced key → JSON rows."""
    create_synced_table(db, "minutes_settings", "key TEXT NOT NULL, value TEXT NOT NULL")
    db.execute("CREATE INDEX idx_minutes_settings_key ON minutes_settings(key)")


def m036_create_convene_proposals(db: Database) -> None:
    """R10: signed proposals that oblige the committee to convene a meeting, and the meeting that answered."""
    create_synced_table(db, "convene_proposals", """
        body TEXT NOT NULL, received_on TEXT NOT NULL, subject TEXT NOT NULL, signatures INTEGER NOT NULL,
        base INTEGER NOT NULL, lead_signer TEXT NOT NULL DEFAULT '', due_date TEXT,
        meeting_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_convene_proposals_open ON convene_proposals(meeting_id, received_on)")


def m047_search_progress_before_follow_up(db: Database) -> None:
    """A bundle whose progress note came before its (later edited) follow-up failed to import: index it later."""
    from storage.minutes.search import install_search_triggers

    install_search_triggers(db)
