"""Columns of the matters list and of one matter's timeline."""
from __future__ import annotations

from datetime import date

from models.matters.records import Matter, MatterEvent
from models.matters.rules import is_overdue
from ui.widgets.rows_model import Column


def _due(matter: Matter) -> str:
    if matter.due is None:
        return ""
    return matter.due.isoformat() + ("（超期）" if is_overdue(matter, date.today()) else "")


MATTER_COLUMNS: tuple[Column, ...] = (
    ("编号", lambda m: m.number), ("日期", lambda m: m.raised_on.isoformat()), ("类别", lambda m: m.cls.label),
    ("状态", lambda m: m.status.label), ("交办对象", lambda m: m.assignee), ("期限", _due),
    ("公开", lambda m: "可公开" if m.public else "不公开"), ("内容", lambda m: m.text),
)
EVENT_COLUMNS: tuple[Column, ...] = (
    ("日期", lambda e: e.at.isoformat()), ("事件", lambda e: e.kind.label), ("经办人", lambda e: e.by),
    ("内容", lambda e: e.text),
)


def event_rows(events: list[MatterEvent]) -> list[MatterEvent]:
    return list(events)
