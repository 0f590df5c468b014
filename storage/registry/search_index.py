"""The registry's search index: one row of searchable text per villager and per household, kept current by triggers.

`registry_search_documents` holds the text (name, phone, ID number, household number, and the pinyin keys);
`registry_search` is an FTS5 trigram index over the first four (substrings of three characters and more),
`registry_pinyin` an FTS5 word index with prefix tables over the pinyin keys, initials and full pinyin apart (each
variant one word, so `initials : wj*` finds every name whose initials start with wj), and `registry_search_terms`
the trigram vocabulary (a one- or two-character term is looked up as the trigrams it begins). Rebuilding `villagers` or `households` (a schema step that changes a column) drops their
triggers: call `install_registry_search_triggers` again after it.
"""
from __future__ import annotations

from storage.core.db import Database

DOCUMENTS = "registry_search_documents"
PENDING = "registry_search_pending"
_PAD = " || '  '"
# What each source table contributes: (kind, household id, name, phone, ID number, household number, initials,
# full pinyin).
_SOURCES = {
    "villagers": ("villager", "NEW.household_id", "NEW.name" + _PAD, "NEW.phone" + _PAD, "NEW.id_number" + _PAD,
                  "''", "NEW.name_initials", "NEW.name_pinyin"),
    "households": ("household", "NEW.id", "''", "NEW.phone" + _PAD, "''", "NEW.household_no" + _PAD, "''", "''"),
}
_WATCHED = {"villagers": "household_id, name, phone, id_number, name_pinyin, name_initials, deleted",
            "households": "household_no, phone, deleted"}


def create_registry_search(db: Database) -> None:
    """The tables of the index, its triggers, and the index filled from the registry as it is."""
    db.execute(f"""CREATE TABLE {DOCUMENTS} (
        rowid INTEGER PRIMARY KEY, ref_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, household_id TEXT NOT NULL,
        name TEXT NOT NULL, phone TEXT NOT NULL, id_number TEXT NOT NULL, household_no TEXT NOT NULL,
        initials TEXT NOT NULL, pinyin TEXT NOT NULL)""")
    db.execute(f"""CREATE VIRTUAL TABLE registry_search USING fts5(name, phone, id_number, household_no,
        content='{DOCUMENTS}', content_rowid='rowid', tokenize='trigram')""")
    db.execute(f"""CREATE VIRTUAL TABLE registry_pinyin USING fts5(initials, pinyin, content='{DOCUMENTS}',
        content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')""")
    db.execute("CREATE VIRTUAL TABLE registry_search_terms USING fts5vocab(registry_search, 'row')")
    db.execute(f"CREATE TABLE {PENDING} (ref_id TEXT PRIMARY KEY, kind TEXT NOT NULL) WITHOUT ROWID")
    install_registry_search_triggers(db)
    rebuild_registry_search(db)


def install_registry_search_triggers(db: Database) -> None:
    """(Re)create every trigger that keeps the index current."""
    for event in ("insert", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS trg_{DOCUMENTS}_{event}")
    db.execute(f"""CREATE TRIGGER trg_{DOCUMENTS}_insert AFTER INSERT ON {DOCUMENTS} BEGIN
        INSERT INTO registry_search(rowid, name, phone, id_number, household_no)
        VALUES (NEW.rowid, NEW.name, NEW.phone, NEW.id_number, NEW.household_no);
        INSERT INTO registry_pinyin(rowid, initials, pinyin) VALUES (NEW.rowid, NEW.initials, NEW.pinyin); END""")
    db.execute(f"""CREATE TRIGGER trg_{DOCUMENTS}_delete AFTER DELETE ON {DOCUMENTS} BEGIN
        INSERT INTO registry_search(registry_search, rowid, name, phone, id_number, household_no)
        VALUES ('delete', OLD.rowid, OLD.name, OLD.phone, OLD.id_number, OLD.household_no);
        INSERT INTO registry_pinyin(registry_pinyin, rowid, initials, pinyin)
        VALUES ('delete', OLD.rowid, OLD.initials, OLD.pinyin); END""")
    for table, (kind, *_) in _SOURCES.items():
        for event, when, row in (("insert", "INSERT", "NEW"), ("update", f"UPDATE OF {_WATCHED[table]}", "NEW"),
                                 ("delete", "DELETE", "OLD")):
            trigger = f"trg_{table}_registry_search_{event}"
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            db.execute(f"""CREATE TRIGGER {trigger} AFTER {when} ON {table} BEGIN
                INSERT OR IGNORE INTO {PENDING}(ref_id, kind) VALUES ({row}.id, '{kind}'); END""")


def refresh_registry_search(db: Database) -> None:
    """Index the rows written since the last search, all in one statement per table."""
    if db.conn.execute(f"SELECT 1 FROM {PENDING} LIMIT 1").fetchone() is None:
        return
    with db.atomic():
        db.execute(f"DELETE FROM {DOCUMENTS} WHERE ref_id IN (SELECT ref_id FROM {PENDING})")
        for table, (kind, household, *texts) in _SOURCES.items():
            db.execute(_fill(table, kind, household, texts) +
                       f" AND id IN (SELECT ref_id FROM {PENDING} WHERE kind = '{kind}')")
        db.execute(f"DELETE FROM {PENDING}")


def _fill(table: str, kind: str, household: str, texts: list[str]) -> str:
    """INSERT … SELECT of the documents of `table`'s rows not withdrawn (narrowed by the caller's AND)."""
    values = ", ".join(texts).replace("NEW.", "")
    return (f"INSERT INTO {DOCUMENTS}(ref_id, kind, household_id, name, phone, id_number, household_no, initials, "
            f"pinyin) SELECT id, '{kind}', {household.replace('NEW.', '')}, {values} FROM {table} WHERE deleted = 0")


def rebuild_registry_search(db: Database) -> None:
    """Refill the index from the registry (after a repair, or when it is first made)."""
    db.execute(f"DELETE FROM {DOCUMENTS}")
    for table, (kind, household, *texts) in _SOURCES.items():
        db.execute(_fill(table, kind, household, texts))
    db.execute(f"DELETE FROM {PENDING}")
