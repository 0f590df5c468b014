"""Store interfaces (Protocols) of the points area, one per aggregate — the scheme, the ledger, the tally, goods,
redemptions — and `PointsStores`, the set a session reaches as `Stores.points`.

Every write returns the `Changed` it made (an add's `.id` is the new record). What points read of other areas is
named here too (`PointsHouseholds`, `AdoptionMeetings`, `RuleClauses`, `NamedHouseholds`): storage/core/backend.py
gives the stores adapters over the registry, minutes, rules and lists.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.lists.entries import Period, PeriodKind
    from models.points.applications import PointsApplication
    from models.points.board import PointsBoard
    from models.points.expiry import Expiry
    from models.points.goods import Goods, GoodsSource, Redemption, StockMove
    from models.points.publication import PointsObjection, Publication
    from models.points.ledger import Balance, EntryDraft, LedgerEntry, Member
    from models.points.rollup import HouseholdSums, PointsHousehold, TallyBy, TallyRow
    from models.points.scheme import AdoptionMeeting, Scheme, SchemeItem, SchemeSettings


# -- what points read of other areas --------------------------------------------------------------------------------
class PointsHouseholds(Protocol):
    """The registry's households as points show and roll them up."""

    def households(self) -> list[PointsHousehold]: ...
    def household(self, household_no: str) -> PointsHousehold: ...

    def among(self, ids: Iterable[str]) -> list[PointsHousehold]:
        """Those of households() whose id is one of `ids` (what a period's sums name), in the same order."""
        ...

    def find(self, typed: str, limit: int = 20) -> list[PointsHousehold]:
        """What models.points.rollup.find_households(households(), typed, limit) finds, reading at most `limit`."""
        ...

    def group_names(self) -> list[str]:
        """The distinct non-empty group names of households(), sorted."""
        ...

    def members(self, reference: str) -> list[Member]:
        """The villagers whose id, or else whose name, is `reference`, each with their household."""
        ...


class AdoptionMeetings(Protocol):
    """A meeting record as adoption checks it (the minutes area's quorum and majority rules applied)."""

    def adoption_meeting(self, meeting_id: str) -> AdoptionMeeting: ...


class RuleClauses(Protocol):
    """The clause of the village rules in force that a deduction names, as "第十二条 …" (NotFound/DomainError)."""

    def clause(self, reference: str) -> str: ...


class NamedHouseholds(Protocol):
    """The households with a recorded basis for naming them on a board made on `on` (lists area, R31)."""

    def named_households(self, on: date) -> frozenset[str]: ...


# -- the area's own aggregates ---------------------------------------------------------------------------------------
class SchemeStore(Protocol):
    """积分细则: adopted versions, never edited; the newest adopted on or before a day is the one in force."""

    def current(self) -> Scheme | None: ...
    def in_force_on(self, day: date) -> Scheme | None: ...
    def versions(self) -> list[Scheme]: ...

    def adopt(self, items: tuple[SchemeItem, ...], meeting_id: str, period: PeriodKind | None = None,
              deduction_share: int | None = None, agenda_item: int | None = None) -> Changed:
        """A new version from the meeting's date (R35), adopted by the meeting's passed item about the scheme
        (`agenda_item`, 1 = the first, when the clerk names it); refused naming the row of a bad item."""
        ...

    def import_file(self, path: Path, meeting_id: str, agenda_item: int | None = None,
                    settings: SchemeSettings | None = None) -> Changed:
        """Read a .xlsx/.docx/.md table with the columns of SCHEME_COLUMNS and the settings written with it
        (计分周期, 扣分占比上限; `settings` given here win) and adopt it."""
        ...


class LedgerStore(Protocol):
    """积分台账: entries are added, confirmed by a second account, reversed; never edited."""

    def add(self, draft: EntryDraft) -> Changed: ...

    def add_batch(self, drafts: list[EntryDraft], sources: list[str] | None = None) -> Changed:
        """Every draft in one transaction (an event's sign-in sheet): all are written or, on a refusal, none; the
        refusal names the row (`sources[i]`, as “签到表第5行”, else “第i户”) and its household."""
        ...

    def confirm(self, entry_id: str) -> Changed: ...
    def reject(self, entry_id: str, reason: str) -> Changed:
        """退回 a pending entry with a reason (a second account): it never counts and stays, shown as rejected."""
        ...

    def reverse(self, entry_id: str, reason: str) -> Changed:
        """A reversing entry of a confirmed one (dated as the entry it corrects, so its period's figures are
        corrected); it awaits a second person's confirmation like any entry."""
        ...

    def entry(self, entry_id: str) -> LedgerEntry: ...
    def entries(self, household_no: str = "", pending_only: bool = False, limit: int | None = None) -> list[LedgerEntry]: ...


class PointsTally(Protocol):
    """Balances and roll-ups, always summed from the entries."""

    def households(self) -> list[PointsHousehold]: ...

    def find_households(self, typed: str, limit: int = 20) -> list[PointsHousehold]:
        """A bounded search as the clerk types: find_households' rules, at most `limit` read (issue 17)."""
        ...

    def group_names(self) -> list[str]: ...
    def balance(self, household_no: str, on: date | None = None) -> Balance: ...
    def scored_months(self) -> list[str]:
        """The months (2026-03) holding confirmed scoring entries, newest first."""
        ...
    def household_sums(self, period: Period) -> list[HouseholdSums]: ...
    def tally(self, period: Period, by: TallyBy) -> list[TallyRow]: ...
    def board(self, period: Period, on: date | None = None) -> PointsBoard: ...


class GoodsStore(Protocol):
    """爱心超市的商品 and their stock movements (in, out, count differences), each with who and why."""

    def add_goods(self, name: str, price: int, stock: int, source: GoodsSource | None = None) -> Changed: ...
    def goods_list(self) -> list[Goods]: ...
    def goods(self, goods_id: str) -> Goods: ...
    def move_stock(self, goods_id: str, change: int, reason: str) -> Changed: ...
    def count_stock(self, goods_id: str, counted: int, reason: str) -> Changed: ...
    def stock_moves(self, goods_id: str) -> list[StockMove]: ...


class RedemptionStore(Protocol):
    """兑换: balance and stock checked and written in one transaction; reversed only by reversing entries."""

    def redeem(self, household_no: str, goods_id: str, quantity: int = 1, on: date | None = None) -> Changed: ...
    def redemption(self, redemption_id: str) -> Redemption: ...
    def redemptions(self, household_no: str = "") -> list[Redemption]: ...
    def reverse_redemption(self, redemption_id: str, reason: str) -> Changed: ...


class PublicationStore(Protocol):
    """积分公示 (R37): a period published with an objection window (≥ 5 days), objections and answers; a raising
    entry becomes redeemable once a publication that showed it has closed with no unanswered objection."""

    def publish(self, period: Period, on: date | None = None, days: int = 5) -> Changed: ...
    def publications(self, period: Period | None = None) -> list[Publication]: ...
    def publication(self, publication_id: str) -> Publication: ...
    def latest(self, period: Period) -> Publication | None: ...
    def object(self, publication_id: str, raised_by: str, content: str, household_no: str = "",
               on: date | None = None) -> Changed: ...
    def objections(self, publication_id: str = "") -> list[PointsObjection]: ...
    def answer(self, objection_id: str, answer: str, upheld: bool, on: date | None = None) -> Changed: ...


class ApplicationStore(Protocol):
    """积分换项目 (Dongkou): a group's or the village's application for a project, its points no more than the
    applicant's confirmed points of the period; reviewed at the township (both through the bundles)."""

    def apply(self, group: str, period: Period, points: int, project: str, purpose: str = "",
              on: date | None = None) -> Changed: ...
    def applications(self, township: bool = False) -> list[PointsApplication]: ...
    def application(self, application_id: str) -> PointsApplication: ...
    def review(self, application_id: str, approve: bool, text: str, on: date | None = None) -> Changed: ...


class VillageTotals(Protocol):
    """Each village's confirmed points of a period as the bundles brought them here, highest first (the
    township desk's roll-up and ranking; a village's own database holds itself alone)."""

    def village_totals(self, period: Period) -> list[TallyRow]: ...


class PointsSettingsStore(Protocol):
    """The points area's settings: 积分有效期 (R39, `never` unless set), read by every balance and redemption."""

    def expiry(self) -> Expiry: ...
    def set_expiry(self, expiry: Expiry) -> Changed: ...


class PointsStores(Protocol):
    """The points area's stores, one per aggregate (read-only members, as on `Stores`)."""

    @property
    def scheme(self) -> SchemeStore: ...
    @property
    def ledger(self) -> LedgerStore: ...
    @property
    def tally(self) -> PointsTally: ...
    @property
    def goods(self) -> GoodsStore: ...
    @property
    def redemptions(self) -> RedemptionStore: ...
    @property
    def villages(self) -> VillageTotals: ...
    @property
    def publications(self) -> PublicationStore: ...
    @property
    def applications(self) -> ApplicationStore: ...
    @property
    def settings(self) -> PointsSettingsStore: ...
