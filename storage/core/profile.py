"""SqliteProfileStore: the village (or township) this installation belongs to."""
from __future__ import annotations

from models.core.accounts import Actor, Permission
from models.core.audit import summarize_change
from models.core.changes import Changed, Entity
from models.core.errors import NotFound
from models.core.village import Mode, VillageProfile
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.core.tracking import insert_synced, update_synced


class SqliteProfileStore(SqliteStore):
    """One live profile row, owned by this node and synced to the township."""

    def get(self) -> VillageProfile:
        return read_profile(self._db)

    def save(self, profile: VillageProfile) -> Changed:
        self._require(Permission.EDIT_PROFILE)
        with self._db.atomic():
            return write_profile(self._db, self._actor, profile)


def write_profile(db: Database, actor: Actor, profile: VillageProfile) -> Changed:
    """Insert or update this node's profile row, audited, without a permission check (the first set-up has
    none to check). Needs db.atomic()."""
    values = {"village": profile.village, "township": profile.township, "county": profile.county,
              "code": profile.code, "mode": profile.mode.value}
    row = db.conn.execute("SELECT id FROM village_profiles WHERE owner = ? AND deleted = 0",
                          (db.node_id,)).fetchone()
    if row is None:
        row_id = insert_synced(db, "village_profiles", values)["id"]
        append_audit(db, actor, "create", "village_profiles", row_id, summarize_change(None, values))
    else:
        row_id = row[0]
        before = update_synced(db, "village_profiles", row_id, values)
        append_audit(db, actor, "update", "village_profiles", row_id, summarize_change(before, values))
    return Changed.one(Entity.PROFILE, row_id)


def read_profile(db: Database) -> VillageProfile:
    row = db.conn.execute("SELECT village, township, county, code, mode FROM village_profiles "
                          "WHERE owner = ? AND deleted = 0", (db.node_id,)).fetchone()
    if row is None:
        raise NotFound("这个数据库还没有村庄信息。请先运行 init（或在图形界面中完成初次设置）。")
    return VillageProfile(row[0], row[1], row[2], row[3], Mode(row[4]))
