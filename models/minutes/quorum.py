"""Quorum and majority rules (DOMAIN.md R1–R6), in integer arithmetic, with Chinese reasons."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Callable

ORGANIC_LAW = "《村民委员会组织法》"
PARTY_BRANCH_RULES = "《中国共产党支部工作条例（试行）》"


class QuorumRule(StrEnum):
    """法定人数规则 — how a meeting type decides whether enough people came."""

    VILLAGERS = "villagers"              # R1: adults > 1/2, or households ≥ 2/3
    GROUP = "group"                      # R5: adults ≥ 2/3, or households ≥ 2/3
    TWO_THIRDS = "two_thirds"            # R3: present ≥ 2/3 of members
    MORE_THAN_HALF = "more_than_half"    # R6: present > 1/2 of members
    NONE = "none"                        # consultative meetings: no legal quorum

    @property
    def label(self) -> str:
        return _QUORUM_LABELS[self]


_QUORUM_LABELS = {
    QuorumRule.VILLAGERS: "18 周岁以上村民过半数到会，或三分之二以上的户的代表到会",
    QuorumRule.GROUP: "本组 18 周岁以上村民三分之二以上到会，或三分之二以上的户的代表到会",
    QuorumRule.TWO_THIRDS: "组成人员三分之二以上到会",
    QuorumRule.MORE_THAN_HALF: "应到人员过半数到会",
    QuorumRule.NONE: "协商性会议，无法定人数要求",
}


class MajorityRule(StrEnum):
    """表决规则 — the denominator a resolution must exceed half of."""

    OF_PRESENT = "of_present"     # R2, R3, R5: yes > half of those present
    OF_EXPECTED = "of_expected"   # R6: yes > half of those who should attend

    @property
    def label(self) -> str:
        return {"of_present": "赞成票超过到会人数的一半", "of_expected": "赞成票超过应到会人数的一半"}[self.value]


class QuorumMode(StrEnum):
    """到会计算方式 — which base the record says the quorum was met on."""

    ADULTS = "adults"
    HOUSEHOLDS = "households"
    MEMBERS = "members"
    NOT_REQUIRED = "not_required"

    @property
    def label(self) -> str:
        return {"adults": "按 18 周岁以上村民计", "households": "按户的代表计",
                "members": "按组成人员计", "not_required": "无需法定人数"}[self.value]


@dataclass(frozen=True)
class Attendance:
    """到会情况 — the numbers a quorum is decided on (households only for villagers'/group meetings)."""

    expected: int
    present: int
    expected_households: int | None = None
    households_represented: int | None = None


@dataclass(frozen=True)
class QuorumResult:
    """法定人数判定 — met or not, on which base, and why in words that name the rule."""

    met: bool
    mode: QuorumMode | None
    reason: str


@dataclass(frozen=True)
class Tally:
    """表决票数 — for / against / abstain; whoever present did not vote is counted as not voting."""

    for_: int
    against: int
    abstain: int

    @property
    def cast(self) -> int:
        return self.for_ + self.against + self.abstain


def more_than_half(base: int) -> int:
    """Smallest x with 2·x > base (过半数)."""
    return base // 2 + 1


def two_thirds(base: int) -> int:
    """Smallest x with 3·x ≥ 2·base (三分之二以上)."""
    return (2 * base + 2) // 3


def check_quorum(rule: QuorumRule, attendance: Attendance, article: str = "") -> QuorumResult:
    """Decide the quorum of one meeting under `rule` (R1, R3, R5, R6)."""
    if rule is QuorumRule.NONE:
        return QuorumResult(True, QuorumMode.NOT_REQUIRED, f"{rule.label}，到会 {attendance.present} 人")
    if rule is QuorumRule.VILLAGERS:
        return _either(attendance, more_than_half, "过半数", f"{ORGANIC_LAW}第二十二条")
    if rule is QuorumRule.GROUP:
        return _either(attendance, two_thirds, "三分之二", f"{ORGANIC_LAW}第二十八条")
    if rule is QuorumRule.TWO_THIRDS:
        need = two_thirds(attendance.expected)
        return _members(attendance, need, "三分之二", article or f"{ORGANIC_LAW}第二十六条")
    need = more_than_half(attendance.expected)
    return _members(attendance, need, "半数", article or f"{PARTY_BRANCH_RULES}第十一条")


def _members(attendance: Attendance, need: int, share: str, article: str) -> QuorumResult:
    present, expected = attendance.present, attendance.expected
    if present >= need:
        reached = "达到" if share == "三分之二" else "超过"
        return QuorumResult(True, QuorumMode.MEMBERS,
                            f"到会 {present} 人，{reached}应到 {expected} 人的{share}（至少 {need} 人，{article}）")
    short = "不足" if share == "三分之二" else "未超过"
    return QuorumResult(False, None,
                        f"到会 {present} 人，{short}应到 {expected} 人的{share}（至少需 {need} 人，{article}）")


def _either(attendance: Attendance, adults_need_fn: Callable[[int], int], adults_share: str, article: str) -> QuorumResult:
    """Villagers' and group meetings: by adults, else by household representatives."""
    adults_need = adults_need_fn(attendance.expected)
    if attendance.present >= adults_need:
        return QuorumResult(True, QuorumMode.ADULTS,
                            f"到会 {attendance.present} 人，达到 18 周岁以上村民 {attendance.expected} 人的"
                            f"{adults_share}（至少 {adults_need} 人，{article}），按人数计")
    adults_text = (f"到会 {attendance.present} 人，不足 18 周岁以上村民 {attendance.expected} 人的"
                   f"{adults_share}（至少需 {adults_need} 人）")
    total, came = attendance.expected_households, attendance.households_represented
    if not total or came is None:
        return QuorumResult(False, None, f"{adults_text}；未登记到会户数，不能按户计算（{article}）")
    need = two_thirds(total)
    if came >= need:
        return QuorumResult(True, QuorumMode.HOUSEHOLDS,
                            f"到会户代表 {came} 户，达到总户数 {total} 户的三分之二（至少 {need} 户，{article}），按户计")
    return QuorumResult(False, None, f"{adults_text}；到会户代表 {came} 户，也不足总户数 {total} 户的三分之二"
                                     f"（至少需 {need} 户，{article}）")


@dataclass(frozen=True)
class ItemResult:
    """议题表决结果 — passed, failed, invalid (meeting not quorate) or no vote held."""

    status: str  # "passed" | "failed" | "invalid" | "not_voted"
    reason: str

    @property
    def passed(self) -> bool | None:
        return None if self.status == "not_voted" else self.status == "passed"


def check_majority(rule: MajorityRule, tally: Tally | None, attendance: Attendance,
                   quorum: QuorumResult, article: str = "") -> ItemResult:
    """Decide one agenda item (R2, R3, R6). A vote at a non-quorate meeting is recorded but invalid."""
    if tally is None:
        return ItemResult("not_voted", "未表决")
    problem = tally_problem(tally, attendance.present)
    if problem:
        return ItemResult("invalid", problem)
    if not quorum.met:
        return ItemResult("invalid", f"会议未达法定人数，表决无效：{quorum.reason}")
    if rule is MajorityRule.OF_EXPECTED:
        base, base_text = attendance.expected, f"应到会 {attendance.expected} 人"
        law = article or f"{PARTY_BRANCH_RULES}第十一条"
    else:
        base, base_text = attendance.present, f"到会 {attendance.present} 人"
        law = article or f"{ORGANIC_LAW}第二十二条、第二十六条"
    need = more_than_half(base)
    if tally.for_ >= need:
        return ItemResult("passed", f"赞成 {tally.for_} 票，超过{base_text}的半数（至少 {need} 票，{law}），通过")
    return ItemResult("failed", f"赞成 {tally.for_} 票，未超过{base_text}的半数（至少需 {need} 票，{law}），未通过")


def tally_problem(tally: Tally, present: int) -> str:
    """Empty when the counts can be right: none negative, for + against + abstain ≤ present."""
    if min(tally.for_, tally.against, tally.abstain) < 0:
        return "票数不能为负数，请检查赞成、反对、弃权票数。"
    if tally.cast > present:
        return (f"赞成 {tally.for_} + 反对 {tally.against} + 弃权 {tally.abstain} = {tally.cast} 票，"
                f"多于到会 {present} 人。请核对票数或到会人数。")
    return ""


def percent(part: int, whole: int) -> str:
    """One decimal for display only (R9): never used to decide anything."""
    if whole <= 0:
        return "—"
    tenths = (1000 * part + whole // 2) // whole
    return f"{tenths // 10}.{tenths % 10}%"
