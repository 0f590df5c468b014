"""Roster import: check every row, then write the good ones in one transaction with batched statements."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable

from models.core.accounts import Actor
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.core.ids import new_id
from models.registry.households import HEAD_RELATION
from models.registry.roster import HEADERS, Rejection, RosterRow, map_headers, missing_headers, parse_row
from models.registry.roster_import import ImportSummary, RosterChange, RosterPreview, check_across_rows
from storage.core.audit import append_audit
from storage.core.db import Database
from storage.registry.pinyin_keys import name_keys
from storage.registry.roster_files import read_sheet
from storage.core.tracking import log_rows, log_triggers_quiet, now_iso
from storage.registry.search_index import refresh_registry_search

Progress = Callable[[int, int], None]
# Stored villager column → roster header, for telling the clerk which columns an import changed.
_CHANGED_HEADERS = {**{key: HEADERS[key] for key in ("name", "relation", "gender", "id_number", "birth_date",
                                                     "ethnicity", "phone", "political_status")},
                    "household_id": HEADERS["household_no"]}


@dataclass
class CheckedFile:
    """A roster file read and checked: good rows, problems, and what the header looked like."""

    headers: list[str]
    rows: list[RosterRow]
    rejected: list[Rejection]
    detected: dict[str, str]
    unknown: list[str]
    sheet_rows: list[tuple[int, list[Any]]]  # as read; only the preview turns them into text


def row_texts(sheet_rows: list[tuple[int, list[Any]]]) -> list[list[str]]:
    return [["" if c is None else str(c) for c in cells] for _, cells in sheet_rows]


def check_file(path: Path, today: date | None = None) -> CheckedFile:
    sheet = read_sheet(path)
    found, unknown = map_headers(sheet.headers)
    if missing := missing_headers(found):
        raise DomainError(f"花名册缺少必需的列：{'、'.join(missing)}。找到的列：{'、'.join(sheet.headers)}。")
    good: list[RosterRow] = []
    rejected: list[Rejection] = []
    today = today or date.today()
    columns = list(found.items())
    width = max(found.values()) + 1
    for number, cells in sheet.rows:
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        row, problems = parse_row(number, {key: cells[i] for key, i in columns}, today)
        rejected += problems
        if row is not None:
            good.append(row)
    kept, conflicts = check_across_rows(good)
    detected = {sheet.headers[i]: HEADERS[k] for k, i in sorted(found.items(), key=lambda item: item[1])}
    problems = sorted(rejected + conflicts, key=lambda r: r.row)
    return CheckedFile(sheet.headers, kept, problems, detected, unknown, sheet.rows)


def preview_roster(path: Path, rows: int = 20) -> RosterPreview:
    checked = check_file(path)
    first = checked.sheet_rows[:rows]
    return RosterPreview(checked.headers, checked.detected, checked.unknown, row_texts(first),
                         [number for number, _ in first], len(checked.sheet_rows),
                         len({r.household_no for r in checked.rows}), len(checked.rows), checked.rejected)


def import_roster(db: Database, actor: Actor, path: Path, progress: Progress | None = None) -> ImportSummary:
    checked = check_file(path)
    return apply_rows(db, actor, checked.rows, checked.rejected, f"花名册导入“{path.name}”", progress)


def apply_rows(db: Database, actor: Actor, rows: list[RosterRow], rejected: list[Rejection], label: str,
               progress: Progress | None = None) -> ImportSummary:
    """Write checked rows in one transaction; one audit entry sums the batch up (the change log has every row)."""
    # A 20,000-person import dirties ~30 MB of pages; SQLite's default 2 MB page cache would spill them
    # to the WAL mid-transaction. The cap only matters while that much is dirty.
    db.conn.execute("PRAGMA cache_size = -65536")
    with db.atomic():
        plan = _Plan(db, progress or (lambda done, total: None), len(rows))
        for row in rows:
            plan.take(row)
        plan.write()
        summary = plan.summary(rows, rejected)
        append_audit(db, actor, "import", "villagers", new_id(), _audit_text(label, summary))
    refresh_registry_search(db)  # now, while the clerk waits on the import, not at the first search
    return summary


def _audit_text(label: str, summary: ImportSummary) -> str:
    return (f"{label}：{summary.households} 户 {summary.people} 人，新建 {summary.created} 人、"
            f"更新 {summary.updated} 人，新建 {summary.new_households} 户、调整 {summary.changed_households} 户，"
            f"拒绝 {len({r.row for r in summary.rejected})} 行")


@dataclass
class _Plan:
    """Everything the import will write, resolved against the registry before any statement runs."""

    db: Database
    progress: Progress
    total: int
    groups: dict[str, str] = field(default_factory=dict)             # name → id
    households: dict[str, dict[str, Any]] = field(default_factory=dict)  # household_no → row
    by_id_number: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    next_position: dict[str, int] = field(default_factory=dict)
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    changes: list[RosterChange] = field(default_factory=list)
    seen: int = 0
    stamp: str = field(default_factory=now_iso)

    def __post_init__(self) -> None:
        conn = self.db.conn
        self.groups = dict(conn.execute("SELECT name, id FROM village_groups WHERE deleted = 0 ORDER BY position"))
        self.households = {r["household_no"]: r for r in _dicts(conn, "SELECT * FROM households WHERE deleted = 0")}
        numbers = {r["id"]: r["household_no"] for r in self.households.values()}
        for person in _dicts(conn, "SELECT * FROM villagers WHERE deleted = 0"):
            if person["id_number"]:
                self.by_id_number[person["id_number"]] = person
            else:
                self.by_name[(numbers.get(person["household_id"], ""), person["name"])] = person
            spot = self.next_position.get(person["household_id"], 0)
            self.next_position[person["household_id"]] = max(spot, person["position"] + 1)

    def take(self, row: RosterRow) -> None:
        household = self._household(row)
        values = _villager_values(row, household["id"])
        stored = self.by_id_number.get(row.id_number) if row.id_number else None
        stored = stored or self.by_name.get((row.household_no, row.name))
        if stored is None:
            self._create_villager(values, household)
        else:
            self._update_villager(stored, values, household, row)
        if row.relation == HEAD_RELATION and household.get("head_id") != household["_villager"]:
            self._change("households", household, {"head_id": household["_villager"]})
            if household["_new"] and not household["phone"]:
                household["phone"] = row.phone
        self.seen += 1
        if self.seen % 1000 == 0:
            self.progress(self.seen, self.total)

    def _household(self, row: RosterRow) -> dict[str, Any]:
        group_id = self._group(row.group)
        household = self.households.get(row.household_no)
        if household is None:
            household = stamped(self.db, {"household_no": row.household_no, "group_id": group_id, "grid_id": None,
                                          "address": "", "head_id": None, "phone": "", "care_level": "green",
                                          "notes": ""}, self.stamp)
            household["_new"], household["_moved"] = True, False
            self.households[row.household_no] = household
            self.inserts.setdefault("households", []).append(household)
        elif household["group_id"] != group_id:
            self._change("households", household, {"group_id": group_id, "grid_id": None})
            household["_moved"] = True
        household.setdefault("_new", False)
        household.setdefault("_moved", False)
        return household

    def _group(self, name: str) -> str:
        if name not in self.groups:
            digits = "".join(ch for ch in name if ch.isdigit())
            position = int(digits) if digits else 100 + len(self.groups)
            group = stamped(self.db, {"name": name, "position": position}, self.stamp)
            self.inserts.setdefault("village_groups", []).append(group)
            self.groups[name] = group["id"]
        return self.groups[name]

    def _create_villager(self, values: dict[str, Any], household: dict[str, Any]) -> None:
        position = self.next_position.get(household["id"], 0)
        self.next_position[household["id"]] = position + 1
        person = {"id": new_id(), "owner": self.db.node_id, "hlc": self.db.next_hlc(), "deleted": 0,
                  "created_at": self.stamp, "updated_at": self.stamp, **values, "position": position, "away": 0,
                  "away_place": "", "status": "active", "status_date": None}  # as stamped(), one dict fewer
        self.inserts.setdefault("villagers", []).append(person)
        household["_villager"] = person["id"]
        self.created += 1

    def _update_villager(self, stored: dict[str, Any], values: dict[str, Any], household: dict[str, Any],
                         row: RosterRow) -> None:
        changes = {k: v for k, v in values.items() if v not in ("", None) and stored.get(k) != v}
        columns = [_CHANGED_HEADERS[k] for k in _CHANGED_HEADERS if k in changes]
        if "household_id" in changes:
            self._leave_household(stored)
            changes["position"] = self.next_position.get(household["id"], 0)  # joins at the end
            self.next_position[household["id"]] = changes["position"] + 1
        if changes:
            self._change("villagers", stored, changes)
        if household["_moved"]:
            columns.insert(0, HEADERS["group"])
        if changes or household["_moved"]:
            self.updated += 1
            self.changes.append(RosterChange(row.row, row.household_no, row.name, tuple(columns or ["姓名拼音"])))
        household["_villager"] = stored["id"]

    def _leave_household(self, stored: dict[str, Any]) -> None:
        """A person who moves to another household stops heading the old one."""
        old = next((h for h in self.households.values() if h["id"] == stored["household_id"]), None)
        if old is not None and old.get("head_id") == stored["id"]:
            self._change("households", old, {"head_id": None})

    def _change(self, table: str, row: dict[str, Any], changes: dict[str, Any]) -> None:
        row.update(changes)
        if row.get("_new"):
            return  # still to be inserted: the insert carries the new values
        pending = self.updates.setdefault(table, {}).setdefault(row["id"], {})
        pending.update(changes)

    def write(self) -> None:
        """Batched statements; the change log gets every row too, in write order, one statement per batch."""
        with log_triggers_quiet(self.db):
            for table in ("village_groups", "households", "villagers"):
                rows = self.inserts.get(table, [])
                insert_many(self.db, table, rows)
                log_rows(self.db, table, [row["id"] for row in rows])
            for table, changes in self.updates.items():
                update_many(self.db, table, changes)
                log_rows(self.db, table, list(changes))
        self.progress(self.total, self.total)

    def summary(self, rows: list[RosterRow], rejected: list[Rejection]) -> ImportSummary:
        new_households = len(self.inserts.get("households", []))
        return ImportSummary(len({r.household_no for r in rows}), len(rows), self.created, self.updated,
                             rejected, new_households, len(self.updates.get("households", {})), self.changes,
                             self.changed())

    def changed(self) -> Changed:
        """The villagers, households and groups written (named even when none was: the import was looked at)."""
        parts = [Changed(entity, frozenset(row["id"] for row in self.inserts.get(table, [])) |
                         frozenset(self.updates.get(table, {})))
                 for table, entity in (("villagers", Entity.VILLAGER), ("households", Entity.HOUSEHOLD),
                                       ("village_groups", Entity.VILLAGE_GROUP))]
        return parts[0] | parts[1] | parts[2]


def _villager_values(row: RosterRow, household_id: str) -> dict[str, Any]:
    full, initials = name_keys(row.name)  # cached per distinct name
    born = row.birth_date
    return {"name": row.name, "relation": row.relation, "gender": row.gender.value if row.gender else None,
            "id_number": row.id_number, "birth_date": born.isoformat() if born else None,
            "ethnicity": row.ethnicity, "phone": row.phone, "political_status": row.political_status,
            "household_id": household_id, "name_pinyin": full, "name_initials": initials}


def stamped(db: Database, values: dict[str, Any], stamp: str | None = None) -> dict[str, Any]:
    """A new synced row: fresh id and version; `stamp` lets one batch share its created_at."""
    stamp = stamp or now_iso()
    return {"id": new_id(), "owner": db.node_id, "hlc": db.next_hlc(), "deleted": 0, "created_at": stamp,
            "updated_at": stamp, **values}


def insert_many(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [c for c in rows[0] if not c.startswith("_")]
    pick = itemgetter(*columns)
    db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        map(pick, rows))


def update_many(db: Database, table: str, changes: dict[str, dict[str, Any]]) -> None:
    stamp = now_iso()
    for row_id, values in changes.items():
        values = values | {"hlc": db.next_hlc(), "updated_at": stamp}
        db.conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                        [*values.values(), row_id])


def _dicts(conn: Any, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
