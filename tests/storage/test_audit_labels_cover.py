"""Every column an audit summary can name has a Chinese label, so a new column cannot reach the clerk in English."""
from __future__ import annotations

from models.core.audit import TABLE_LABELS
from models.core.audit_labels import FIELD_LABELS
from storage.core.db import Database

_NOT_SUMMARISED = {"id", "owner", "hlc", "deleted", "created_at", "updated_at"}


def test_every_synced_column_has_a_chinese_label(db: Database) -> None:
    missing = []
    for (table,) in db.conn.execute("SELECT name FROM synced_tables ORDER BY name"):
        assert table in TABLE_LABELS, f"表 {table} 没有中文名"
        for column in (row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")):
            if column not in _NOT_SUMMARISED and not column.endswith("_id") and column not in FIELD_LABELS:
                missing.append(f"{table}.{column}")
    assert missing == []
