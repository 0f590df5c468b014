"""R18: the record-book template — which heading fields, in what order, under what headings, and who signs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.core.errors import DomainError

# key → (default heading, required by R12). The order is the default record book's (R12).
FIELD_CATALOGUE: dict[str, tuple[str, bool]] = {
    "when": ("会议时间", True), "place": ("会议地点", True), "convener": ("召集人", False),
    "host": ("主持人", True), "recorder": ("记录人", True), "attendance": ("到会情况", True),
    "absentees": ("缺席人员", True), "quorum": ("法定人数", True), "observers": ("列席人员", True),
    "township": ("乡镇参会人员", True), "motion_source": ("动议来源", True), "authorisation": ("授权依据", False),
    "notice": ("通知日期", False), "expected_basis": ("应到人数依据", False),
}
DEFAULT_KEYS = ("when", "place", "convener", "host", "recorder", "attendance", "absentees", "quorum", "observers",
                "township", "motion_source", "authorisation")
DEFAULT_SIGNATURES = ("主持人（签字）：", "记录人（签字）：")
MAX_HEADING = 16


@dataclass(frozen=True)
class TemplateField:
    """One heading row of the record book: which field, printed under which heading."""

    key: str
    heading: str

    @property
    def required(self) -> bool:
        return FIELD_CATALOGUE[self.key][1]


@dataclass(frozen=True)
class RecordTemplate:
    """记录本格式 — the heading rows in order and the signature lines; the default is R12's record book."""

    fields: tuple[TemplateField, ...]
    signatures: tuple[str, ...] = DEFAULT_SIGNATURES

    def to_json(self) -> dict[str, Any]:
        return {"fields": [{"key": f.key, "heading": f.heading} for f in self.fields],
                "signatures": list(self.signatures)}


def default_template() -> RecordTemplate:
    return RecordTemplate(tuple(TemplateField(key, FIELD_CATALOGUE[key][0]) for key in DEFAULT_KEYS))


def make_template(fields: list[tuple[str, str]], signatures: list[str]) -> RecordTemplate:
    """Validate a template: known fields, each once, every R12 field kept (it may be renamed or moved)."""
    problems: list[str] = []
    seen: list[str] = []
    for key, heading in fields:
        if key not in FIELD_CATALOGUE:
            problems.append(f"不认识的栏目“{key}”（可用：{'、'.join(FIELD_CATALOGUE)}）")
        elif key in seen:
            problems.append(f"栏目“{FIELD_CATALOGUE[key][0]}”出现了两次")
        if not heading.strip() or len(heading.strip()) > MAX_HEADING:
            problems.append(f"栏目“{key}”的标题应为 1–{MAX_HEADING} 个字")
        seen.append(key)
    missing = [FIELD_CATALOGUE[k][0] for k, (_, required) in FIELD_CATALOGUE.items() if required and k not in seen]
    if missing:
        problems.append(f"R12 规定的必备栏目不能删去：{'、'.join(missing)}（可以改标题或调整顺序）")
    labels = [s.strip() for s in signatures if s.strip()]
    if not any("主持" in s for s in labels) or not any("记录" in s for s in labels):
        problems.append("签字栏须有主持人和记录人（R12），例如“主持人（签字）：”“记录人（签字）：”")
    if problems:
        raise DomainError("记录本格式有误：\n" + "\n".join(f"  {p}" for p in problems))
    return RecordTemplate(tuple(TemplateField(k, h.strip()) for k, h in fields), tuple(labels))


def template_from_json(data: Any) -> RecordTemplate:
    """Read the stored or imported form ({"fields": [{"key", "heading"}], "signatures": [...]})."""
    if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
        raise DomainError("记录本格式应为 {\"fields\": [{\"key\": …, \"heading\": …}], \"signatures\": […]}。")
    fields = [(str(f.get("key", "")), str(f.get("heading", ""))) for f in data["fields"] if isinstance(f, dict)]
    if len(fields) != len(data["fields"]):
        raise DomainError("记录本格式的每个栏目应为 {\"key\": …, \"heading\": …}。")
    signatures = data.get("signatures", list(DEFAULT_SIGNATURES))
    if not isinstance(signatures, list):
        raise DomainError("记录本格式的“signatures”应为签字栏标题的列表。")
    return make_template(fields, [str(s) for s in signatures])
