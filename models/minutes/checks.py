"""Warnings that never block (R4, R7, R8, R11, R14) and what finalising a record needs (R12)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.minutes.quorum import tally_problem
from models.minutes.types import Composition, MeetingType, MeetingTypeSpec
from models.minutes.settings import ProvinceRules, decided_under_province_rule
from models.minutes.votes import speech_problems, vote_problems
from models.minutes.meetings import AgendaItem, MatterKind, Meeting, VoteMethod, present_voter_names

LAW = "《村民委员会组织法》"


@dataclass(frozen=True)
class MeetingWarning:
    """提醒 — a rule that is not met, named with its article; the clerk may still go on."""

    rule: str
    message: str


def composition_warnings(members: int, representatives: int, women: int) -> list[MeetingWarning]:
    """R4: representatives ≥ 4/5 of members (5·r ≥ 4·M), women ≥ 1/3 of members (3·w ≥ M)."""
    found: list[MeetingWarning] = []
    if members and 5 * representatives < 4 * members:
        need = (4 * members + 4) // 5
        found.append(MeetingWarning("R4", f"村民代表 {representatives} 人，不足组成人员 {members} 人的五分之四"
                                          f"（至少 {need} 人，{LAW}第二十五条）"))
    if members and 3 * women < members:
        need = (members + 2) // 3
        found.append(MeetingWarning("R4", f"妇女 {women} 人，不足组成人员 {members} 人的三分之一"
                                          f"（至少 {need} 人，{LAW}第二十五条）"))
    return found


def notice_warnings(meeting: Meeting, spec: MeetingTypeSpec) -> list[MeetingWarning]:
    """R7: villagers' meeting 10 days' notice (override with a reason); other types their own default."""
    if spec.notice_days <= 0 or meeting.notice_override_reason.strip():
        return []
    article = f"{LAW}第二十一条" if spec.code == MeetingType.VILLAGERS else "本村议事规则"
    if meeting.notice_date is None:
        return [MeetingWarning("R7", f"未登记通知日期：{spec.label}应提前 {spec.notice_days} 天通知（{article}）")]
    days = (meeting.on - meeting.notice_date).days
    if days < spec.notice_days:
        return [MeetingWarning("R7", f"提前 {days} 天通知，不足 {spec.notice_days} 天（{article}）；"
                                     "如属紧急情况，请填写理由")]
    return []


def reserved_matter_warnings(meeting: Meeting, spec: MeetingTypeSpec,
                             province: ProvinceRules = ProvinceRules()) -> list[MeetingWarning]:
    """R8: Art. 24 matters, rules and charter belong to the villagers' meeting unless authorised (Art. 24) or,
    for rules and charter at a representatives' meeting, unless the province allows it (configured)."""
    if spec.code == MeetingType.VILLAGERS:
        return []
    found: list[MeetingWarning] = []
    for item in meeting.items:
        if item.matter is MatterKind.RESERVED:
            if spec.code == MeetingType.REPRESENTATIVES and meeting.authorisation_ref.strip():
                continue
            found.append(MeetingWarning("R8", f"议题“{item.title}”属{LAW}第二十四条所列事项，须经村民会议讨论决定，"
                                              "或有村民会议的书面授权（请登记授权依据）"))
        elif decided_under_province_rule(item, spec, province):
            continue
        elif item.matter in (MatterKind.VILLAGE_RULES, MatterKind.CHARTER):
            found.append(MeetingWarning("R8", f"议题“{item.title}”涉及{item.matter.label}，默认须由村民会议表决"
                                              f"（{LAW}第二十七条）；如本省允许由村民代表会议表决，须在决议上注明"))
    return found


def women_warnings(meeting: Meeting) -> list[MeetingWarning]:
    """R14: a village-rules vote needs women present recorded, and not low (default 1/3 of P)."""
    voted = [i for i in meeting.items if i.matter is MatterKind.VILLAGE_RULES and i.tally is not None]
    if not voted:
        return []
    if meeting.women_present is None:
        return [MeetingWarning("R14", "表决村规民约时须登记到会妇女人数（2018 年七部门指导意见）")]
    if meeting.women_present == 0 or 3 * meeting.women_present < meeting.present:
        return [MeetingWarning("R14", f"到会妇女 {meeting.women_present} 人，不足到会 {meeting.present} 人的三分之一"
                                      "（2018 年七部门指导意见：妇女应当参与）")]
    return []


def meeting_warnings(meeting: Meeting, spec: MeetingTypeSpec,
                     province: ProvinceRules = ProvinceRules()) -> list[MeetingWarning]:
    """All record-level warnings (composition R4 needs the registry: see composition_warnings)."""
    return (notice_warnings(meeting, spec) + reserved_matter_warnings(meeting, spec, province)
            + women_warnings(meeting))


def quarters_without(meeting_dates: list[date], year: int, today: date) -> list[int]:
    """R11: quarters of `year` already ended by `today` with no representatives' meeting."""
    held = {(d.month - 1) // 3 + 1 for d in meeting_dates if d.year == year}
    ended = [q for q in range(1, 5) if _quarter_end(year, q) < today]
    return [q for q in ended if q not in held]


def quarter_warnings(meeting_dates: list[date], year: int, today: date) -> list[MeetingWarning]:
    return [MeetingWarning("R11", f"{year} 年第{'一二三四'[q - 1]}季度没有召开村民代表会议（{LAW}第二十六条：每季度召开一次）")
            for q in quarters_without(meeting_dates, year, today)]


def _quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date.fromordinal(date(year, 3 * quarter + 1, 1).toordinal() - 1)


def missing_for_final(meeting: Meeting, spec: MeetingTypeSpec) -> list[str]:
    """R12: what must be filled in before the record can be finalised (empty: ready)."""
    missing = _header_missing(meeting)
    missing += _attendance_missing(meeting, spec)
    if not meeting.items:
        missing.append("议题（至少一项）")
    for number, item in enumerate(meeting.items, start=1):
        missing += [f"第 {number} 项议题“{item.title}”：{text}" for text in _item_missing(meeting, item)]
    return missing


def _header_missing(meeting: Meeting) -> list[str]:
    fields = (("日期", meeting.on), ("开始时间", meeting.start), ("地点", meeting.place), ("主持人", meeting.host),
              ("主持人职务", meeting.host_post), ("记录人", meeting.recorder), ("动议来源", meeting.motion_source),
              ("列席人员（没有请填“无”）", meeting.observers),
              ("乡镇参会人员（没有请填“无”）", meeting.township_attendees))
    return [name for name, value in fields if not (str(value).strip() if value is not None else "")]


def _attendance_missing(meeting: Meeting, spec: MeetingTypeSpec) -> list[str]:
    missing: list[str] = []
    if meeting.expected <= 0:
        missing.append(f"应到人数（{spec.composition.label}）")
    if meeting.present <= 0:
        missing.append("实到人数")
    if meeting.expected_computed is not None and meeting.expected != meeting.expected_computed \
            and not meeting.expected_reason.strip():
        missing.append(f"应到人数改动理由（花名册计算为 {meeting.expected_computed} 人）")
    proxies = [a for a in meeting.attendees if a.proxy_for.strip()]
    if proxies and not spec.allows_proxy:
        missing.append(f"{spec.label}不允许委托代理，请删除委托记录（{proxies[0].name} 代 {proxies[0].proxy_for}）")
    if any(not a.reason.strip() for a in meeting.absentees):
        missing.append("缺席原因（每位缺席人员都要填写）")
    member_based = spec.composition not in (Composition.ADULTS, Composition.GROUP_ADULTS, Composition.INVITED)
    if member_based and meeting.present < meeting.expected and not meeting.absentees:
        missing.append(f"缺席人员及原因（应到 {meeting.expected} 人，实到 {meeting.present} 人）")
    if any(i.matter is MatterKind.VILLAGE_RULES and i.tally for i in meeting.items) and meeting.women_present is None:
        missing.append("到会妇女人数（表决村规民约时必填）")
    return missing


def _item_missing(meeting: Meeting, item: AgendaItem) -> list[str]:
    missing: list[str] = []
    if not item.discussion.strip() and not item.speeches:
        missing.append("讨论发言摘要（或逐人发言记录）")
    missing += speech_problems(item.speeches)
    if item.tally is None:
        return missing
    problem = tally_problem(item.tally, meeting.present)
    if problem:
        missing.append(problem)
    missing += item_vote_problems(meeting, item)
    if item.vote_method is None:
        missing.append("表决方式")
    elif item.vote_method.is_ballot and not (item.scrutineer.strip() and item.counter.strip()):
        missing.append("监票人和计票人（投票表决时必填）")
    if not item.resolution.strip():
        missing.append("决议内容")
    if item.resolution.strip() and not (item.resolution_owner.strip() and item.resolution_due):
        missing.append("决议的责任人和完成期限")
    return missing


def item_vote_problems(meeting: Meeting, item: AgendaItem) -> list[str]:
    """A per-person vote must match attendance: every voter ticked present, each once, all present accounted for."""
    secret = item.vote_method is VoteMethod.SECRET_BALLOT
    return vote_problems(item.votes, secret, item.tally, meeting.present, present_voter_names(meeting.attendees))
