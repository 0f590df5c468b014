"""SqliteGoodsStore: 爱心超市 goods; stock is the sum of each goods' movements, every one with who and why."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.points.goods import Goods, GoodsSource, StockMove, StockMoveKind, check_goods
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.rows import dict_rows, goods_from_row

GOODS_SQL = """SELECT g.*, (SELECT COALESCE(SUM(m.change), 0) FROM points_stock_moves m
                            WHERE m.goods_id = g.id AND m.deleted = 0) AS stock
               FROM points_goods g WHERE g.deleted = 0"""


def read_goods(db: Database, goods_id: str) -> Goods:
    rows = dict_rows(db, GOODS_SQL + " AND g.id = ?", (goods_id.strip(),))
    if not rows:
        raise NotFound(f"爱心超市没有编号为 {goods_id} 的商品。请用 goods list 查看商品编号。")
    return goods_from_row(rows[0])


class SqliteGoodsStore(SqliteStore):
    """Implements models.points.ports.GoodsStore."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__(db, actor)

    def add_goods(self, name: str, price: int, stock: int, source: GoodsSource | None = None) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        check_goods(name, price, stock)
        with self._db.atomic():
            row = self._insert("points_goods", {"name": name.strip(), "price": price,
                                                "source": (source or GoodsSource.DONATION).value})
            if stock:
                self._move(row["id"], stock, StockMoveKind.IN, "首次入库")
        return Changed.one(Entity.POINTS_GOODS, row["id"])

    def goods_list(self) -> list[Goods]:
        return [goods_from_row(r) for r in dict_rows(self._db, GOODS_SQL + " ORDER BY g.name, g.id")]

    def goods(self, goods_id: str) -> Goods:
        return read_goods(self._db, goods_id)

    def move_stock(self, goods_id: str, change: int, reason: str) -> Changed:
        """入库 (change > 0) or 出库 (change < 0) with a reason; stock never goes below zero."""
        self._require(Permission.EDIT_RECORDS)
        if change == 0 or not reason.strip():
            raise DomainError("出入库须写明数量（不为 0）和原因。")
        with self._db.atomic():
            goods = read_goods(self._db, goods_id)
            if goods.stock + change < 0:
                raise DomainError(f"“{goods.name}”库存只有 {goods.stock} 件，不能出库 {-change} 件。")
            self._move(goods.id, change, StockMoveKind.IN if change > 0 else StockMoveKind.OUT, reason)
        return Changed.one(Entity.POINTS_GOODS, goods.id)

    def count_stock(self, goods_id: str, counted: int, reason: str) -> Changed:
        """盘点: the counted stock; a difference is recorded with its reason (none: nothing written)."""
        self._require(Permission.EDIT_RECORDS)
        if counted < 0:
            raise DomainError("盘点数量不能为负数。")
        with self._db.atomic():
            goods = read_goods(self._db, goods_id)
            if counted != goods.stock:
                if not reason.strip():
                    raise DomainError(f"“{goods.name}”账面 {goods.stock} 件，盘点 {counted} 件，差异须写明原因。")
                self._move(goods.id, counted - goods.stock, StockMoveKind.COUNT, reason)
        return Changed.one(Entity.POINTS_GOODS, goods.id)

    def stock_moves(self, goods_id: str) -> list[StockMove]:
        """The goods' movements, newest first: what came in and went out, why and by whom."""
        goods = read_goods(self._db, goods_id)
        rows = dict_rows(self._db, "SELECT * FROM points_stock_moves WHERE goods_id = ? AND deleted = 0 "
                                   "ORDER BY on_date DESC, hlc DESC", (goods.id,))
        return [StockMove(r["id"], r["goods_id"], date.fromisoformat(r["on_date"]), StockMoveKind(r["kind"]),
                          r["change"], r["reason"], r["by_name"]) for r in rows]

    def _move(self, goods_id: str, change: int, kind: StockMoveKind, reason: str, redemption_id: str = "") -> None:
        self._insert("points_stock_moves", {"goods_id": goods_id, "change": change, "kind": kind.value,
                                            "reason": reason.strip(), "on_date": date.today().isoformat(),
                                            "by_name": self._actor.name, "redemption_id": redemption_id})
