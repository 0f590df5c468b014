"""R10: meetings the villagers or their representatives have demanded by a signed proposal (提议召集)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError
from models.minutes.types import ROLE_REPRESENTATIVE, MeetingType
from models.registry.ports import RegistryFacts

LAW = "《村民委员会组织法》"


class ConveneBody(StrEnum):
    """Which meeting the proposal asks for (the values are the meeting type codes)."""

    VILLAGERS = MeetingType.VILLAGERS.value
    REPRESENTATIVES = MeetingType.REPRESENTATIVES.value

    @property
    def label(self) -> str:
        return {"villagers_meeting": "村民会议", "representatives_meeting": "村民代表会议"}[self.value]

    @property
    def base_label(self) -> str:
        return "18 周岁以上村民" if self is ConveneBody.VILLAGERS else "村民代表"

    @property
    def share(self) -> tuple[int, str, str]:
        """(denominator, words, article): 1/10 of villagers (Art. 21), 1/5 of representatives (Art. 26)."""
        if self is ConveneBody.VILLAGERS:
            return 10, "十分之一", f"{LAW}第二十一条"
        return 5, "五分之一", f"{LAW}第二十六条"


@dataclass(frozen=True)
class ConveneProposal:
    """提议召集 — who asked, how many signed out of what base, and the meeting that answered it."""

    body: ConveneBody
    received: date
    subject: str
    signatures: int
    base: int
    lead_signer: str = ""
    due: date | None = None
    meeting_id: str = ""
    meeting_number: str = ""
    id: str = ""

    @property
    def needed(self) -> int:
        """Smallest count with n·signatures ≥ base (integer arithmetic, R9)."""
        n = self.body.share[0]
        return (self.base + n - 1) // n

    @property
    def must_convene(self) -> bool:
        return self.base > 0 and self.signatures >= self.needed

    @property
    def open(self) -> bool:
        return self.must_convene and not self.meeting_id

    def overdue(self, today: date) -> bool:
        return self.open and self.due is not None and today > self.due

    @property
    def reason(self) -> str:
        n, words, article = self.body.share
        reached = "达到" if self.must_convene else "不足"
        tail = f"应当召集{self.body.label}" if self.must_convene else "不产生召集义务，可作为建议列入议题"
        return (f"联名提议 {self.signatures} 人，{reached}{self.body.base_label} {self.base} 人的{words}"
                f"（至少 {self.needed} 人，{article}），{tail}")

    @property
    def status_label(self) -> str:
        if self.meeting_id:
            return f"已召开（{self.meeting_number}）"
        return "应当召集" if self.must_convene else "未达法定人数"


def make_proposal(body: ConveneBody, received: date, subject: str, signatures: int, base: int,
                  lead_signer: str = "", due: date | None = None) -> ConveneProposal:
    """Validate a proposal as recorded; the base is the registry's count on the day it was received."""
    if not subject.strip():
        raise DomainError("请填写提议召集会议所议的事项。")
    if signatures <= 0:
        raise DomainError("联名人数应大于 0。")
    if base <= 0:
        raise DomainError(f"请填写提议之日的{body.base_label}人数（花名册中没有时请手工填写）。")
    if signatures > base:
        raise DomainError(f"联名 {signatures} 人多于{body.base_label} {base} 人，请核对。")
    if due is not None and due < received:
        raise DomainError("召集期限不能早于收到提议的日期。")
    return ConveneProposal(body, received, subject.strip(), signatures, base, lead_signer.strip(), due)


def proposal_base(facts: RegistryFacts, body: ConveneBody, on: date) -> int:
    """The registry's base on the day: adults for a villagers' meeting, serving representatives otherwise."""
    if body is ConveneBody.VILLAGERS:
        return facts.adults_count(on)
    return len(facts.people_with_role(ROLE_REPRESENTATIVE, on))


def check_answer(proposal: ConveneProposal, meeting_type: str, meeting_on: date) -> None:
    """The meeting linked as the answer must be of the body asked for and held on or after the proposal."""
    if meeting_type != proposal.body.value:
        raise DomainError(f"这项提议要求召集{proposal.body.label}，请关联一次{proposal.body.label}的记录。")
    if meeting_on < proposal.received:
        raise DomainError("关联的会议早于收到提议的日期，不能作为对这项提议的召集。")
