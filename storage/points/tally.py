"""SqlitePointsTally: balances, roll-ups and the board, each summed from the entries in one query (R37, R38)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models.lists.entries import Period
from models.points.board import PointsBoard, build_board
from models.points.ledger import Balance
from models.points.ports import NamedHouseholds, PointsHouseholds, SchemeStore
from models.points.rollup import HouseholdSums, PointsHousehold, TallyBy, TallyRow, roll_up
from models.points.scheme import DEFAULT_DEDUCTION_SHARE
from storage.core.db import Database
from storage.points.publications import spendable
from storage.points.settings import read_expiry

# A reversal belongs to the side of the entry it reverses: reversing +5 lowers the plus, not raises the minus.
PLUS = "(kind = 'item' AND points > 0) OR (kind = 'reversal' AND points < 0)"
_SUMS_SQL = f"""
    SELECT household_id, COALESCE(SUM(CASE WHEN {PLUS} THEN points END), 0),
           COALESCE(SUM(CASE WHEN NOT ({PLUS}) THEN points END), 0)
    FROM points_entries
    WHERE deleted = 0 AND confirmed_by != '' AND kind IN ('item', 'reversal') AND on_date BETWEEN ? AND ?
    GROUP BY household_id"""
_COUNT_SQL = """
    SELECT COUNT(*), COALESCE(SUM(e.points < 0), 0) FROM points_entries e
    WHERE e.deleted = 0 AND e.confirmed_by != '' AND e.kind = 'item' AND e.on_date BETWEEN ? AND ?
      AND NOT EXISTS (SELECT 1 FROM points_entries r WHERE r.reverses_id = e.id AND r.deleted = 0
                      AND r.confirmed_by != '')"""


class SqlitePointsTally:
    """Implements models.points.ports.PointsTally (reads only)."""

    def __init__(self, db: Database, households: PointsHouseholds, named: NamedHouseholds, schemes: SchemeStore,
                 village: Callable[[], str]) -> None:
        self._db, self._households, self._named, self._schemes = db, households, named, schemes
        self._village = village

    def households(self) -> list[PointsHousehold]:
        return self._households.households()

    def find_households(self, typed: str, limit: int = 20) -> list[PointsHousehold]:
        return self._households.find(typed, limit)

    def group_names(self) -> list[str]:
        return self._households.group_names()

    def balance(self, household_no: str, on: date | None = None) -> Balance:
        """Confirmed (redemptions spent included) and pending points of one household, all time, and what of the
        confirmed it may spend on `on` (today): published with no objection left open (R37)."""
        household = self._households.household(household_no)
        row = self._db.conn.execute(
            "SELECT COALESCE(SUM(CASE WHEN confirmed_by != '' THEN points END), 0), "
            "COALESCE(SUM(CASE WHEN confirmed_by = '' AND rejected_by = '' THEN points END), 0) FROM points_entries "
            "WHERE household_id = ? AND deleted = 0", (household.id,)).fetchone()
        redeemable, deficit = spendable(self._db, household.id, on or date.today())
        return Balance(household.household_no, int(row[0]), int(row[1]), redeemable, deficit, read_expiry(self._db))

    def scored_months(self) -> list[str]:
        """The months (2026-03) that hold confirmed scoring entries, newest first (what a board can show)."""
        rows = self._db.conn.execute(
            "SELECT DISTINCT substr(on_date, 1, 7) FROM points_entries WHERE deleted = 0 AND confirmed_by != '' "
            "AND kind IN ('item', 'reversal') ORDER BY 1 DESC")
        return [month for (month,) in rows]

    def household_sums(self, period: Period) -> list[HouseholdSums]:
        rows = self._db.conn.execute(_SUMS_SQL, (period.start.isoformat(), period.end.isoformat()))
        return [HouseholdSums(household_id, int(plus), int(minus)) for household_id, plus, minus in rows]

    def tally(self, period: Period, by: TallyBy) -> list[TallyRow]:
        sums = self.household_sums(period)
        return roll_up(sums, self._households.among(s.household_id for s in sums), by, self._village())

    def board(self, period: Period, on: date | None = None) -> PointsBoard:
        """The board as printed on `on` (today): names only with a basis in effect then (R40, R31)."""
        entries, deductions = self._db.conn.execute(_COUNT_SQL, (period.start.isoformat(),
                                                                 period.end.isoformat())).fetchone()
        scheme = self._schemes.in_force_on(period.end) or self._schemes.current()
        share = scheme.deduction_share if scheme else DEFAULT_DEDUCTION_SHARE
        named = self._named.named_households(on or date.today())
        sums = self.household_sums(period)
        return build_board(self._village(), period, sums, self._households.among(s.household_id for s in sums),
                           named, int(entries), int(deductions), share)
