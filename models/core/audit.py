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
                 "set_password": "设置密码", "restore": "从备份恢复", "sync_export": "导出同步包",
                 "sync_import": "导入同步包", "sync_hold": "暂存同步包", "sync_discard": "丢弃暂存的同步包",
                 "sync_release": "放行隔离记录", "sync_quarantine_discard": "丢弃隔离记录",
                 "withdraw_consent": "撤回同意", "import": "导入", "adopt": "施行", "finalise": "定稿",
                 "answer": "答复", "workflow": "推进步骤", "nominated": "提名", "assessed": "评议",
                 "reviewed": "审核", "publicity": "公示", "published": "发布", "withdrawn": "撤榜",
                 "refused": "不通过", "sync_revoke": "吊销密钥", "view_sensitive": "查看敏感信息",
                 "review": "评议", "confirm": "确认", "publicize": "公示", "reverse": "冲正", "undo": "撤销",
                 "withdraw": "撤销", "sign_off": "签字确认"}


TABLE_LABELS = {
    "users": "用户", "node": "本机", "village_profiles": "村庄信息", "village_groups": "村民小组", "grids": "网格",
    "households": "户", "villagers": "村民", "villager_roles": "身份", "rulebooks": "村规民约",
    "rule_versions": "村规版本", "rule_articles": "条款", "rule_change_reasons": "修改理由",
    "rule_catalogue_articles": "条款库", "meeting_types": "会议类型", "meetings": "会议记录",
    "meeting_attendees": "到会人员", "agenda_items": "议题", "meeting_amendments": "补正", "follow_ups": "决议落实",
    "follow_up_events": "落实进展", "four_two_matters": "四议两公开事项", "four_two_stages": "四议两公开环节",
    "workflow_revisions": "九步工作法", "workflow_step_states": "步骤", "workflow_timetable": "时间表",
    "workflow_invitations": "邀请函", "workflow_committee_members": "执委会成员", "workflow_checks": "联审",
    "workflow_teams": "执委会小组", "workflow_shifts": "排班", "workflow_opinions": "意见",
    "workflow_replies": "意见答复", "workflow_revision_links": "修改依据", "workflow_publicity": "公示",
    "workflow_reviews": "合法性审查", "workflow_votes": "表决", "workflow_signatures": "签字",
    "workflow_filings": "备案", "list_entries": "红黑榜", "sync_bundles": "同步包",
    "list_transitions": "榜单状态", "list_objections": "异议", "list_consents": "公开姓名依据",
    "volunteer_participations": "志愿服务", "board_versions": "公开栏版本", "meeting_attachments": "会议附件", "list_evidence": "榜单证据", "list_settings": "榜单设置",
    "sync_bundles_sent": "导出的同步包", "sync_bundles_received": "导入的同步包", "sync_held_bundles": "暂存的同步包",
    "township_reviews": "乡镇审查意见", "township_filing_decisions": "乡镇备案决定", "sync_peers": "同步对象",
    "workflow_attachments": "步骤附件", "attachments": "附件", "agenda_item_speeches": "发言", "agenda_item_votes": "逐人表决",
    "convene_proposals": "提议召集", "minutes_settings": "会议记录设置", "printed_copies": "打印登记",
    "sync_quarantine": "隔离记录", "sync_peer_audit": "对方的操作记录", "sync_revoked_keys": "吊销的密钥",
    "grid_assignments": "网格归属", "grid_member_terms": "网格员任期", "care_contacts": "联户人", "care_levels": "关怀等级", "care_visits": "走访记录",
    "care_settings": "关怀设置",
    "points_schemes": "积分细则", "points_items": "积分项目", "points_entries": "积分记录",
    "points_goods": "爱心超市商品", "points_stock_moves": "商品出入库", "points_redemptions": "积分兑换",
    "points_publications": "积分公示", "points_objections": "积分异议", "points_settings": "积分设置",
    "points_applications": "积分换项目申请", "points_application_reviews": "积分换项目审核",
    "matters": "群众说事", "matter_events": "说事办理记录", "matter_officer_logs": "信息员工作日志", "matter_projects": "项目库",
    "disclosure_publications": "三务公开记录", "disclosure_objections": "公开异议", "disclosure_settings": "三务公开设置",
    "disclosure_finance_lines": "财务公开明细", "disclosure_events": "应公开事件", "star_lists": "星目", "star_awards": "十星级文明户评定",
    "star_candidacies": "十星级文明户申报", "star_objections": "星级公示异议",
}


def table_label(table: str) -> str:
    """The Chinese name of a table for the audit view (unknown tables are shown as they are)."""
    return TABLE_LABELS.get(table, table)


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


_TEXT_FIELDS = ("id", "at", "actor_id", "actor_name", "action", "table_name", "row_id", "summary")


def as_text(value: Any) -> str:
    """A value as the audit log's TEXT columns hold it, decided here rather than by SQLite's affinity.

    Idempotent (text stays as it is), so an entry hashes the same before and after it is stored (issue 16, item 3).
    """
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10 ** 4000 else hex(value)  # str() refuses past 4,300 digits
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def canonical_entry(entry: AuditEntry) -> AuditEntry:
    """The entry by the audit_log schema: seq an integer, every other field text."""
    if not isinstance(entry.seq, int) or isinstance(entry.seq, bool):
        raise TypeError(f"audit seq must be an integer, not {type(entry.seq).__name__}")
    return AuditEntry(entry.seq, *(as_text(getattr(entry, name)) for name in _TEXT_FIELDS))


def chain_hash(previous_hash: str, entry: AuditEntry) -> str:
    """SHA-256 over the previous hash and the canonical entry's JSON."""
    body = json.dumps(asdict(canonical_entry(entry)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous_hash + "\n" + body).encode("utf-8")).hexdigest()


def summarize_change(before: Mapping[str, Any] | None, after: Mapping[str, Any],
                     ignore: frozenset[str] = frozenset({"hlc", "updated_at", "created_at"})) -> str:
    """`字段: 旧 → 新; …` for the columns that differ; secrets are named, never shown."""
    parts: list[str] = []
    for key, new in after.items():
        if key in ignore or (key.endswith("_id") and key not in SECRET_COLUMNS):
            continue  # references to other rows are the row ids of the entry, not news for a reader
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
