"""爱心超市 — goods with a point price and stock, stock movements, redemptions (R39)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.core.errors import DomainError


class GoodsSource(StrEnum):
    DONATION = "donation"
    PURCHASE = "purchase"
    ALLOCATION = "allocation"

    @property
    def label(self) -> str:
        return {"donation": "捐赠", "purchase": "采购", "allocation": "乡镇调拨"}[self.value]


class StockMoveKind(StrEnum):
    IN = "in"
    OUT = "out"
    COUNT = "count"
    REDEEM = "redeem"
    RETURN = "return"

    @property
    def label(self) -> str:
        return {"in": "入库", "out": "出库", "count": "盘点差异", "redeem": "兑换", "return": "兑换冲正退回"}[self.value]


@dataclass(frozen=True)
class Goods:
    """商品 — name, unit point price, source; `stock` is the sum of its movements, never a stored figure."""

    id: str
    name: str
    price: int
    stock: int
    source: GoodsSource = GoodsSource.DONATION


@dataclass(frozen=True)
class StockMove:
    """出入库记录 — one movement of a goods' stock (+ in, − out), of which kind, why, on which day and by whom."""

    id: str
    goods_id: str
    on: date
    kind: StockMoveKind
    change: int
    reason: str
    by_name: str


@dataclass(frozen=True)
class Redemption:
    """兑换记录 — receipt number, household, goods, quantity, points spent, date, clerk; the ledger entry it made."""

    id: str
    number: str
    household_id: str
    household_no: str
    goods_id: str
    goods_name: str
    quantity: int
    price: int
    on: date
    clerk_name: str
    entry_id: str
    head_name: str = ""
    reversed: bool = False

    @property
    def points(self) -> int:
        return self.price * self.quantity


def check_goods(name: str, price: int, stock: int) -> None:
    if not name.strip():
        raise DomainError("商品名称不能为空。")
    if price <= 0:
        raise DomainError("兑换所需积分须为正整数。")
    if stock < 0:
        raise DomainError("库存不能为负数。")


def check_redemption(goods: Goods, quantity: int, balance: int) -> None:
    """R39: stock suffices and the balance never goes negative; `balance` is the redeemable one (R37: published with
    no objection open); the message names both figures."""
    if quantity <= 0:
        raise DomainError("兑换数量须为正整数。")
    if goods.stock < quantity:
        raise DomainError(f"“{goods.name}”库存只有 {goods.stock} 件，不够兑换 {quantity} 件。")
    cost = goods.price * quantity
    if balance < cost:
        raise DomainError(f"该户可兑换的积分余额 {balance} 分（已确认、公示期满无异议的积分），兑换 {quantity} 件“{goods.name}”"
                          f"需要 {cost} 分，积分不足。")


def receipt_number(year: int, sequence: int) -> str:
    """兑换凭证编号: DH2026-0007."""
    return f"DH{year}-{sequence:04d}"
