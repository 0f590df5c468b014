"""The rules of a matter's life (R48, R49): privacy at intake, which transition is allowed, overdue, numbers."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from models.core.accounts import User
from models.core.errors import DomainError
from models.matters.records import (Assignee, Matter, MatterClass, MatterStatus, Project, ProjectStage, Raiser,
                                    Rating)
from models.minutes.four_two import FourTwoMatter, FourTwoStage
from models.minutes.types import MeetingTypeSpec
from models.minutes.meetings import AgendaItem, Meeting, MeetingStatus, evaluate
from models.minutes.record import effective

MATTER_WORD = "说"


def matter_number(year: int, seq: int) -> str:
    """Numbers by year: 2026-说-001."""
    return f"{year}-{MATTER_WORD}-{seq:03d}"


def intake(matter: Matter, public: bool | None = None, basis: str = "", today: date | None = None) -> Matter:
    """The matter as it is recorded. R49: a dispute, or a matter naming a villager or household, is not public
    unless asked for with a recorded basis; a text is required, and it was raised by `today` at the latest."""
    if not matter.text.strip():
        raise DomainError("请写明说事内容。")
    if today is not None and matter.raised_on > today:
        raise DomainError(f"说事日期 {matter.raised_on.isoformat()} 晚于今天，请写明村民说事的那一天。")
    private_by_default = matter.cls is MatterClass.DISPUTE or matter.raiser.named
    if public and not basis.strip() and private_by_default:
        raise DomainError("矛盾纠纷或点名村民、农户的事项，公开须写明依据（--basis）。")
    shown = (not private_by_default) if public is None else public
    return replace(matter, text=matter.text.strip(), public=shown, public_basis=basis.strip() if shown else "")


def due_date(cls: MatterClass, assigned_on: date, due: date | None = None) -> date:
    """The due date: the one given, else the class's default from the day of 交办."""
    if due is not None and due < assigned_on:
        raise DomainError(f"办理期限 {due} 早于交办日期 {assigned_on}。")
    return due or assigned_on + timedelta(days=cls.default_days)


def is_overdue(matter: Matter, today: date) -> bool:
    """Overdue from the day after the due date while not yet dealt with (the due day itself is in time)."""
    return matter.status in (MatterStatus.OPEN, MatterStatus.ASSIGNED) and matter.due is not None \
        and today > matter.due


# What can be done with a matter in each state: every refused step says it (the refusal tells what to do instead).
_NEXT = {MatterStatus.OPEN: "它还没有交办，请先交办。",
         MatterStatus.ASSIGNED: "它正在办理中，办好后请办结并写明结果。",
         MatterStatus.DONE: "它已办结，请回访说事人（或记录联系未果）后销号；回访不满意可重新办理一次。",
         MatterStatus.CLOSED: "它已销号；如问题仍未解决，请重新办理（限一次），或登记一件新的说事。"}


def _refuse(matter: Matter, what: str) -> DomainError:
    return DomainError(f"{matter.number}：{matter.status.label}的事项不能{what}。{_NEXT[matter.status]}")


def check_day(matter: Matter, on: date) -> None:
    """No step of a matter is dated before it was raised (the timeline reads in order)."""
    if on < matter.raised_on:
        raise DomainError(f"{matter.number}：日期 {on.isoformat()} 早于说事日期 {matter.raised_on.isoformat()}，"
                          "请写明实际办理的日期。")


def check_assign(matter: Matter, to: str) -> None:
    if matter.status not in (MatterStatus.OPEN, MatterStatus.ASSIGNED):
        raise _refuse(matter, "交办")
    if not to.strip():
        raise DomainError("请写明交办给谁。")


def assignee_label(text: str, choices: list[Assignee]) -> str:
    """What 交办 records for `text`: the choice it names (by label, else by a person's or body's name, the first in
    the directory's order: cadres before grids), else the text itself (free text stays allowed)."""
    key = text.strip()
    found = next((c for c in choices if c.label == key), None) or next((c for c in choices if c.name == key), None)
    return found.label if found else key


def check_note(matter: Matter, text: str) -> None:
    if matter.status is MatterStatus.CLOSED:
        raise _refuse(matter, "再记进展")
    if not text.strip():
        raise DomainError("请写明进展内容。")


def check_done(matter: Matter, result: str) -> None:
    if matter.status is not MatterStatus.ASSIGNED:
        raise _refuse(matter, "办结（须先交办）" if matter.status is MatterStatus.OPEN else "办结")
    if not result.strip():
        raise DomainError("请写明办理结果。")


def check_feedback(matter: Matter) -> None:
    if matter.status is not MatterStatus.DONE:
        raise _refuse(matter, "回访（办结后才回访）")


def check_close(matter: Matter, reason: str = "") -> None:
    """R48: 销号 only after the raiser's feedback or a recorded attempt; an unsatisfied one needs the reason it
    cannot be met (or it is reopened instead)."""
    if matter.status is not MatterStatus.DONE:
        raise _refuse(matter, "销号")
    if matter.rating is None and not matter.attempted:
        raise DomainError(f"{matter.number}：还没有说事人的回访评价，也没有记录联系未果，不能销号。")
    if matter.rating is Rating.UNSATISFIED and not reason.strip():
        raise DomainError(f"{matter.number}：说事人不满意。请重新办理（reopen），或写明不能满足的理由（--reason）后销号。")


def check_reopen(matter: Matter, reason: str) -> None:
    """An unsatisfied matter reopens once, with a reason."""
    if matter.status not in (MatterStatus.DONE, MatterStatus.CLOSED):
        raise _refuse(matter, "重新办理")
    if matter.reopened:
        raise DomainError(f"{matter.number}：已经重新办理过一次，不能再次重新办理。")
    # Unsatisfied, or never reached (回访未果) and since heard from: a satisfied raiser's matter is not reopened.
    if matter.rating is not Rating.UNSATISFIED and not (matter.rating is None and matter.attempted):
        said = f"说事人的评价是“{matter.rating.label}”" if matter.rating else "还没有回访说事人"
        raise DomainError(f"{matter.number}：{said}。只有说事人不满意（或回访未果后又反映）的事项才重新办理；"
                          f"请先回访（matter feedback {matter.number} --rating 不满意）。")
    if not reason.strip():
        raise DomainError("请写明重新办理的理由。")


def check_to_meeting(matter: Matter) -> None:
    if matter.status is MatterStatus.CLOSED:
        raise _refuse(matter, "提交议事")
    if matter.meeting_id:
        raise DomainError(f"{matter.number}：已经提交到一次会议。")


def agenda_background(matter: Matter) -> str:
    """How 提交议事 introduces the matter in its agenda item; the resolution is found again by it."""
    return f"群众说事 {matter.number}：{matter.text}"


def agenda_item_of(matter: Matter, meeting: Meeting) -> AgendaItem | None:
    """The agenda item 提交议事 added to `meeting` for the matter (found by its background), if it is still there."""
    return next((i for i in meeting.items if i.background.startswith(f"群众说事 {matter.number}：")), None)


def check_withdraw(matter: Matter, meeting: Meeting) -> AgendaItem | None:
    """撤销 提交议事: only while the meeting is a draft and its item is as 提交议事 wrote it (no discussion, vote or
    resolution recorded on it yet); the item to take out (None: it was already removed in the minutes' editor)."""
    if meeting.status is not MeetingStatus.DRAFT:
        raise DomainError(f"会议 {meeting.number} 已定稿，{matter.number} 的议题已是会议记录的一部分，不能撤销提交议事。")
    item = agenda_item_of(matter, meeting)
    if item is not None and item != AgendaItem(item.title, item.id, item.proposer, item.background):
        raise DomainError(f"会议 {meeting.number} 已为 {matter.number} 的议题记下讨论、表决或决议，不能撤销提交议事。"
                          "如要去掉这项议题，请在“会议记录”中删除它。")
    return item


def check_resolution(matter: Matter) -> None:
    """按决议交办 feeds an open or assigned matter that went to a meeting."""
    if matter.status not in (MatterStatus.OPEN, MatterStatus.ASSIGNED):
        raise _refuse(matter, "按决议交办")
    if not matter.meeting_id:
        raise DomainError(f"{matter.number} 没有提交过议事。请先提交议事，会议定稿后再按决议交办。")


def resolution_for(matter: Matter, meeting: Meeting) -> AgendaItem:
    """The passed resolution of the matter's agenda item, which feeds it (交办 to the resolution's owner)."""
    check_resolution(matter)
    if meeting.status is not MeetingStatus.FINAL:
        raise DomainError(f"会议 {meeting.number} 尚未定稿，决议还不能用来办理 {matter.number}。请在会议记录定稿后再按决议交办。")
    item = agenda_item_of(matter, meeting)
    if item is None or not item.resolution.strip():
        raise DomainError(f"会议 {meeting.number} 没有就 {matter.number} 形成决议。")
    return item


def next_stage(stage: ProjectStage) -> ProjectStage:
    order = list(ProjectStage)
    if stage is order[-1]:
        raise DomainError("项目已经验收，没有下一阶段。")
    return order[order.index(stage) + 1]


# 四议两公开 before a project moves on: 立项 rests on the villagers' (representatives') resolution (step 4), work
# starts only once that resolution is made public (决议公开, step 5); the result disclosure follows 验收.
CHAIN_GATES = {ProjectStage.APPROVED: FourTwoStage.DECIDE, ProjectStage.BUILDING: FourTwoStage.DISCLOSE_DECISION}


def chain_refusal(project_name: str, to: ProjectStage, chain: FourTwoMatter | None) -> str | None:
    """Why the project cannot move to `to` on its 四议两公开 chain (None: it can)."""
    needed = CHAIN_GATES.get(to)
    if needed is None:
        return None
    if chain is None:
        return f"项目“{project_name}”没有关联四议两公开事项，不能{to.label}。请先用 project add --four-two 关联。"
    record = chain.record_of(needed)
    if record is None:
        return (f"项目“{project_name}”的四议两公开事项“{chain.title}”还没有登记“{needed.label}”（第 {needed.position} 步），"
                f"不能{to.label}。")
    if needed is FourTwoStage.DECIDE and record.passed is False:
        return f"四议两公开事项“{chain.title}”的决议未获通过，项目“{project_name}”不能{to.label}。"
    return None


def check_project(name: str, estimate: int) -> None:
    if not name.strip():
        raise DomainError("请写明项目名称。")
    if estimate < 0:
        raise DomainError("估算金额不能为负数。")


def short_ids(ids: list[str], least: int = 8) -> dict[str, str]:
    """Each id's shortest prefix (at least `least` characters) that no other id shares: ids made in the same
    millisecond share their first 12 characters, so a fixed 8 would print one short form for several."""
    length = least
    while length < max(map(len, ids), default=0) and len({i[:length] for i in ids}) < len(set(ids)):
        length += 1
    return {i: i[:length] for i in ids}


def check_project_source(meeting: Meeting, spec: MeetingTypeSpec, item_number: int) -> None:
    """A project comes from a resolution: a passed agenda item (1-based) of a finalised meeting, as amended."""
    if not 1 <= item_number <= len(meeting.items):
        raise DomainError(f"会议 {meeting.number} 没有第 {item_number} 项议题（共 {len(meeting.items)} 项）。")
    rule = "项目库的项目来自会议通过的决议"
    if meeting.status is not MeetingStatus.FINAL:
        raise DomainError(f"会议 {meeting.number} 尚未定稿：{rule}。请在会议记录定稿后，再从它通过的议题建立项目。")
    record = effective(meeting)
    item, result = record.items[item_number - 1], evaluate(record, spec).items[item_number - 1]
    if not _is_resolution(item, result.passed):
        why = "没有形成决议" if result.passed is True else result.reason
        raise DomainError(f"会议 {meeting.number} 第 {item_number} 项议题“{item.title}”未获通过（{why}）：{rule}，"
                          "不能从这一项建立项目。请选择一项表决通过的议题。")


def _is_resolution(item: AgendaItem, passed: bool | None) -> bool:
    return passed is True and bool(item.resolution.strip())


def resolutions(meeting: Meeting, spec: MeetingTypeSpec) -> list[tuple[int, AgendaItem]]:
    """The items (1-based, as amended) a project may come from: those of a finalised meeting that passed with a
    resolution (what check_project_source accepts)."""
    if meeting.status is not MeetingStatus.FINAL:
        return []
    record = effective(meeting)
    outcome = evaluate(record, spec)
    return [(n, item) for n, (item, result) in enumerate(zip(record.items, outcome.items), start=1)
            if _is_resolution(item, result.passed)]


def matter_number_of(item: AgendaItem) -> str:
    """The number of the villager's matter 提交议事 made `item` from (its background), else ""."""
    head = item.background.partition("：")[0]
    return head.removeprefix("群众说事 ") if head.startswith("群众说事 ") and f"-{MATTER_WORD}-" in head else ""


def check_withdraw_project(project: Project) -> None:
    """撤销 建入项目库: only while the project is still at 申报 (an advance is undone first)."""
    if project.stage is not ProjectStage.DECLARED:
        raise DomainError(f"项目“{project.name}”已{project.stage.label}，不能撤销建入项目库。")


def pick_officer(key: str, users: list[User]) -> User:
    """The active account `key` names (user name first, then display name): the 议事信息员 keeping the log."""
    active = [u for u in users if u.active]
    found = [u for u in active if u.username == key.strip()] or [u for u in active if u.display_name == key.strip()]
    if len(found) == 1:
        return found[0]
    listed = "、".join(f"{u.display_name}（{u.username}）" for u in active)
    if found:
        raise DomainError(f"有 {len(found)} 个账户都叫“{key}”，请用用户名指明是哪一个：{listed}。")
    raise DomainError(f"没有在用的账户“{key}”。信息员须是本村的一个在用账户（用户名或姓名）：{listed}。"
                      "如信息员还没有账户，请管理员在“设置 → 用户”中为他建一个。")


def pick_villager(key: str, found: list[Raiser]) -> Raiser:
    """The one villager `key` names; a name two villagers share is refused, listing them."""
    if not found:
        raise DomainError(f"户籍中没有村民“{key}”。")
    if len(found) > 1:
        listed = "；".join(f"{r.name}（{r.group or '未分组'}，户号 {r.household_no}，编号 {r.ref}）" for r in found)
        raise DomainError(f"有 {len(found)} 位村民叫“{key}”，请用编号指明是哪一位：{listed}")
    return found[0]


SIMILAR = 0.4  # share of the shorter text's two-character pieces found in the other: offered to be merged


def _kept(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def trigrams(text: str) -> set[str]:
    """The text's three-character pieces (punctuation and spaces left out), as the search index cuts them."""
    kept = _kept(text)
    return {kept[i:i + 3] for i in range(len(kept) - 2)}


def resemblance(a: Matter, b: Matter) -> float:
    """How alike two matters read: two-character pieces in common over those of the shorter text (short
    Chinese sentences share words, rarely whole phrases); 0 when both name a place and the places differ."""
    if a.place and b.place and a.place != b.place:
        return 0.0
    left, right = ({t[i:i + 2] for i in range(len(t) - 1)} for t in (_kept(a.text), _kept(b.text)))
    return len(left & right) / min(len(left), len(right)) if left and right else 0.0
