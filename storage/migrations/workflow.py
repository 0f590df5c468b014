"""Nine-step workflow schema steps (九步工作法): revisions, step records, settings, attachments.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table, install_change_triggers


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
        "workflow_reviews": "revision_id TEXT NOT NULL, version_id TEXT NOT NULL, version_number INTEGER NOT NULL, "
                            "on_date TEXT NOT NULL, reviewer TEXT NOT NULL, conclusion TEXT NOT NULL, "
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


def m071_workflow_retry_articles(db: Database) -> None:
    """Articles that failed the vote go back to step 6 alone: which ones, and the version they failed in."""
    db.execute("ALTER TABLE workflow_revisions ADD COLUMN retry_articles TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE workflow_revisions ADD COLUMN retry_from_version_id TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "workflow_revisions")


def m072_workflow_filing_township_decision(db: Database) -> None:
    """The township decision (退回修改) a filing has already acted on, so a returned filing reopens step 6 once."""
    db.execute("ALTER TABLE workflow_filings ADD COLUMN township_decision_id TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "workflow_filings")


def m073_create_workflow_attachments(db: Database) -> None:
    """Scans and photos kept with a step of a revision (signed sheets, notices, forms, receipts); files in blobs."""
    create_synced_table(db, "workflow_attachments", """
        revision_id TEXT NOT NULL, step INTEGER NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL,
        kind TEXT NOT NULL, size INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT '',
        opinion_id TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_workflow_attachments_revision_id ON workflow_attachments(revision_id)")
