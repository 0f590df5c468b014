"""A period's points tally as spreadsheet rows (headers, text rows) for .xlsx export, as `points tally` shows it:
confirmed records only, by household (户号, never a name), 村民小组, 网格 or the whole village."""
from __future__ import annotations

from collections.abc import Sequence

from models.points.rollup import TallyBy, TallyRow


def tally_headers(by: TallyBy) -> list[str]:
    return ["户号" if by is TallyBy.HOUSEHOLD else by.label, "加分", "扣分", "合计"]


def signed(number: int) -> str:
    """A negative number with the minus sign − (U+2212): a cell starting with "-" or "+" would be a formula to a
    spreadsheet, and write_sheet would quote it (a visible ' before the number)."""
    return f"\u2212{-number}" if number < 0 else str(number)


def tally_rows(rows: Sequence[TallyRow]) -> list[list[str]]:
    """One row per key: 加分, 扣分 (the points taken off, without a sign under its header), the total."""
    return [[row.key, str(row.plus), str(-row.minus), signed(row.total)] for row in rows]
