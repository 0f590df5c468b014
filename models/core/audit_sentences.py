"""An audit entry in a clerk's words, for 最近的操作: 张成的出席记录改为龙英燕, 导入黎平县德化乡的同步包.

Only what is shown changes: the stored summary is hashed into the chain and keeps its column names and codes.
Row ids, keys, sort positions and bundle file names are left out; 0/1 flags become 是/否.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Callable, Mapping

from models.core.audit import AuditEntry, action_label, table_label
from models.core.audit_labels import FIELD_LABELS, value_label

Fields = dict[str, tuple[str | None, str]]  # column → (value before, or None when the entry has one value; value)

_FIELD = re.compile(r"(^|; )([a-z][a-z0-9_]*): ")
_ARROW = " → "
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_BUNDLE = re.compile(r"[，,]?\s*[A-Za-z0-9_.-]+\.xybundle")
_NODE = re.compile(r"\s?\b(?:T-[0-9a-f]{8}|V-\d+-[0-9a-f]{8})\b\s?")  # a township's or a village's node id
_REFERENCE = re.compile("\u27e6[^\u27e7]*(?:\u27e7|$)")  # ⟦article key⟧ in an article's text, maybe cut short
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
HIDDEN = frozenset({"position", "fingerprint", "sha256", "hlc", "seq", "name_pinyin", "name_initials",
                    "version_digest", "filing_hlc", "password_hash"})
FLAGS = frozenset({"active", "all_members", "away", "by_article", "chair", "deleted", "merged_first_stages",
                   "name_black_list", "passed", "representatives_may_vote", "subject_is_minor", "upheld",
                   "village_unit", "womens_representative", "public", "to_township", "attempted", "reopened"})
# Figures of the points area read with their sign or unit, so a 1 is never taken for a flag: 积分：+2，细则版本：第1版.
NUMBER_FORMATS = {"points": "{:+d}", "change": "{:+d}", "version": "第{}版", "scheme_version": "第{}版",
                  "quantity": "{}件", "price": "{}分", "cap": "{}分", "deduction_share": "{}%"}


def parse_summary(summary: str) -> Fields | None:
    """The `column: value` parts of a summary written by `summarize_change`; None for a free-text summary."""
    matches = list(_FIELD.finditer(summary))
    if not matches or matches[0].start() != 0:
        return None
    fields: Fields = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(summary)
        sides = summary[match.end():end].split(_ARROW)
        fields[match.group(2)] = (sides[0], _ARROW.join(sides[1:])) if len(sides) > 1 else (None, sides[0])
    return fields


def clerk_sentence(entry: AuditEntry, peer_names: Mapping[str, str] | None = None) -> str:
    """What happened, in plain Chinese; `peer_names` names the sync peers (node id → 黎平县德化乡)."""
    names = peer_names or {}
    fields = parse_summary(entry.summary)
    if fields is None:
        text = _free_text(entry.summary, names)
    else:
        template = _TEMPLATES.get((entry.table_name, entry.action)) or _TEMPLATES.get((entry.table_name, "*"))
        text = (template(fields) if template else "") or _plain(fields)
    return text or f"{action_label(entry.action)}了{table_label(entry.table_name)}"


def _free_text(summary: str, names: Mapping[str, str]) -> str:
    text = _BUNDLE.sub("", summary)

    def name(match: re.Match[str]) -> str:
        node = match.group(0).strip()
        return names.get(node) or ("乡镇" if node.startswith("T") else "村")

    return _NODE.sub(name, text)


def _shown(field: str, value: str | None) -> str:
    """One value as a clerk reads it: a label for a code, 是/否 for a flag, a local time for a timestamp."""
    if value is None:
        return ""
    if field == "username":
        return value.strip()  # a login name, even one that reads like a role code (admin)
    value = _REFERENCE.sub("第…条", value.strip())  # the number depends on the version, the summary has the key
    if field in FLAGS and value in ("0", "1"):
        return "是" if value == "1" else "否"
    if field in NUMBER_FORMATS and value.lstrip("-").isdigit():
        return NUMBER_FORMATS[field].format(int(value))
    if _TIMESTAMP.match(value):
        try:
            return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    return value_label(value, field)


def _hidden(field: str, before: str | None, after: str) -> bool:
    if field in HIDDEN or field.endswith(("_key", "_ids", "_id")):
        return True
    values = [v.strip() for v in (before, after) if v is not None]
    return all(v in ("", "[]") for v in values) or any(_UUID.search(v) for v in values)


def _plain(fields: Fields) -> str:
    """`标题：…；状态由“未启动”改为“推进中”` for the fields a reader needs."""
    if set(fields) == {"deleted"}:
        return "已删除" if fields["deleted"][1].strip() == "1" else "已恢复"
    parts = []
    for field, (before, after) in fields.items():
        if _hidden(field, before, after):
            continue
        label = FIELD_LABELS.get(field, field.replace("_", " "))
        if before is None:
            parts.append(f"{label}：{_shown(field, after)}")
        elif before.strip():
            parts.append(f"{label}由“{_shown(field, before)}”改为“{_shown(field, after)}”")
        else:
            parts.append(f"{label}填为“{_shown(field, after)}”")
    return "；".join(parts)


def _get(fields: Fields, field: str) -> str:
    return _shown(field, fields[field][1]) if field in fields else ""


def _attendee(fields: Fields) -> str:
    name, kind, post, reason = (_get(fields, f) for f in ("name", "kind", "post", "reason"))
    if "name" in fields and fields["name"][0] is not None:
        return f"{_shown('name', fields['name'][0])}的出席记录改为{name}"
    if "name" in fields:  # a new line of the attendance list
        return f"{name}{kind}" + (f"（{post}）" if post else "") + (f"，原因：{reason}" if reason else "")
    if "kind" in fields:
        return f"出席记录改为{kind}" + (f"（{reason}）" if reason else "")
    return ""


def _agenda_item(fields: Fields) -> str:
    title = _get(fields, "title")
    if not title or fields["title"][0] is not None:
        return ""
    votes = [(label, _get(fields, f"votes_{part}")) for label, part in (("赞成", "for"), ("反对", "against"),
                                                                         ("弃权", "abstain"))]
    tally = "、".join(f"{label} {count} 票" for label, count in votes if count)
    resolution = _get(fields, "resolution")
    return f"议题《{title}》" + (f"，{tally}" if tally else "") + (f"，决议：{resolution}" if resolution else "")


def _opinion(fields: Fields) -> str:
    if "number" not in fields or fields["number"][0] is not None:
        return ""
    where = "，".join(v for v in (_get(fields, "channel"), _get(fields, "on_date"), _get(fields, "article_label")) if v)
    return f"第 {_get(fields, 'number')} 号{_get(fields, 'kind')}：{_get(fields, 'name')}（{where}）：{_get(fields, 'text')}"


def _article(fields: Fields) -> str:
    if "text" in fields:
        before, after = fields["text"]
        return f"新增条款：{_shown('text', after)}" if before is None else f"条文改为：{_shown('text', after)}"
    if set(fields) <= {"chapter_key", "position"}:
        return "调整了条款的位置"
    return ""


def _stage(fields: Fields) -> str:
    if "stage" not in fields:
        return ""
    passed = {"是": "，通过", "否": "，未通过"}.get(_get(fields, "passed"), "")
    return f"{_get(fields, 'stage')}（{_get(fields, 'on_date')}）{passed}"


def _objection_answer(fields: Fields) -> str:
    answer = _get(fields, "answer")
    upheld = {"是": "异议成立", "否": "异议不成立"}.get(_get(fields, "upheld"), "")
    return f"答复异议：{answer}" + (f"（{upheld}）" if upheld and upheld not in answer else "")


def _follow_up(fields: Fields) -> str:
    if "title" not in fields or fields["title"][0] is not None:
        return ""
    owner, due = _get(fields, "owner_name"), _get(fields, "due_date")
    return (f"决议《{_get(fields, 'title')}》交办落实" + (f"，责任人：{owner}" if owner else "")
            + (f"，应于 {due} 前完成" if due else ""))


_TEMPLATES: dict[tuple[str, str], Callable[[Fields], str]] = {
    ("meeting_attendees", "*"): _attendee,
    ("agenda_items", "create"): _agenda_item,
    ("agenda_item_votes", "create"): lambda f: f"{_get(f, 'name')}表决：{_get(f, 'choice')}",
    ("agenda_item_speeches", "create"): lambda f: f"{_get(f, 'speaker')}发言：{_get(f, 'content')}",
    ("rule_articles", "*"): _article,
    ("workflow_opinions", "create"): _opinion,
    ("workflow_committee_members", "create"):
        lambda f: f"{_get(f, 'name')}加入执委会" + ("，任主持人" if _get(f, "chair") == "是" else ""),
    ("workflow_invitations", "create"):
        lambda f: f"向{_get(f, 'name')}（{_get(f, 'capacity')}）发出邀请函，请于 {_get(f, 'expires_on')} 前答复",
    ("four_two_stages", "create"): _stage,
    ("list_transitions", "create"):
        lambda f: f"从“{_get(f, 'from_state') or '新建'}”到“{_get(f, 'to_state')}”：{_get(f, 'note')}",
    ("board_versions", "create"): lambda f: f"公开栏 {_get(f, 'period')}：{_get(f, 'note')}",
    ("list_objections", "answer"): _objection_answer,
    ("follow_ups", "create"): _follow_up,
    ("users", "create"): lambda f: f"新建用户 {f['username'][1]}（{_get(f, 'role')}）" if "username" in f else "",
}
