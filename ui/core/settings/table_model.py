"""Table models of the settings screen: user accounts and the audit trail."""
from __future__ import annotations

from datetime import datetime

from models.core.audit import action_label, table_label
from models.core.audit_labels import readable_summary
from models.core.ports import AccountStore, AuditReader
from ui.widgets.rows_model import RowsTableModel

USER_COLUMNS = (("用户名", lambda u: u.username), ("姓名", lambda u: u.display_name),
                ("角色", lambda u: u.role.label), ("状态", lambda u: "启用" if u.active else "已停用"))
AUDIT_COLUMNS = (("时间", lambda e: _local_time(e.at)), ("操作人", lambda e: e.actor_name),
                 ("操作", lambda e: action_label(e.action)), ("对象", lambda e: table_label(e.table_name)), ("内容", lambda e: readable_summary(e.summary)))


def user_table_model(store: AccountStore) -> RowsTableModel:
    return RowsTableModel(USER_COLUMNS, store.list_users)


def audit_table_model(reader: AuditReader) -> RowsTableModel:
    return RowsTableModel(AUDIT_COLUMNS, lambda: reader.recent(500))


def _local_time(iso_utc: str) -> str:
    return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
