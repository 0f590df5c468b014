"""财务公开表: the month's income and expense lines as the accounts export them, checked against their 合计 row.

We do not keep the books: the lines are the village accountant's, imported to be printed and kept with the board."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from models.core.errors import DomainError

COLUMNS = ("日期", "摘要", "收入", "支出")
TOTAL = "合计"


@dataclass(frozen=True)
class FinanceLine:
    """收支明细一行 — amounts in fen (分), so sums are exact."""

    on: date
    summary: str
    income: int
    expense: int
    id: str = ""


@dataclass(frozen=True)
class FinanceSheet:
    """某月财务公开表."""

    month: str
    lines: tuple[FinanceLine, ...]

    @property
    def income(self) -> int:
        return sum(line.income for line in self.lines)

    @property
    def expense(self) -> int:
        return sum(line.expense for line in self.lines)


def yuan(fen: int) -> str:
    """12345 → "123.45"."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def check_month(month: str) -> tuple[int, int]:
    try:
        year, number = (int(part) for part in month.split("-"))
        date(year, number, 1)
    except ValueError:
        raise DomainError(f"月份“{month}”看不懂。请写成 2026-11 这样的形式。") from None
    return year, number


def _fen(text: object, line: int, column: str) -> int:
    raw = "" if text is None else str(text).strip().replace(",", "")
    if raw == "":
        return 0
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise DomainError(f"第 {line} 行的{column}“{raw}”不是金额。") from None
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise DomainError(f"第 {line} 行的{column}“{raw}”须为不小于零、最多两位小数的金额。")
    return int(value * 100)


def _day(value: object, line: int, month: tuple[int, int]) -> date:
    if isinstance(value, datetime):  # a spreadsheet's date cell
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip().replace("/", "-"))
        except ValueError:
            raise DomainError(f"第 {line} 行的日期“{value}”看不懂。请写成 2026-11-05。") from None
    if (day.year, day.month) != month:
        raise DomainError(f"第 {line} 行的日期 {day} 不在 {month[0]}-{month[1]:02d} 月内。")
    return day


def parse_sheet(rows: Sequence[Sequence[object]], month: str) -> FinanceSheet:
    """The sheet of `rows` (the header first, the 合计 row last; blank rows skipped), refused naming the line
    (the file's row number) when a line is not understood or the 合计 row does not equal the sums."""
    wanted = check_month(month)
    numbered = [(n, [("" if c is None else c) for c in row]) for n, row in enumerate(rows, 1)
                if any(str(c).strip() for c in row if c is not None)]
    if not numbered:
        raise DomainError("文件是空的。第一行应为表头：日期、摘要、收入、支出。")
    header_line, header = numbered[0]
    names = [str(c).strip() for c in header]
    if any(name not in names for name in COLUMNS):
        raise DomainError(f"第 {header_line} 行应为表头，须有列：{'、'.join(COLUMNS)}。")
    at = {name: names.index(name) for name in COLUMNS}

    def cell(row: list[object], name: str) -> object:
        return row[at[name]] if at[name] < len(row) else ""

    body = numbered[1:]
    if not body or TOTAL not in (str(cell(body[-1][1], "日期")).strip(), str(cell(body[-1][1], "摘要")).strip()):
        raise DomainError("最后一行应为“合计”行（收入合计、支出合计）。")
    lines = tuple(FinanceLine(_day(cell(row, "日期"), n, wanted), _summary(cell(row, "摘要"), n),
                              _fen(cell(row, "收入"), n, "收入"), _fen(cell(row, "支出"), n, "支出"))
                  for n, row in body[:-1])
    total_line, total = body[-1]
    sheet = FinanceSheet(month, lines)
    for column, summed in (("收入", sheet.income), ("支出", sheet.expense)):
        stated = _fen(cell(total, column), total_line, column)
        if stated != summed:
            raise DomainError(f"第 {total_line} 行“合计”的{column} {yuan(stated)} 与各行之和 {yuan(summed)} 不符。"
                              "请核对后重新导出。")
    return sheet


def _summary(value: object, line: int) -> str:
    text = str(value).strip()
    if not text:
        raise DomainError(f"第 {line} 行的摘要是空的。")
    return text
