"""What each of the nine steps records: invitations, committee, checks, teams, opinions, review, vote, filing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.minutes.quorum import Tally


class InvitationReply(StrEnum):
    """邀请答复."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        return {"accepted": "接受", "declined": "婉拒", "no_reply": "未回复"}[self.value]


@dataclass(frozen=True)
class Invitation:
    """邀请函 — one invitee (from the registry or typed in), the reply and when the invitation expires."""

    id: str
    name: str
    villager_id: str = ""
    capacity: str = ""          # 寨老、老党员、驻村单位… as printed on the letter
    womens_representative: bool = False
    village_unit: bool = False  # a unit based in the village (Organic Law Art. 38)
    sent_on: date | None = None
    expires_on: date | None = None
    reply: InvitationReply = InvitationReply.NO_REPLY
    replied_on: date | None = None

    def settled(self, today: date) -> bool:
        """Answered, or past its reply date."""
        return self.reply is not InvitationReply.NO_REPLY or (self.expires_on is not None and self.expires_on < today)


class CheckAgency(StrEnum):
    """联审部门 — the three offices that vet each committee member."""

    JUSTICE_OFFICE = "justice_office"
    COMPREHENSIVE_CENTRE = "comprehensive_centre"
    POLICE_STATION = "police_station"

    @property
    def label(self) -> str:
        return {"justice_office": "司法所", "comprehensive_centre": "综治中心", "police_station": "派出所"}[self.value]


class CheckResult(StrEnum):
    """审查结论."""

    PASSED = "passed"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return {"passed": "通过", "failed": "未通过"}[self.value]


@dataclass(frozen=True)
class BackgroundCheck:
    """联审结果 — one agency's result for one member, with the date of its reply."""

    member_id: str
    agency: CheckAgency
    result: CheckResult
    on: date
    note: str = ""
    id: str = ""


@dataclass(frozen=True)
class CommitteeMember:
    """执委会成员 — the chair (by default the branch secretary) or a member."""

    id: str
    name: str
    villager_id: str = ""
    chair: bool = False
    capacity: str = ""
    position: int = 0


class TeamKind(StrEnum):
    """自治队伍."""

    PATROL = "patrol"
    CEREMONIES = "ceremonies"
    MEDIATION = "mediation"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return {"patrol": "治安巡逻队", "ceremonies": "红白理事会", "mediation": "纠纷调解队",
                "custom": "自定义队伍"}[self.value]


@dataclass(frozen=True)
class Team:
    """自治队伍 — a sub-team of the execution committee: leader from the two committees, members."""

    id: str
    kind: TeamKind
    name: str
    leader: str = ""
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shift:
    """值班 — one week of a team's duty roster: the week's Monday and who is on duty."""

    team_id: str
    week_start: date
    members: tuple[str, ...]
    holiday: str = ""
    id: str = ""


class Channel(StrEnum):
    """意见来源渠道."""

    DOOR_TO_DOOR = "door_to_door"
    COURTYARD = "courtyard"
    REPRESENTATIVES = "representatives"
    PHONE = "phone"
    ONLINE = "online"
    BOX = "box"

    @property
    def label(self) -> str:
        return {"door_to_door": "入户走访", "courtyard": "院坝会", "representatives": "村民代表会议",
                "phone": "电话", "online": "微信/网上", "box": "意见箱"}[self.value]


class OpinionKind(StrEnum):
    """意见 in step 5, 异议 during the second publicity."""

    OPINION = "opinion"
    OBJECTION = "objection"

    @property
    def label(self) -> str:
        return {"opinion": "意见", "objection": "异议"}[self.value]


class Disposition(StrEnum):
    """答复结论."""

    ADOPTED = "adopted"
    PARTLY = "partly"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"adopted": "采纳", "partly": "部分采纳", "rejected": "不采纳"}[self.value]


@dataclass(frozen=True)
class Reply:
    """答复 — disposition with its reason, who replied and when."""

    disposition: Disposition
    reason: str
    by: str
    on: date


@dataclass(frozen=True)
class Opinion:
    """意见 — who said what, through which channel, about which article (empty key: the whole text)."""

    id: str
    number: int
    name: str
    channel: Channel
    on: date
    text: str
    kind: OpinionKind = OpinionKind.OPINION
    villager_id: str = ""
    household_id: str = ""
    article_key: str = ""
    article_label: str = ""   # 第N条 when it was recorded, for display
    form_serial: str = ""      # serial number of the paper 意见征求表
    written_by: str = ""       # 代写人 for villagers who cannot write
    reply: Reply | None = None
    name_public: bool = False  # the person agreed to be named on what is printed (R21); else surname + 某

    @property
    def answered(self) -> bool:
        return self.reply is not None

    @property
    def title(self) -> str:
        return f"{self.kind.label}{self.number}（{self.name}）"


@dataclass(frozen=True)
class RevisionLink:
    """修改依据 — an article change in a version, linked to the opinion it answers."""

    version_id: str
    article_key: str
    opinion_id: str


@dataclass(frozen=True)
class Publicity:
    """二次公示 — where and from when to when the revised text was posted."""

    start: date
    end: date
    place: str = ""
    version_id: str = ""


@dataclass(frozen=True)
class LegalityReview:
    """合法性审查意见 — the township's written opinion on one version, typed in from paper."""

    version_id: str
    version_number: int
    on: date
    reviewer: str
    conclusion: str
    article_notes: tuple[tuple[str, str], ...] = ()  # (第N条, note)
    id: str = ""


@dataclass(frozen=True)
class ArticleVote:
    """逐条表决 — the tally for one article (empty key: the whole text)."""

    article_key: str
    label: str
    tally: Tally


@dataclass(frozen=True)
class AssemblyVote:
    """全体表决 — the meeting it was held at, the version voted on, and the tallies."""

    meeting_id: str
    version_id: str
    version_number: int
    by_article: bool
    tallies: tuple[ArticleVote, ...]
    id: str = ""


class FilingStatus(StrEnum):
    """备案状态 (DOMAIN.md R24)."""

    NOT_SUBMITTED = "not_submitted"
    SUBMITTED = "submitted"
    FILED = "filed"
    ORDERED_TO_CORRECT = "ordered_to_correct"

    @property
    def label(self) -> str:
        return {"not_submitted": "未报送", "submitted": "已报送", "filed": "已备案",
                "ordered_to_correct": "被责令改正"}[self.value]


@dataclass(frozen=True)
class Filing:
    """备案 — due date, status, the township's receipt and the effective date."""

    due_on: date
    status: FilingStatus = FilingStatus.NOT_SUBMITTED
    submitted_on: date | None = None
    receipt_number: str = ""
    receipt_date: date | None = None
    effective_date: date | None = None
    note: str = ""
