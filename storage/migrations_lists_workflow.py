"""Migrations of the red/black lists (m060–m068) and the nine-step workflow (m070–m073); append only."""
from __future__ import annotations

from storage.db import Database
from storage.migrations import migrations
from storage.tracking import create_synced_table, install_change_triggers


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
def m068_list_consents_per_villager(db: Database) -> None:
    """R31 per person: a naming basis may be one villager's own; a household basis may cover all its members."""
    db.execute("ALTER TABLE list_consents ADD COLUMN villager_id TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE list_consents ADD COLUMN all_members INTEGER NOT NULL DEFAULT 0")
    install_change_triggers(db, "list_consents")


@migrations
def m069_list_consents_withdrawal_reason(db: Database) -> None:
    """PIPL Art. 15: a withdrawn consent keeps why it was withdrawn beside `revoked_on`."""
    db.execute("ALTER TABLE list_consents ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "list_consents")


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
