"""Rules schema steps (村规民约): rulebooks, versions, articles, change reasons, the catalogue.

The order they run in is the ledger in `storage/migrations/__init__.py`; never rename or edit a shipped step."""
from __future__ import annotations

from storage.core.db import Database
from storage.core.tracking import create_synced_table, install_change_triggers


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


def m076_rule_versions_preamble_closing(db: Database) -> None:
    """Issue 18: a version keeps the preamble before its first article, the closing (落款, date) after its last,
    and whether it is verse (三字经: stanzas printed without numbers). Lists are JSON, as `chapters` is."""
    db.execute("ALTER TABLE rule_versions ADD COLUMN preamble TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE rule_versions ADD COLUMN closing TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE rule_versions ADD COLUMN verse INTEGER NOT NULL DEFAULT 0")
    install_change_triggers(db, "rule_versions")
