"""Finalising a record (定稿, R12/R16) and correcting it afterwards by dated amendments (补正)."""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, TypeVar

from models.core.errors import DomainError
from models.minutes.checks import item_vote_problems, missing_for_final
from models.minutes.quorum import Tally
from models.minutes.types import MeetingTypeSpec
from models.minutes.votes import PersonVote, Speech, VoteChoice, parse_speeches, speech_problems, speeches_text
from models.minutes.meetings import AgendaItem, Amendment, Meeting, MeetingStatus, with_counted_tally

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
    "speeches": "发言记录", "votes": "逐人表决",
}
# Speeches are corrected as “发言人：要点” lines, per-person votes as “姓名：赞成/反对/弃权/未投票” lines.
LIST_FIELDS = {"speeches", "votes"}
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


def check_draft_edit(current: Meeting, edited: Meeting) -> None:
    """A finalised record is corrected by amendments only; type and year fix the number, so they stay."""
    if current.is_final:
        raise DomainError(f"记录 {current.number} 已定稿，不能再修改。如需更正，请添加补正（注明日期和理由）。")
    if edited.on.year != current.on.year or edited.type_code != current.type_code:
        raise DomainError("会议类型和年份决定记录编号，保存后不能更改。如填错，请另建一份记录。")


def field_label(field_name: str) -> str:
    """`place` → 地点; `items.2.resolution` → 第 2 项议题·决议内容. Raises DomainError if unknown."""
    if field_name in MEETING_FIELDS:
        return MEETING_FIELDS[field_name]
    parts = field_name.split(".")
    if len(parts) == 3 and parts[0] == "items" and parts[1].isdigit() and parts[2] in ITEM_FIELDS:
        return f"第 {parts[1]} 项议题·{ITEM_FIELDS[parts[2]]}"
    raise DomainError(f"不能补正“{field_name}”这一项。可补正：{'、'.join(MEETING_FIELDS.values())}，以及各议题的内容、票数、发言记录和逐人表决。")


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
    current = effective(meeting)
    before, after = current_text(current, field_name), _normalised(field_name, after)
    if before == after:
        raise DomainError(f"“{label}”的新内容与现有内容相同，无需补正。")
    _check_corrected(_apply(current, field_name, after), field_name, label)
    return Amendment(on, editor.strip(), field_name, before, after, reason.strip())


def _normalised(field_name: str, after: str) -> str:
    """Speeches and votes in their one-line-each form (so the 补正 reads “before → after” line by line)."""
    name = field_name.split(".")[-1]
    if name == "speeches":
        return speeches_text(parse_speeches(after))
    if name == "votes":
        return votes_text(parse_votes(after))
    return after.strip()


def _check_corrected(corrected: Meeting, field_name: str, label: str) -> None:
    """The checks a record passes when finalised are run again on the corrected record (R12)."""
    indexes = ([int(field_name.split(".")[1]) - 1] if field_name.startswith("items.")
               else range(len(corrected.items)) if field_name == "present" else [])
    problems: list[str] = []
    for index in indexes:
        item = corrected.items[index]
        problems += [f"第 {index + 1} 项议题：{p.rstrip('。')}"
                     for p in speech_problems(item.speeches) + item_vote_problems(corrected, item)]
    if problems:
        raise DomainError(f"补正“{label}”后记录不一致，未补正：" + "；".join(problems) + "。")


def parse_votes(text: str) -> tuple[PersonVote, ...]:
    """Per-person votes typed one per line as “姓名：赞成” (反对、弃权、未投票); refused naming the bad line."""
    votes: list[PersonVote] = []
    for number, line in enumerate((ln.strip() for ln in text.splitlines() if ln.strip()), start=1):
        name, sep, choice_text = line.replace(":", "：", 1).partition("：")
        choice = VoteChoice.parse(choice_text.strip())
        if not sep or not name.strip() or choice is None:
            raise DomainError(f"逐人表决第 {number} 行“{line}”应写成“姓名：赞成”（或反对、弃权、未投票）。")
        votes.append(PersonVote(name.strip(), choice))
    return tuple(votes)


def votes_text(votes: tuple[PersonVote, ...]) -> str:
    """The inverse of `parse_votes`: one “姓名：表决意见” line per person."""
    return "\n".join(f"{v.name}：{v.choice.label}" for v in votes)


def one_line(text: str) -> str:
    """An amendment's before/after on one line (speeches and votes are one line each: joined by “；”)."""
    return "；".join(line for line in text.splitlines() if line.strip())


def _check_item_index(meeting: Meeting, field_name: str) -> None:
    if field_name.startswith("items."):
        index = int(field_name.split(".")[1])
        if not 1 <= index <= len(meeting.items):
            raise DomainError(f"这份记录只有 {len(meeting.items)} 项议题，没有第 {index} 项。")


def current_text(meeting: Meeting, field_name: str) -> str:
    """The text of one correctable field as the record now reads (speeches and votes one line each)."""
    if field_name.startswith("items."):
        _, index, name = field_name.split(".")
        item = meeting.items[int(index) - 1]
        if name == "speeches":
            return speeches_text(item.speeches)
        if name == "votes":
            return votes_text(item.votes)
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
        # Any: the field is chosen by name at run time, so mypy cannot match it to one of Meeting's field types.
        change: dict[str, Any] = {field_name: int(text) if field_name in _INT_FIELDS else text}
        return dataclasses.replace(meeting, **change)
    _, index, name = field_name.split(".")
    items = list(meeting.items)
    items[int(index) - 1] = _apply_item(items[int(index) - 1], name, text)
    return dataclasses.replace(meeting, items=tuple(items))


def _apply_item(item: AgendaItem, name: str, text: str) -> AgendaItem:
    if name == "speeches":
        return dataclasses.replace(item, speeches=_keep_ids(parse_speeches(text), item.speeches))
    if name == "votes":
        return with_counted_tally(dataclasses.replace(item, votes=_keep_ids(parse_votes(text), item.votes)))
    if name not in ("for", "against", "abstain"):
        text_field: dict[str, Any] = {name: text}  # a str field chosen by name (see _apply)
        return dataclasses.replace(item, **text_field)
    tally = item.tally or Tally(0, 0, 0)
    counts = {"for": tally.for_, "against": tally.against, "abstain": tally.abstain, name: int(text)}
    return dataclasses.replace(item, tally=Tally(counts["for"], counts["against"], counts["abstain"]))


_Line = TypeVar("_Line", Speech, PersonVote)


def _keep_ids(corrected: tuple[_Line, ...], original: tuple[_Line, ...]) -> tuple[_Line, ...]:
    """A corrected speech or vote keeps the registry id of the original line of the same name (in order)."""
    pool = [(getattr(o, "speaker", None) or getattr(o, "name", ""), o.villager_id) for o in original]
    kept = []
    for entry in corrected:
        name = getattr(entry, "speaker", None) or getattr(entry, "name", "")
        found = next((p for p in pool if p[0] == name), None)
        if found is not None:
            pool.remove(found)
            entry = dataclasses.replace(entry, villager_id=found[1])
        kept.append(entry)
    return tuple(kept)
