"""Rows of the points tables ↔ the area's dataclasses."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.lists.entries import PeriodKind
from models.points.goods import Goods, GoodsSource, Redemption
from models.points.ledger import EntryKind, LedgerEntry
from models.points.scheme import Scheme, SchemeItem
from storage.core.db import Database
from storage.registry.pinyin_keys import name_keys


def dict_rows(db: Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def item_from_row(row: dict[str, Any]) -> SchemeItem:
    return SchemeItem(row["code"], row["class_name"], row["name"], row["points"], row["cap"], row["evidence"],
                      row["clause"], name_keys(row["name"])[1])


def scheme_from_row(row: dict[str, Any], items: tuple[SchemeItem, ...]) -> Scheme:
    return Scheme(row["id"], row["version"], date.fromisoformat(row["adopted_on"]), row["meeting_id"], items,
                  PeriodKind(row["period_kind"]), row["resolution"], row["deduction_share"])


def entry_values(entry: LedgerEntry) -> dict[str, Any]:
    return {"household_id": entry.household_id, "household_no": entry.household_no, "on_date": entry.on.isoformat(),
            "points": entry.points, "kind": entry.kind.value, "item_code": entry.item_code,
            "item_name": entry.item_name, "scheme_id": entry.scheme_id, "scheme_version": entry.scheme_version,
            "villager_id": entry.villager_id, "note": entry.note, "evidence": entry.evidence,
            "recorded_by": entry.recorded_by, "recorded_by_name": entry.recorded_by_name,
            "confirmed_by": entry.confirmed_by, "confirmed_by_name": entry.confirmed_by_name,
            "reverses_id": entry.reverses, "reason": entry.reason}


def entry_from_row(row: dict[str, Any]) -> LedgerEntry:
    return LedgerEntry(row["id"], row["household_id"], row["household_no"], date.fromisoformat(row["on_date"]),
                       row["points"], EntryKind(row["kind"]), row["item_code"], row["item_name"], row["scheme_id"],
                       row["scheme_version"], row["villager_id"], row["note"], row["evidence"], row["recorded_by"],
                       row["recorded_by_name"], row["confirmed_by"], row["confirmed_by_name"], row["reverses_id"],
                       row["reason"], row["rejected_by"], row["rejected_by_name"], row["reject_reason"])


def goods_from_row(row: dict[str, Any]) -> Goods:
    return Goods(row["id"], row["name"], row["price"], int(row["stock"] or 0), GoodsSource(row["source"]))


def redemption_from_row(row: dict[str, Any], head_name: str = "") -> Redemption:
    return Redemption(row["id"], row["number"], row["household_id"], row["household_no"], row["goods_id"],
                      row["goods_name"], row["quantity"], row["price"], date.fromisoformat(row["on_date"]),
                      row["clerk_name"], row["entry_id"], head_name, bool(row["reversal_id"]))
