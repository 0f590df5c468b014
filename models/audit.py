"""The audit trail's pure parts: entry shape, hash chaining and change summaries."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any, Mapping

GENESIS_HASH = "0" * 64
# Columns whose values must never reach the audit trail in clear.
SECRET_COLUMNS = frozenset({"password_hash", "id_number"})
ACTION_LABELS = {"create": "新增", "update": "修改", "delete": "删除", "login": "登录", "login_failed": "登录失败",
                 "set_password": "设置密码", "restore": "从备份恢复"}


def action_label(action: str) -> str:
    """The Chinese name of an audit action code (unknown codes are shown as they are)."""
    return ACTION_LABELS.get(action, action)


@dataclass(frozen=True)
class AuditEntry:
    """审计记录 — who did what to which row, and a before → after summary."""

    seq: int
    id: str
    at: str
    actor_id: str
    actor_name: str
    action: str
    table_name: str
    row_id: str
    summary: str


def chain_hash(previous_hash: str, entry: AuditEntry) -> str:
    """SHA-256 over the previous hash and the entry's canonical JSON."""
    body = json.dumps(asdict(entry), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous_hash + "\n" + body).encode("utf-8")).hexdigest()


def summarize_change(before: Mapping[str, Any] | None, after: Mapping[str, Any],
                     ignore: frozenset[str] = frozenset({"hlc", "updated_at", "created_at"})) -> str:
    """`字段: 旧 → 新; …` for the columns that differ; secrets are named, never shown."""
    parts: list[str] = []
    for key, new in after.items():
        if key in ignore:
            continue
        old = None if before is None else before.get(key)
        if before is not None and old == new:
            continue
        if key in SECRET_COLUMNS:
            parts.append(f"{key}: （已更改，不显示）")
        elif before is None:
            parts.append(f"{key}: {_short(new)}")
        else:
            parts.append(f"{key}: {_short(old)} → {_short(new)}")
    return "; ".join(parts)


def _short(value: Any, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
