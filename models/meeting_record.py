"""Finalising a record (定稿, R12/R16) and correcting it afterwards by dated amendments (补正)."""
from __future__ import annotations

import dataclasses
from datetime import date

from models.errors import DomainError
from models.meeting_checks import missing_for_final
from models.meeting_rules import Tally
from models.meeting_types import MeetingTypeSpec
from models.meetings import AgendaItem, Amendment, Meeting, MeetingStatus

# Fields an amendment may correct, with the label the record shows.
MEETING_FIELDS = {
    "start": "开始时间", "end": "结束时间", "place": "地点", "convener": "召集人", "host": "主持人",
    "host_post": "主持人职务", "recorder": "记录人", "expected": "应到人数", "present": "实到人数",
    "households_represented": "到会户数", "women_present": "到会妇女人数", "observers": "列席人员",
    "township_attendees": "乡镇参会人员", "motion_source": "动议来源", "summary": "会议小结",
}
ITEM_FIELDS = {
    "title": "议题", "proposer": "提议人", "background": "背景", "discussion": "讨论发言摘要",
    "resolution": "决议内容", "resolution_owner": "责任人", "for": "赞成票", "against": "反对票", "abstain": "弃权票",
}
_INT_FIELDS = {"expected", "present", "households_represented", "women_present", "for", "against", "abstain"}


def finalise(meeting: Meeting, spec: MeetingTypeSpec, host_confirmed: bool, recorder_confirmed: bool,
             by: str) -> Meeting:
    """Host and recorder confirm, every R12 field is present: the record becomes read-only."""
    if meeting.is_final:
        raise DomainError(f"记录 {meeting.number} 已经定稿。如需更正，请添加补正。")
    if not (host_confirmed and recorder_confirmed):
        raise DomainError("定稿须由主持人和记录人共同确认。请两人核对记录后再定稿。")
    missing = missing_for_final(meeting, spec)
    if missing:
        raise DomainError("记录还不能定稿，请先补全：" + "；".join(m.rstrip("。") for m in missing) + "。")
    return dataclasses.replace(meeting, status=MeetingStatus.FINAL, finalised_by=by)


def field_label(field_name: str) -> str:
    """`place` → 地点; `items.2.resolution` → 第 2 项议题·决议内容. Raises DomainError if unknown."""
    if field_name in MEETING_FIELDS:
        return MEETING_FIELDS[field_name]
    parts = field_name.split(".")
    if len(parts) == 3 and parts[0] == "items" and parts[1].isdigit() and parts[2] in ITEM_FIELDS:
        return f"第 {parts[1]} 项议题·{ITEM_FIELDS[parts[2]]}"
    raise DomainError(f"不能补正“{field_name}”这一项。可补正：{'、'.join(MEETING_FIELDS.values())}，以及各议题的内容和票数。")


def make_amendment(meeting: Meeting, field_name: str, after: str, reason: str, editor: str, on: date) -> Amendment:
    """A correction of a finalised record; the original text stays and the amendment is shown with it."""
    if not meeting.is_final:
        raise DomainError("草稿可以直接修改；补正只用于已定稿的记录。")
    label = field_label(field_name)
    if not reason.strip():
        raise DomainError(f"请填写补正“{label}”的理由。")
    if not editor.strip():
        raise DomainError("请填写补正人姓名。")
    if on < meeting.on:
        raise DomainError("补正日期不能早于会议日期。")
    if field_name.split(".")[-1] in _INT_FIELDS and not after.strip().isdigit():
        raise DomainError(f"“{label}”应填写不小于 0 的整数。")
    _check_item_index(meeting, field_name)
    before = _current_text(effective(meeting), field_name)
    if before == after.strip():
        raise DomainError(f"“{label}”的新内容与现有内容相同，无需补正。")
    return Amendment(on, editor.strip(), field_name, before, after.strip(), reason.strip())


def _check_item_index(meeting: Meeting, field_name: str) -> None:
    if field_name.startswith("items."):
        index = int(field_name.split(".")[1])
        if not 1 <= index <= len(meeting.items):
            raise DomainError(f"这份记录只有 {len(meeting.items)} 项议题，没有第 {index} 项。")


def _current_text(meeting: Meeting, field_name: str) -> str:
    if field_name.startswith("items."):
        _, index, name = field_name.split(".")
        item = meeting.items[int(index) - 1]
        if name in ("for", "against", "abstain"):
            tally = item.tally
            return "" if tally is None else str({"for": tally.for_, "against": tally.against,
                                                 "abstain": tally.abstain}[name])
        return str(getattr(item, name))
    value = getattr(meeting, field_name)
    return "" if value is None else str(value)


def effective(meeting: Meeting) -> Meeting:
    """The record as it reads with its amendments applied in date order (the original is kept)."""
    current = meeting
    for amendment in sorted(meeting.amendments, key=lambda a: a.on):
        current = _apply(current, amendment.field_name, amendment.after)
    return current


def _apply(meeting: Meeting, field_name: str, text: str) -> Meeting:
    if not field_name.startswith("items."):
        value: object = int(text) if field_name in _INT_FIELDS else text
        return dataclasses.replace(meeting, **{field_name: value})
    _, index, name = field_name.split(".")
    items = list(meeting.items)
    items[int(index) - 1] = _apply_item(items[int(index) - 1], name, text)
    return dataclasses.replace(meeting, items=tuple(items))


def _apply_item(item: AgendaItem, name: str, text: str) -> AgendaItem:
    if name not in ("for", "against", "abstain"):
        return dataclasses.replace(item, **{name: text})
    tally = item.tally or Tally(0, 0, 0)
    counts = {"for": tally.for_, "against": tally.against, "abstain": tally.abstain, name: int(text)}
    return dataclasses.replace(item, tally=Tally(counts["for"], counts["against"], counts["abstain"]))
