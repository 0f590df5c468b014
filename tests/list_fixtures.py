"""Minimal registry and rules rows for list tests, created only if the real tables are absent."""
from __future__ import annotations

from datetime import date

from models.accounts import Actor, Role
from storage.db import Database
from storage.list_sources import SqliteArticleCatalogue, SqliteHouseholdDirectory
from storage.lists import SqliteListStore

# (household id, number, group id, [(villager id, name, birth date, id number, phone, relation)])
HOUSEHOLDS = [
    ("h-1", "12", "g-3", [("p-1", "杨老三", "1962-04-09", "522631196204091234", "13908551234", "户主"),
                          ("p-2", "杨小宝", "2015-06-01", "522631201506015678", "", "孙子")]),
    ("h-2", "15", "g-3", [("p-3", "吴秀珍", "1970-02-11", "522631197002112345", "13885509876", "户主")]),
    ("h-3", "31", "g-5", [("p-4", "石国富", "1958-12-30", "52263119581230301X", "15085551111", "户主")]),
]
GROUPS = [("g-3", "三组"), ("g-5", "五组")]
ARTICLES = [("a-12", 12, "房前屋后不乱堆乱放，保持村容整洁。"), ("a-8", 8, "孝敬老人，邻里和睦。")]
CLERK = Actor("u-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("u-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("u-super", "石秀英", Role.SUPERVISOR)


def seed_registry(db: Database) -> None:
    """Create minimal households / villagers / village_groups / rules tables (if absent) and rows."""
    if not db.table_exists("households"):
        db.execute("CREATE TABLE households (id TEXT PRIMARY KEY, household_no TEXT, group_id TEXT, "
                   "deleted INTEGER NOT NULL DEFAULT 0)")
        db.execute("CREATE TABLE villagers (id TEXT PRIMARY KEY, household_id TEXT, name TEXT, gender TEXT, "
                   "birth_date TEXT, id_number TEXT, phone TEXT, status TEXT, relation TEXT, "
                   "deleted INTEGER NOT NULL DEFAULT 0)")
        db.execute("CREATE TABLE village_groups (id TEXT PRIMARY KEY, name TEXT, deleted INTEGER NOT NULL DEFAULT 0)")
    if not db.table_exists("rule_versions"):
        db.execute("CREATE TABLE rule_versions (id TEXT PRIMARY KEY, state TEXT, deleted INTEGER NOT NULL DEFAULT 0)")
        db.execute("CREATE TABLE rule_articles (id TEXT PRIMARY KEY, version_id TEXT, number INTEGER, text TEXT, "
                   "deleted INTEGER NOT NULL DEFAULT 0)")
    db.executemany("INSERT INTO village_groups(id, name) VALUES(?, ?)", GROUPS)
    for household_id, number, group, people in HOUSEHOLDS:
        db.execute("INSERT INTO households(id, household_no, group_id) VALUES(?, ?, ?)", (household_id, number, group))
        db.executemany("INSERT INTO villagers(id, household_id, name, gender, birth_date, id_number, phone, status, "
                       "relation) VALUES(?, ?, ?, '', ?, ?, ?, 'active', ?)",
                       [(p[0], household_id, *p[1:]) for p in people])
    db.execute("INSERT INTO rule_versions(id, state) VALUES('v-old', 'superseded'), ('v-2', 'in_force')")
    db.executemany("INSERT INTO rule_articles(id, version_id, number, text) VALUES(?, 'v-2', ?, ?)", ARTICLES)
    db.execute("INSERT INTO rule_articles(id, version_id, number, text) VALUES('a-old', 'v-old', 13, '旧条款')")


def store(db: Database, actor: Actor, today: date | None = None) -> SqliteListStore:
    return SqliteListStore(db, actor, SqliteHouseholdDirectory(db, today), SqliteArticleCatalogue(db))
