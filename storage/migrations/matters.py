"""群众说事 schema steps: matters with their timeline, the officer's log and the project pool.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table, install_change_triggers


def m081_create_matters(db: Database) -> None:
    """Four synced tables: a matter travels to the township (assigned up or not), its events carry the
    township's reply back; numbers are per owning village and year."""
    create_synced_table(db, "matters", """
        year INTEGER NOT NULL, seq INTEGER NOT NULL, number TEXT NOT NULL, raised_on TEXT NOT NULL,
        channel TEXT NOT NULL, class TEXT NOT NULL, text TEXT NOT NULL, place TEXT NOT NULL DEFAULT '',
        urgency TEXT NOT NULL DEFAULT '一般', raiser_kind TEXT NOT NULL, raiser_ref TEXT NOT NULL DEFAULT '',
        raiser_name TEXT NOT NULL DEFAULT '', raiser_group TEXT NOT NULL DEFAULT '', raiser_via TEXT NOT NULL DEFAULT '',
        public INTEGER NOT NULL DEFAULT 1, public_basis TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open',
        assignee TEXT NOT NULL DEFAULT '', to_township INTEGER NOT NULL DEFAULT 0, deadline TEXT,
        result TEXT NOT NULL DEFAULT '', rating TEXT NOT NULL DEFAULT '', attempted INTEGER NOT NULL DEFAULT 0,
        reopened INTEGER NOT NULL DEFAULT 0, closed_on TEXT, close_reason TEXT NOT NULL DEFAULT '',
        meeting_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_matters_number ON matters(owner, year, seq)")
    db.execute("CREATE INDEX idx_matters_by_number ON matters(number)")
    db.execute("CREATE INDEX idx_matters_status ON matters(deleted, status, deadline)")
    db.execute("CREATE INDEX idx_matters_township ON matters(to_township, owner) WHERE to_township = 1")
    # Search over ≈ 100,000 matters at the township: an FTS5 trigram index over text and place (external
    # content, kept by triggers; an import INSERTs or UPDATEs, never REPLACEs, so the triggers see every change).
    db.execute("CREATE VIRTUAL TABLE matters_search USING fts5(text, place, content='matters', content_rowid='rowid', "
               "tokenize='trigram')")
    db.execute("CREATE TRIGGER trg_matters_search_insert AFTER INSERT ON matters BEGIN "
               "INSERT INTO matters_search(rowid, text, place) VALUES (NEW.rowid, NEW.text, NEW.place); END")
    db.execute("CREATE TRIGGER trg_matters_search_update AFTER UPDATE OF text, place ON matters BEGIN "
               "INSERT INTO matters_search(matters_search, rowid, text, place) "
               "VALUES ('delete', OLD.rowid, OLD.text, OLD.place); "
               "INSERT INTO matters_search(rowid, text, place) VALUES (NEW.rowid, NEW.text, NEW.place); END")
    db.execute("CREATE TRIGGER trg_matters_search_delete AFTER DELETE ON matters BEGIN "
               "INSERT INTO matters_search(matters_search, rowid, text, place) "
               "VALUES ('delete', OLD.rowid, OLD.text, OLD.place); END")
    create_synced_table(db, "matter_events", """
        matter_id TEXT NOT NULL, at TEXT NOT NULL, event TEXT NOT NULL, by_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_matter_events_matter ON matter_events(matter_id)")
    create_synced_table(db, "matter_officer_logs", """
        officer TEXT NOT NULL, on_date TEXT NOT NULL, text TEXT NOT NULL""")
    db.execute("CREATE INDEX idx_matter_officer_logs ON matter_officer_logs(officer, on_date)")
    create_synced_table(db, "matter_projects", """
        project_name TEXT NOT NULL, estimate INTEGER NOT NULL DEFAULT 0, funding TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT 'declared', meeting_id TEXT NOT NULL, item_number INTEGER NOT NULL,
        matter_id TEXT NOT NULL DEFAULT ''""")


def m084_matter_projects_four_two(db: Database) -> None:
    """A project names its 四议两公开 chain (minutes area's four_two_matters): 立项 and 实施 wait for its steps."""
    db.execute("ALTER TABLE matter_projects ADD COLUMN four_two_id TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "matter_projects")
