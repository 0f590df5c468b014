"""Rows of the disclosures tables ↔ the area's dataclasses."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from models.disclosures.catalogue import CatalogueItem, DisclosureKind, Place, parse_catalogue
from models.disclosures.records import DisclosureObjection, Publication
from storage.core.db import Database

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "disclosures_catalogue.json"
COUNTY_CATALOGUE = "disclosures_catalogue.json"  # a county's own catalogue, put beside the database file


def dict_rows(db: Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def catalogue_file(db: Database) -> Path:
    """The county's catalogue beside the database when there is one, else the one shipped."""
    county = db.path.parent / COUNTY_CATALOGUE if db.path else None
    return county if county is not None and county.exists() else DEFAULT_CATALOGUE


def read_catalogue(path: Path) -> tuple[CatalogueItem, ...]:
    return parse_catalogue(path.read_text(encoding="utf-8"), f"三务公开目录（{path.name}）")


def publication(row: dict[str, Any]) -> Publication:
    return Publication(DisclosureKind(row["kind"]), row["category"], row["period"],
                       date.fromisoformat(row["start_date"]), date.fromisoformat(row["end_date"]),
                       date.fromisoformat(row["due_date"]), Place(row["place"]), row["posted_by"], row["title"],
                       row["note"], row["id"], row["signed_off_by"],
                       date.fromisoformat(row["signed_off_on"]) if row["signed_off_on"] else None)


def objection(row: dict[str, Any]) -> DisclosureObjection:
    return DisclosureObjection(row["publication_id"], date.fromisoformat(row["received_on"]), row["raised_by"],
                               row["content"], row["answer"],
                               date.fromisoformat(row["answered_on"]) if row["answered_on"] else None, row["id"])


def frequent_finance(db: Database, owner: str | None = None) -> bool:
    """The village's setting (default: monthly, as for a village with many transactions)."""
    sql = "SELECT frequent_finance FROM disclosure_settings WHERE deleted = 0"
    found = db.conn.execute(sql + (" AND owner = ?" if owner else "") + " ORDER BY hlc DESC LIMIT 1",
                            (owner,) if owner else ()).fetchone()
    return bool(found[0]) if found else True
