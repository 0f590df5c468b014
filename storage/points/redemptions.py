"""SqliteRedemptionStore: 兑换 at the love supermarket — balance and stock read and written in one IMMEDIATE
transaction, so two windows or two PCs on one file can never both take the last item or the last points (R39)."""
from __future__ import annotations

from datetime import date

from models.core.accounts import Actor, Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError, NotFound
from models.points.goods import Redemption, StockMoveKind, check_redemption, receipt_number
from models.points.ledger import EntryKind
from models.points.ports import PointsHouseholds
from storage.core.db import Database
from storage.core.store_base import SqliteStore
from storage.points.goods import read_goods
from storage.points.publications import spendable
from storage.points.rows import dict_rows, redemption_from_row


class SqliteRedemptionStore(SqliteStore):
    """Implements models.points.ports.RedemptionStore."""

    def __init__(self, db: Database, actor: Actor, households: PointsHouseholds) -> None:
        super().__init__(db, actor)
        self._households = households

    def redeem(self, household_no: str, goods_id: str, quantity: int = 1, on: date | None = None) -> Changed:
        """Only points published with no objection left open can be spent (R37). The spend is a ledger entry counted
        at once: the household is at the counter and the clerk hands the goods over, so there is no second person
        to wait for (the receipt slip records who)."""
        self._require(Permission.EDIT_RECORDS)
        household = self._households.household(household_no)
        day = on or date.today()
        with self._db.atomic():  # BEGIN IMMEDIATE: the second redeemer waits here, then reads what the first wrote
            goods = read_goods(self._db, goods_id)
            balance = spendable(self._db, household.id, day)[0]
            check_redemption(goods, quantity, balance)
            cost = goods.price * quantity
            entry = self._insert("points_entries", {
                "household_id": household.id, "household_no": household.household_no, "on_date": day.isoformat(),
                "points": -cost, "kind": EntryKind.REDEMPTION.value, "item_name": f"兑换{goods.name}×{quantity}",
                "recorded_by": self._actor.user_id, "recorded_by_name": self._actor.name,
                "confirmed_by": self._actor.user_id, "confirmed_by_name": self._actor.name})
            row = self._insert("points_redemptions", {
                "number": self._next_number(day.year), "household_id": household.id,
                "household_no": household.household_no, "goods_id": goods.id, "goods_name": goods.name,
                "quantity": quantity, "price": goods.price, "on_date": day.isoformat(),
                "clerk_name": self._actor.name, "entry_id": entry["id"]})
            self._insert("points_stock_moves", {
                "goods_id": goods.id, "change": -quantity, "kind": StockMoveKind.REDEEM.value,
                "reason": f"户号{household.household_no}兑换", "on_date": day.isoformat(), "by_name": self._actor.name,
                "redemption_id": row["id"]})
        return (Changed.one(Entity.POINTS_REDEMPTION, row["id"]) | Changed.one(Entity.POINTS_ENTRY, entry["id"])
                | Changed.one(Entity.POINTS_GOODS, goods.id))

    def _next_number(self, year: int) -> str:
        count = self._db.conn.execute("SELECT COUNT(*) FROM points_redemptions WHERE on_date LIKE ?",
                                      (f"{year}-%",)).fetchone()[0]
        return receipt_number(year, int(count) + 1)

    def redemption(self, redemption_id: str) -> Redemption:
        """By its id or by the number on its receipt slip (DH2026-0007)."""
        rows = dict_rows(self._db, "SELECT * FROM points_redemptions WHERE (id = :key OR number = :key) "
                                   "AND deleted = 0", {"key": redemption_id.strip()})
        if not rows:
            raise NotFound(f"没有编号为 {redemption_id} 的兑换记录。请用兑换凭证上的编号（如 DH2026-0007）。")
        return redemption_from_row(rows[0], self._head(rows[0]["household_no"]))

    def _head(self, household_no: str) -> str:
        try:
            return self._households.household(household_no).head_name
        except NotFound:
            return ""

    def redemptions(self, household_no: str = "") -> list[Redemption]:
        sql, params = "SELECT * FROM points_redemptions WHERE deleted = 0", []
        if household_no.strip():
            sql, params = sql + " AND household_no = ?", [household_no.strip()]
        return [redemption_from_row(r) for r in dict_rows(self._db, sql + " ORDER BY on_date DESC, id DESC", params)]

    def reverse_redemption(self, redemption_id: str, reason: str) -> Changed:
        """冲正兑换: a reversing entry gives the points back and the goods return to stock; both rows stay. The
        refund is a redemption-kind entry (spending undone), so roll-ups of scoring never count it."""
        self._require(Permission.EDIT_RECORDS)
        if not reason.strip():
            raise DomainError("冲正兑换必须写明理由。")
        with self._db.atomic():
            redemption = self.redemption(redemption_id)
            if redemption.reversed:
                raise DomainError(f"兑换 {redemption.number} 已经冲正过了。")
            entry = self._insert("points_entries", {
                "household_id": redemption.household_id, "household_no": redemption.household_no,
                "on_date": redemption.on.isoformat(), "points": redemption.points, "kind": EntryKind.REDEMPTION.value,
                "item_name": f"冲正兑换 {redemption.number}", "recorded_by": self._actor.user_id,
                "recorded_by_name": self._actor.name, "confirmed_by": self._actor.user_id,
                "confirmed_by_name": self._actor.name, "reverses_id": redemption.entry_id, "reason": reason.strip()})
            self._update("points_redemptions", redemption.id, {"reversal_id": entry["id"]}, action="reverse")
            read_goods(self._db, redemption.goods_id)
            self._insert("points_stock_moves", {
                "goods_id": redemption.goods_id, "change": redemption.quantity, "kind": StockMoveKind.RETURN.value,
                "reason": reason.strip(), "on_date": date.today().isoformat(), "by_name": self._actor.name,
                "redemption_id": redemption.id})
        return (Changed.one(Entity.POINTS_REDEMPTION, redemption.id) | Changed.one(Entity.POINTS_ENTRY, entry["id"])
                | Changed.one(Entity.POINTS_GOODS, redemption.goods_id))
