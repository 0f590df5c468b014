"""Red/black list schema steps (红黑榜): entries, transitions, objections, consents, boards, evidence, settings.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table, install_change_triggers


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


def m061_create_list_transitions(db: Database) -> None:
    """Each dated step of a list entry: from, to, who, note (R28, R34)."""
    create_synced_table(db, "list_transitions", """
        entry_id TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, on_date TEXT NOT NULL,
        actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_list_transitions_entry ON list_transitions(entry_id)")


def m062_create_list_objections(db: Database) -> None:
    """Objections raised during publicity and their recorded answers (R28)."""
    create_synced_table(db, "list_objections", """
        entry_id TEXT NOT NULL, received_on TEXT NOT NULL, raised_by TEXT NOT NULL, content TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '', answered_on TEXT, upheld INTEGER""")
    db.execute("CREATE INDEX idx_list_objections_entry ON list_objections(entry_id)")


def m063_create_list_consents(db: Database) -> None:
    """Recorded separate consent or statutory basis for naming a household on a list (R31)."""
    create_synced_table(db, "list_consents", """
        household_id TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL, recorded_on TEXT NOT NULL,
        revoked_on TEXT, lists TEXT NOT NULL DEFAULT 'red,yellow,black'""")


def m064_create_volunteer_participations(db: Database) -> None:
    """Public-benefit work per household: activity, date, hours."""
    create_synced_table(db, "volunteer_participations", """
        household_id TEXT NOT NULL, activity TEXT NOT NULL, on_date TEXT NOT NULL, hours REAL NOT NULL""")


def m065_create_board_versions(db: Database) -> None:
    """Who created, approved, printed and removed each board version (R34)."""
    create_synced_table(db, "board_versions", """
        period TEXT NOT NULL, action TEXT NOT NULL, fingerprint TEXT NOT NULL DEFAULT '',
        entry_ids TEXT NOT NULL DEFAULT '[]', actor_id TEXT NOT NULL, actor_name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''""")


def m066_create_list_evidence(db: Database) -> None:
    """Evidence attachments of list entries (照片、扫描件); the files live in the blob store, like minutes' ones."""
    create_synced_table(db, "list_evidence", """
        entry_id TEXT NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL, size INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '', added_by TEXT NOT NULL DEFAULT ''""")
    db.execute("CREATE INDEX idx_list_evidence_entry_id ON list_evidence(entry_id)")


def m067_create_list_settings(db: Database) -> None:
    """The village's list settings (榜单设置), one live row per installation like the village profile."""
    create_synced_table(db, "list_settings", """
        cycle TEXT NOT NULL, publicity_days INTEGER NOT NULL, answer_days INTEGER NOT NULL,
        stigmatising_words TEXT NOT NULL, name_black_list INTEGER NOT NULL""")


def m068_list_consents_per_villager(db: Database) -> None:
    """R31 per person: a naming basis may be one villager's own; a household basis may cover all its members."""
    db.execute("ALTER TABLE list_consents ADD COLUMN villager_id TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE list_consents ADD COLUMN all_members INTEGER NOT NULL DEFAULT 0")
    install_change_triggers(db, "list_consents")


def m069_list_consents_withdrawal_reason(db: Database) -> None:
    """PIPL Art. 15: a withdrawn consent keeps why it was withdrawn beside `revoked_on`."""
    db.execute("ALTER TABLE list_consents ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT ''")
    install_change_triggers(db, "list_consents")
