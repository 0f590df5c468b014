"""Store interfaces (Protocols) of the red/black lists (红黑榜), one per aggregate — entries with their transitions,
objections, naming bases, volunteer records, the board log, the village's settings — and the registry and rules
views they need.

Every write returns the `Changed` it made (an add names its new record's id). The board, which spans entries,
naming bases and settings, is built by `models/lists/services.py`.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.lists.boards import Participation, VolunteerRank
    from models.lists.entries import (ArticleRef, HouseholdInfo, ListEntry, ListKind, ListSettings, Objection,
                                      Transition, WithdrawReason)
    from models.lists.naming import BasisView, NamingBasis
    from models.lists.workflow import Nomination


class HouseholdDirectory(Protocol):
    """What the lists need from the household registry (户籍): a household by its number, or by id."""

    def household(self, household_no: str) -> HouseholdInfo:
        """The household with this number, or raise DomainError (Chinese) if there is none."""
        ...

    def household_by_id(self, household_id: str) -> HouseholdInfo: ...


class ArticleCatalogue(Protocol):
    """What the lists need from the village rules: articles of the version in force."""

    def resolve(self, reference: str) -> ArticleRef:
        """The article of the rules in force that `reference` (第12条, 12) names, pinned to its version."""
        ...

    def articles(self) -> list[ArticleRef]:
        """Every article of the version in force (raises DomainError in Chinese when none is in force)."""
        ...


class ListSettingsStore(Protocol):
    """The village's list settings (榜单设置), R28–R32."""

    @property
    def settings(self) -> ListSettings: ...

    def save_settings(self, wanted: ListSettings) -> Changed:
        """Check the village's list settings against R28–R32, save them (audited), and use them from now on."""
        ...


class ListEntryStore(Protocol):
    """榜单条目 and their transitions through 提名 → 评议 → 审核 → 公示 → 发布 → 撤榜."""

    def entry(self, entry_id: str) -> ListEntry: ...
    def entries(self, period: str | None = None) -> list[ListEntry]: ...

    def periods(self) -> list[str]:
        """Every period that has an entry, oldest first (without reading the entries)."""
        ...

    def waiting(self) -> list[ListEntry]:
        """Entries still on their way to the board (not published, not final), by period and household number."""
        ...

    def transitions(self, entry_id: str) -> list[Transition]: ...
    def articles_in_force(self) -> list[ArticleRef]: ...

    def nominate(self, nomination: Nomination, household_no: str, article: str = "",
                 on: date | None = None) -> Changed:
        """Record a nomination (提名); `.id` is the new entry's (what keeps it in 提名: `nomination_blockers`)."""
        ...

    def nomination_blockers(self, entry_id: str, on: date | None = None) -> list[str]:
        """What will keep the entry in 提名 (missing article, honours or yellow-first rules); [] when nothing."""
        ...

    def advance(self, entry_id: str, note: str = "", override_reason: str = "",
                on: date | None = None) -> Changed: ...
    def advance_refusals(self, entry_id: str, on: date | None = None) -> list[str]: ...
    def refuse(self, entry_id: str, reason: str, on: date | None = None) -> Changed: ...
    def withdraw(self, entry_id: str, reason: WithdrawReason, note: str = "", on: date | None = None) -> Changed: ...
    def expire_due(self, on: date | None = None) -> Changed:
        """R29: take down what is past its cycle; the Changed names the entries and their board-log rows."""
        ...

    def renew(self, entry_id: str, period: str, on: date | None = None) -> Changed: ...
    def discard_nomination(self, entry_id: str) -> Changed: ...
    def restore_nomination(self, entry_id: str) -> Changed: ...


class ObjectionStore(Protocol):
    """异议 to an entry in publicity; an upheld one takes the entry down."""

    def objections(self, entry_id: str | None = None) -> list[Objection]: ...
    def add_objection(self, entry_id: str, raised_by: str, content: str, on: date | None = None) -> Changed: ...
    def answer_objection(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Changed: ...


class NamingBasisStore(Protocol):
    """公开姓名的依据 (R31): separate consents and statutory bases, and their withdrawal."""

    def naming_bases(self) -> list[NamingBasis]: ...
    def bases_in_effect(self) -> list[NamingBasis]: ...
    def naming_basis(self, basis_id: str) -> NamingBasis: ...
    def naming_basis_views(self, household_no: str = "") -> list[BasisView]: ...

    def member_id(self, household_no: str, villager: str) -> str:
        """The id of the household's member named by `villager` (id or name); DomainError if none or ambiguous."""
        ...

    def record_naming_basis(self, household_no: str, kind: str, note: str, on: date | None = None,
                            lists: tuple[ListKind, ...] = ..., villager: str = "",
                            all_members: bool = False) -> Changed: ...
    def withdraw_naming_basis(self, basis_id: str, reason: str, on: date | None = None) -> Changed: ...


class VolunteerStore(Protocol):
    """志愿服务记录, and the households ranked by them (candidates for the red list)."""

    def participations(self, period: str | None = None) -> list[Participation]: ...
    def add_participation(self, household_no: str, activity: str, on: date, hours: float) -> Changed: ...
    def discard_participation(self, participation_id: str) -> Changed: ...
    def restore_participation(self, participation_id: str) -> Changed: ...
    def volunteer_ranking(self, period: str, count: int = 10) -> list[VolunteerRank]: ...


class BoardLogStore(Protocol):
    """R34: who created, approved, printed and removed each board version."""

    def log_board(self, period: str, action: str, fingerprint: str = "", entry_ids: tuple[str, ...] = (),
                  note: str = "") -> Changed: ...
    def board_log(self, period: str | None = None) -> list[dict[str, object]]: ...
