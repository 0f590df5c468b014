"""What the points products print (积分榜, 兑换凭证, 积分细则), gathered through the typed stores, and the records
打印中心 offers to choose among (printing/ never reads a store)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.core.errors import DomainError
from models.lists.entries import Period, PeriodKind
from models.points.board import PointsBoard
from models.points.goods import Goods, Redemption
from models.points.ledger import period_of
from models.points.publication import Publication
from models.points.scheme import Scheme

if TYPE_CHECKING:
    from models.core.ports import Stores

Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class BoardSource:
    """积分榜 of a period as printed on `on`, with the period's latest publication (its objection window)."""

    board: PointsBoard
    signer: str
    on: date
    publication: Publication | None = None


@dataclass(frozen=True)
class ReceiptSource:
    village: str
    redemption: Redemption
    balance: int  # what the household may still spend when the slip is printed (its redeemable balance)
    rule: str = ""  # the expiry rule that balance follows (R39: shown on the card)


@dataclass(frozen=True)
class SchemeSource:
    village: str
    scheme: Scheme
    goods: tuple[Goods, ...]  # the published point prices (R39)


def _village(stores: Stores) -> str:
    return stores.profile.get().village


def board_source(stores: Stores, period: str, today: date) -> BoardSource:
    chosen = Period.parse(period)
    board = stores.points.tally.board(chosen, today)
    if not board.rows:
        raise DomainError(f"{board.period.text}还没有已确认的积分记录，无法打印积分榜。")
    return BoardSource(board, f"{_village(stores)}村民委员会", today, stores.points.publications.latest(chosen))


def receipt_source(stores: Stores, redemption_id: str, today: date) -> ReceiptSource:
    redemption = stores.points.redemptions.redemption(redemption_id)
    balance = stores.points.tally.balance(redemption.household_no, today)
    return ReceiptSource(_village(stores), redemption, balance.redeemable, balance.expiry.rule(today))


def scheme_source(stores: Stores, _item: str, _today: date) -> SchemeSource:
    scheme = stores.points.scheme.current()
    if scheme is None:
        raise DomainError("还没有经会议通过的积分细则，无从打印。")
    return SchemeSource(_village(stores), scheme, tuple(stores.points.goods.goods_list()))


def board_choices(stores: Stores, _today: date, count: int = 12) -> Choices:
    """The newest `count` periods of the scheme's kind that hold confirmed entries (a board of none is refused)."""
    scheme = stores.points.scheme.current()
    kind = scheme.period if scheme else PeriodKind.MONTH
    periods: list[Period] = []
    for month in stores.points.tally.scored_months():
        period = period_of(date.fromisoformat(f"{month}-01"), kind)
        if period not in periods:
            periods.append(period)
    return [(p.text, p.code) for p in periods[:count]]


def receipt_choices(stores: Stores, _today: date, count: int = 50) -> Choices:
    return [(f"{r.number}  {r.household_no}户  {r.goods_name}×{r.quantity}", r.id)
            for r in stores.points.redemptions.redemptions()[:count]]


def scheme_choices(stores: Stores, _today: date) -> Choices:
    scheme = stores.points.scheme.current()
    return [(f"现行第{scheme.version}版（{scheme.adopted_on.isoformat()} 通过）", scheme.id)] if scheme else []
