"""签到表 → 批量记分: which households a sign-in sheet (or a list of 户号) names, each row checked, so a batch is
written whole or not at all (issue 21). A row names its household by 户号, or by 户主姓名 matching exactly one head
of household; an unknown household, an ambiguous name or the same household twice refuses the whole batch, naming
the row."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.core.errors import DomainError
from models.points.rollup import PointsHousehold

NUMBER_HEADER, HEAD_HEADER = "户号", "户主姓名"
HEADER_SEARCH_ROWS = 10  # a title such as “3月12日卫生大扫除签到表” may sit above the header


@dataclass(frozen=True)
class BatchRow:
    """A household of the batch and where it came from (“签到表第5行”, “第2个户号”), for a refusal to name."""

    household_no: str
    source: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def numbers_rows(numbers: str) -> list[BatchRow]:
    """`--households 0001,0002,…` (comma, 、 or ，), every number checked against the registry by the batch."""
    parts = [p.strip() for p in numbers.replace("，", ",").replace("、", ",").split(",")]
    rows = [BatchRow(p, f"第{i}个户号") for i, p in enumerate(parts, 1) if p]
    if not rows:
        raise DomainError("没有给出户号。请用 --households 0001,0002 列出户号，或用 --sheet 给出签到表。")
    return rows


def sheet_rows(table: Sequence[Sequence[Any]], households: Sequence[PointsHousehold]) -> list[BatchRow]:
    """The households of a sign-in sheet's cells (rows as read, numbered from 1 as a spreadsheet numbers them)."""
    headers = [[_text(c) for c in row] for row in table[:HEADER_SEARCH_ROWS]]
    index = next((i for i, h in enumerate(headers) if NUMBER_HEADER in h or HEAD_HEADER in h), None)
    if index is None:
        raise DomainError(f"签到表中没有找到“{NUMBER_HEADER}”或“{HEAD_HEADER}”列。请在表头写上其中一列，每户一行。")
    header = headers[index]
    number_col = header.index(NUMBER_HEADER) if NUMBER_HEADER in header else None
    head_col = header.index(HEAD_HEADER) if HEAD_HEADER in header else None
    numbers = {h.household_no for h in households}
    by_head: dict[str, list[PointsHousehold]] = {}
    for household in households:
        by_head.setdefault(household.head_name, []).append(household)
    rows: list[BatchRow] = []
    for number, cells in enumerate(table[index + 1:], start=index + 2):
        values = [_text(c) for c in cells]
        if not any(values):
            continue
        source = f"签到表第{number}行"
        cell = values[number_col] if number_col is not None and number_col < len(values) else ""
        if cell:
            rows.append(BatchRow(_household_no(cell, numbers), source))
            continue
        name = values[head_col] if head_col is not None and head_col < len(values) else ""
        if not name:
            raise DomainError(f"{source}没有户号，也没有户主姓名。请补上或删去这一行；一户也没有记。")
        found = by_head.get(name, [])
        if len(found) != 1:
            why = (f"户籍中没有户主叫“{name}”" if not found else
                   f"户主叫“{name}”的有 {len(found)} 户（户号 {'、'.join(h.household_no for h in found)}）")
            raise DomainError(f"{source}：{why}。请在这一行写上户号；一户也没有记。")
        rows.append(BatchRow(found[0].household_no, source))
    if not rows:
        raise DomainError("签到表中没有一户。请在表头下每户写一行。")
    return rows


def _household_no(cell: str, numbers: set[str]) -> str:
    """户号 as written: a spreadsheet may have dropped the leading zeros of 0007 (a number cell)."""
    if cell in numbers or not cell.isdigit():
        return cell
    padded = next((n for n in numbers if n.isdigit() and int(n) == int(cell)), None)
    return padded or cell


def check_distinct(rows: Sequence[BatchRow]) -> None:
    """One entry per household and event: the same household twice is a slip of the pen, not a second award."""
    seen: dict[str, str] = {}
    for row in rows:
        if row.household_no in seen:
            raise DomainError(f"{row.source}与{seen[row.household_no]}是同一户（户号 {row.household_no}），"
                              "一次活动每户只记一条。请删去重复的一行；一户也没有记。")
        seen[row.household_no] = row.source
