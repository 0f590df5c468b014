"""Roster import results (preview, summary) and the checks across rows: duplicates, two heads, two groups."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.core.changes import Changed, Entity
from models.registry.households import HEAD_RELATION
from models.registry.roster import HEADERS, Rejection, RosterRow


@dataclass(frozen=True)
class RosterPreview:
    """导入预览 — what a roster file holds, before anything is written."""

    headers: list[str]                # the header row as written in the file
    detected: dict[str, str]          # column header in the file → our column (Chinese header)
    unknown_headers: list[str]        # headers that are ignored
    first_rows: list[list[str]]       # the first data rows as written in the file
    first_row_numbers: list[int]      # their spreadsheet row numbers (header = 1)
    total_rows: int
    households: int                   # distinct household numbers among the good rows
    people: int                       # good rows
    rejected: list[Rejection]


@dataclass(frozen=True)
class RosterChange:
    """导入更新 — one registered person a re-import changed: the file row, who, and which columns changed."""

    row: int
    household_no: str
    name: str
    columns: tuple[str, ...]  # Chinese headers (组别 when the household moved); never the values

    def describe(self) -> str:
        return f"第 {self.row} 行 户号 {self.household_no} {self.name}：{'、'.join(self.columns)}"


@dataclass(frozen=True)
class ImportSummary:
    """导入结果 — counts over the good rows; `created` / `updated` count people (see docs/registry.md)."""

    households: int
    people: int
    created: int
    updated: int
    rejected: list[Rejection] = field(default_factory=list)
    new_households: int = 0
    changed_households: int = 0
    changes: list[RosterChange] = field(default_factory=list)  # one per updated person, in file order
    changed: Changed = field(default_factory=lambda: Changed(Entity.VILLAGER))  # the records the import wrote

    def as_json(self) -> dict[str, Any]:
        """Exactly the keys of the issue's contract."""
        return {"households": self.households, "people": self.people, "created": self.created,
                "updated": self.updated,
                "rejected": [{"row": r.row, "column": r.column, "reason": r.reason} for r in self.rejected]}


def check_across_rows(rows: list[RosterRow]) -> tuple[list[RosterRow], list[Rejection]]:
    """Keep the first of conflicting rows and reject the later ones, naming the row they conflict with."""
    kept: list[RosterRow] = []
    problems: list[Rejection] = []
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    heads: dict[str, int] = {}
    groups: dict[str, tuple[str, int]] = {}
    for row in rows:
        problem = _conflict(row, by_id, by_name, heads, groups)
        if problem is not None:
            problems.append(problem)
            continue
        kept.append(row)
        if row.id_number:
            by_id[row.id_number] = row.row
        else:
            by_name[(row.household_no, row.name)] = row.row
        if row.relation == HEAD_RELATION:
            heads[row.household_no] = row.row
        groups.setdefault(row.household_no, (row.group, row.row))
    return kept, problems


def _conflict(row: RosterRow, by_id: dict[str, int], by_name: dict[tuple[str, str], int],
              heads: dict[str, int], groups: dict[str, tuple[str, int]]) -> Rejection | None:
    if row.id_number and row.id_number in by_id:
        return Rejection(row.row, HEADERS["id_number"], f"身份证号与第 {by_id[row.id_number]} 行重复，同一人只能登记一次。")
    if not row.id_number and (row.household_no, row.name) in by_name:
        first = by_name[(row.household_no, row.name)]
        return Rejection(row.row, HEADERS["name"],
                         f"户号 {row.household_no} 中已有同名且无身份证号的“{row.name}”（第 {first} 行），"
                         "无法区分两人；请补上身份证号。")
    if row.relation == HEAD_RELATION and row.household_no in heads:
        return Rejection(row.row, HEADERS["relation"],
                         f"户号 {row.household_no} 已有户主（第 {heads[row.household_no]} 行），一户只能有一位户主。")
    group, first = groups.get(row.household_no, (row.group, row.row))
    if group != row.group:
        return Rejection(row.row, HEADERS["group"],
                         f"户号 {row.household_no} 在第 {first} 行属于“{group}”，这里却是“{row.group}”；同一户只能属于一个组。")
    return None
