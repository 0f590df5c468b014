"""The village's list settings (榜单设置): one live row per installation in `list_settings`, audited and synced."""
from __future__ import annotations

import json

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.lists.entries import ListSettings, PeriodKind
from models.lists.settings import describe_change, make_list_settings
from storage.core.db import Database
from storage.core.store_base import SqliteStore


def read_list_settings(db: Database) -> ListSettings:
    """This village's settings, or the defaults of DOMAIN.md §9.4 when none were saved."""
    row = db.conn.execute("SELECT cycle, publicity_days, answer_days, stigmatising_words, name_black_list "
                          "FROM list_settings WHERE owner = ? AND deleted = 0", (db.node_id,)).fetchone()
    if row is None:
        return ListSettings()
    return ListSettings(PeriodKind(row[0]), row[1], row[2], tuple(json.loads(row[3])), bool(row[4]))


class SqliteListSettings(SqliteStore):
    """Implements models.lists.ports.ListSettingsStore: saved by an administrator and used at once by the stores
    that hold this one (the entries check nominations against `settings`)."""

    def __init__(self, db: Database, actor: Actor, settings: ListSettings | None = None) -> None:
        super().__init__(db, actor)
        self._given = settings  # settings a test or the demo imposes instead of the saved ones

    @property
    def settings(self) -> ListSettings:
        """As saved now (one row): a save in another session or a sync import shows at once."""
        return self._given if self._given is not None else read_list_settings(self._db)

    def save_settings(self, wanted: ListSettings) -> Changed:
        """Check against the legal bounds, write (audited with what changed), and use from now on."""
        self._require(Permission.EDIT_PROFILE)
        checked = make_list_settings(wanted.cycle, wanted.publicity_days, wanted.answer_days,
                                     wanted.stigmatising_words, wanted.name_black_list)
        before = read_list_settings(self._db)
        values = {"cycle": checked.cycle.value, "publicity_days": checked.publicity_days,
                  "answer_days": checked.answer_days, "name_black_list": int(checked.name_black_list),
                  "stigmatising_words": json.dumps(list(checked.stigmatising_words), ensure_ascii=False)}
        with self._db.atomic():
            row = self._db.conn.execute("SELECT id FROM list_settings WHERE owner = ? AND deleted = 0",
                                        (self._db.node_id,)).fetchone()
            if row is None:
                row_id = self._insert("list_settings", values, summary=describe_change(before, checked))["id"]
            else:
                row_id = row[0]
                self._update("list_settings", row_id, values)  # audited before → after, column by column
        if self._given is not None:
            self._given = checked
        return Changed.one(Entity.LIST_SETTINGS, row_id)
