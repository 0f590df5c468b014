"""SqliteChangeReasonStore: 修改理由, why each article of a version changed (the 修改对照表's last column)."""
from __future__ import annotations

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from storage.core.store_base import SqliteStore


class SqliteChangeReasonStore(SqliteStore):
    """Implements models.rules.ports.ChangeReasonStore over rule_change_reasons (synced and audited)."""

    def change_reasons(self, version_id: str) -> dict[str, str]:
        return dict(self._db.conn.execute("SELECT article_key, reason FROM rule_change_reasons "
                                          "WHERE version_id = ? AND deleted = 0", (version_id,)).fetchall())

    def set_change_reason(self, version_id: str, article_key: str, reason: str) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        version = self._db.conn.execute("SELECT rulebook_id FROM rule_versions WHERE id = ?",
                                        (version_id,)).fetchone()
        if version is None:
            raise NotFound("找不到这一版本，可能已被删除。请刷新后重试。")
        row = self._db.conn.execute("SELECT id FROM rule_change_reasons WHERE version_id = ? AND article_key = ?",
                                    (version_id, article_key)).fetchone()
        with self._db.atomic():
            if row is None:
                self._insert("rule_change_reasons", {"version_id": version_id, "article_key": article_key,
                                                     "reason": reason.strip()})
            else:
                self._update("rule_change_reasons", row[0], {"reason": reason.strip(), "deleted": 0})
        return Changed.one(Entity.RULEBOOK, version[0])
