"""Meeting types: the ten standard bodies and village-defined ones, each with composition and rules."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.core.errors import DomainError
from models.minutes.quorum import MajorityRule, QuorumRule

# Registry role codes (villager_roles.role) the expected attendance is computed from.
ROLE_REPRESENTATIVE = "representative"
ROLE_PARTY_MEMBER = "party_member"
ROLE_TWO_COMMITTEES = "two_committees_member"
ROLE_VILLAGE_COMMITTEE = "village_committee_member"
ROLE_BRANCH_COMMITTEE = "branch_committee_member"
ROLE_SUPERVISORY = "supervisory_committee_member"


class Composition(StrEnum):
    """应到基数 — who should attend, computed from the registry on the meeting date."""

    ADULTS = "adults"                                   # all villagers aged 18+ (and households)
    GROUP_ADULTS = "group_adults"                       # the group's adults (and households)
    REPRESENTATIVES = "representatives"                 # representatives + village committee members
    TWO_COMMITTEES = "two_committees"                   # members of both committees
    PARTY_MEMBERS = "party_members"                     # voting party members
    BRANCH_COMMITTEE = "branch_committee"               # branch committee members
    SUPERVISORY_COMMITTEE = "supervisory_committee"     # supervisory committee members
    INVITED = "invited"                                 # whoever is invited (consultative meetings)

    @property
    def label(self) -> str:
        return _COMPOSITION_LABELS[self]


_COMPOSITION_LABELS = {
    Composition.ADULTS: "本村 18 周岁以上村民（或户的代表）",
    Composition.GROUP_ADULTS: "本组 18 周岁以上村民（或户的代表）",
    Composition.REPRESENTATIVES: "村民代表和村民委员会成员",
    Composition.TWO_COMMITTEES: "村党组织委员会和村民委员会成员",
    Composition.PARTY_MEMBERS: "有表决权的正式党员",
    Composition.BRANCH_COMMITTEE: "党支部委员会委员",
    Composition.SUPERVISORY_COMMITTEE: "村务监督委员会成员",
    Composition.INVITED: "受邀参加人员",
}


class MeetingType(StrEnum):
    """会议类型 — the standard bodies; a village may add its own (MeetingTypeSpec with a custom code)."""

    VILLAGERS = "villagers_meeting"
    REPRESENTATIVES = "representatives_meeting"
    GROUP = "group_meeting"
    JOINT_COMMITTEES = "joint_committees_meeting"
    PARTY_GENERAL = "party_general_meeting"
    BRANCH_COMMITTEE = "branch_committee_meeting"
    SUPERVISORY = "supervisory_committee_meeting"
    DELIBERATION = "deliberation_meeting"
    COURTYARD = "courtyard_meeting"
    SPEAK_UP = "speak_up_meeting"

    @property
    def label(self) -> str:
        return BUILTIN_TYPES[self.value].label


@dataclass(frozen=True)
class MeetingTypeSpec:
    """会议类型定义 — label, number letter, composition, quorum and majority rule, notice days."""

    code: str
    label: str
    letter: str
    composition: Composition
    quorum: QuorumRule
    majority: MajorityRule
    notice_days: int = 0
    allows_proxy: bool = False
    builtin: bool = True
    rule_note: str = ""

    @property
    def decides(self) -> bool:
        """Consultative meetings record opinions; their votes are not binding resolutions."""
        return self.quorum is not QuorumRule.NONE


def _spec(code: MeetingType, label: str, letter: str, composition: Composition, quorum: QuorumRule,
          majority: MajorityRule = MajorityRule.OF_PRESENT, notice_days: int = 0,
          allows_proxy: bool = False, note: str = "") -> MeetingTypeSpec:
    return MeetingTypeSpec(code.value, label, letter, composition, quorum, majority, notice_days, allows_proxy,
                           True, note)


BUILTIN_TYPES: dict[str, MeetingTypeSpec] = {s.code: s for s in (
    _spec(MeetingType.VILLAGERS, "村民会议", "民", Composition.ADULTS, QuorumRule.VILLAGERS, notice_days=10,
          allows_proxy=True, note="《村民委员会组织法》第二十一、二十二条"),
    _spec(MeetingType.REPRESENTATIVES, "村民代表会议", "代", Composition.REPRESENTATIVES, QuorumRule.TWO_THIRDS,
          notice_days=3, note="《村民委员会组织法》第二十五、二十六条"),
    _spec(MeetingType.GROUP, "村民小组会议", "组", Composition.GROUP_ADULTS, QuorumRule.GROUP, allows_proxy=True,
          note="《村民委员会组织法》第二十八条"),
    _spec(MeetingType.JOINT_COMMITTEES, "两委联席会议", "联", Composition.TWO_COMMITTEES, QuorumRule.MORE_THAN_HALF,
          note="村级议事规则（过半数到会，到会过半数同意）"),
    _spec(MeetingType.PARTY_GENERAL, "党员大会", "党", Composition.PARTY_MEMBERS, QuorumRule.MORE_THAN_HALF,
          MajorityRule.OF_EXPECTED, note="《中国共产党支部工作条例（试行）》第十一条"),
    _spec(MeetingType.BRANCH_COMMITTEE, "支委会", "支", Composition.BRANCH_COMMITTEE, QuorumRule.MORE_THAN_HALF,
          MajorityRule.OF_EXPECTED, note="《中国共产党支部工作条例（试行）》"),
    _spec(MeetingType.SUPERVISORY, "村务监督委员会会议", "监", Composition.SUPERVISORY_COMMITTEE,
          QuorumRule.MORE_THAN_HALF, note="《村民委员会组织法》第三十二条"),
    _spec(MeetingType.DELIBERATION, "议事协商会", "议", Composition.INVITED, QuorumRule.NONE,
          note="村级议事协商（1+5+X）"),
    _spec(MeetingType.COURTYARD, "院坝会/院落会", "院", Composition.INVITED, QuorumRule.NONE),
    _spec(MeetingType.SPEAK_UP, "群众说事会", "说", Composition.INVITED, QuorumRule.NONE),
)}

_BY_LABEL = {spec.label: spec for spec in BUILTIN_TYPES.values()} | {"院坝会": BUILTIN_TYPES["courtyard_meeting"],
                                                                      "院落会": BUILTIN_TYPES["courtyard_meeting"]}


def make_custom_type(code: str, label: str, letter: str, composition: Composition, quorum: QuorumRule,
                     majority: MajorityRule, notice_days: int = 0, note: str = "") -> MeetingTypeSpec:
    """A village-defined meeting type; it may not shadow a standard one."""
    code, label, letter = code.strip(), label.strip(), letter.strip()
    if not code or not code.isascii() or not code.replace("_", "").isalnum():
        raise DomainError("自定义会议类型的代码只能用英文字母、数字和下划线，例如 elders_council。")
    if code in BUILTIN_TYPES or label in _BY_LABEL:
        raise DomainError(f"“{label or code}”与标准会议类型重名，请换一个名称。")
    if not label:
        raise DomainError("请填写会议类型名称，例如“寨老会”。")
    if len(letter) != 1:
        raise DomainError("编号用字应为一个汉字，例如“寨”（编号形如 2026-寨-01）。")
    if notice_days < 0:
        raise DomainError("提前通知天数不能为负数。")
    return MeetingTypeSpec(code, label, letter, composition, quorum, majority, notice_days, False, False, note)


def resolve_type(name: str, custom: tuple[MeetingTypeSpec, ...] = ()) -> MeetingTypeSpec:
    """Find a type by code or Chinese label (standard first, then the village's own)."""
    key = name.strip()
    if key in BUILTIN_TYPES:
        return BUILTIN_TYPES[key]
    if key in _BY_LABEL:
        return _BY_LABEL[key]
    for spec in custom:
        if key in (spec.code, spec.label):
            return spec
    names = "、".join([s.label for s in BUILTIN_TYPES.values()] + [s.label for s in custom])
    raise DomainError(f"不认识会议类型“{name}”。可用的类型：{names}。")


def format_number(year: int, letter: str, seq: int) -> str:
    """Year-based record number, e.g. 2026-代-07."""
    return f"{year}-{letter}-{seq:02d}"


def check_new_type(spec: MeetingTypeSpec, existing: tuple[MeetingTypeSpec, ...]) -> None:
    """A village's own type needs a code and a name of its own."""
    if any(spec.code == s.code or spec.label == s.label for s in existing):
        raise DomainError(f"会议类型“{spec.label}”已存在。")
