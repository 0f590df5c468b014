"""Registry search: name, household number, phone, ID number, and pinyin (initials or full)."""
from __future__ import annotations

import re

from models.registry import SearchHit
from storage.db import Database

_PINYIN = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9xX\-]+$")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_registry(db: Database, text: str, show_id: bool, limit: int) -> list[SearchHit]:
    """Villagers (and households by number or phone) matching `text`; ID numbers only if `show_id`.

    Someone who may not see ID numbers can still find a person by the complete number, never by a part.
    """
    text = text.strip()
    if not text:
        return []
    where, params = _villager_condition(text, show_id)
    rows = db.conn.execute(
        "SELECT v.household_id, h.household_no, v.id, v.name FROM villagers v "
        "JOIN households h ON h.id = v.household_id "
        f"WHERE v.deleted = 0 AND h.deleted = 0 AND ({where}) ORDER BY h.household_no, v.position LIMIT :limit",
        params | {"limit": limit}).fetchall()
    hits = [SearchHit(*row) for row in rows]
    if _DIGITS.match(text):
        hits += _households(db, text, {hit.household_id for hit in hits}, limit)
    return hits[:limit]


def _villager_condition(text: str, show_id: bool) -> tuple[str, dict[str, str]]:
    lowered = text.lower()
    if _PINYIN.match(lowered):
        # Latin names have their lower-cased letters as their "pinyin", so this also finds "Alice".
        return ("(' ' || v.name_initials || ' ' || v.name_pinyin) LIKE :key",
                {"key": "% " + lowered + "%"})
    if _DIGITS.match(text):
        id_clause = "v.id_number LIKE :id ESCAPE '\\'" if show_id else "v.id_number = :id"
        return (f"h.household_no LIKE :like ESCAPE '\\' OR v.phone LIKE :like ESCAPE '\\' OR {id_clause}",
                {"like": _like(text), "id": _like(text.upper()) if show_id else text.upper()})
    return "v.name LIKE :like ESCAPE '\\'", {"like": _like(text)}


def _households(db: Database, text: str, seen: set[str], limit: int) -> list[SearchHit]:
    """Households whose number or phone matches but none of whose members did (e.g. an empty household)."""
    rows = db.conn.execute(
        "SELECT id, household_no FROM households WHERE deleted = 0 AND (household_no LIKE :like ESCAPE '\\' "
        "OR phone LIKE :like ESCAPE '\\') ORDER BY household_no LIMIT :limit",
        {"like": _like(text), "limit": limit}).fetchall()
    return [SearchHit(uid, number, None, "") for uid, number in rows if uid not in seen]
