"""Registry search: name, household number, phone, ID number, and pinyin (initials, full, or mixed)."""
from __future__ import annotations

import re

from models.registry.households import SearchHit
from storage.core.db import Database
from storage.registry.pinyin_keys import spells_name

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
    where, params = _villager_condition(db, text, show_id)
    rows = db.conn.execute(
        "SELECT v.household_id, h.household_no, v.id, v.name FROM villagers v "
        "JOIN households h ON h.id = v.household_id "
        f"WHERE v.deleted = 0 AND h.deleted = 0 AND ({where}) ORDER BY h.household_no, v.position LIMIT :limit",
        params | {"limit": limit}).fetchall()
    hits = [SearchHit(*row) for row in rows]
    if _DIGITS.match(text):
        hits += _households(db, text, {hit.household_id for hit in hits}, limit)
    return hits[:limit]


def matching_ids(db: Database, text: str, show_id: bool) -> tuple[set[str], set[str]]:
    """(household ids, villager ids) of every match, unordered: what a search-as-you-type filter needs.

    The same matches as `search_registry` without a limit; no join, no sort and no hit objects, so a
    one-letter query over 20,000 people stays well inside a keystroke.
    """
    text = text.strip()
    if not text:
        return set(), set()
    where, params = _villager_condition(db, text, show_id)
    rows = db.conn.execute(
        "SELECT v.household_id, v.id FROM villagers v JOIN households h ON h.id = v.household_id "
        f"WHERE v.deleted = 0 AND h.deleted = 0 AND ({where})", params).fetchall()
    households, people = {row[0] for row in rows}, {row[1] for row in rows}
    if _DIGITS.match(text):
        households |= {hit.household_id for hit in _households(db, text, households, 1_000_000)}
    return households, people


def _villager_condition(db: Database, text: str, show_id: bool) -> tuple[str, dict[str, str]]:
    lowered = text.lower()
    if _PINYIN.match(lowered):
        # Latin names have their lower-cased letters as their "pinyin", so this also finds "Alice".
        # The keys are lower-case letters and spaces, so GLOB (case-sensitive, no concatenation) is safe
        # and about twice as fast as LIKE over one concatenated string.
        whole = ("v.name_initials GLOB :first OR v.name_pinyin GLOB :first "
                 "OR v.name_initials GLOB :later OR v.name_pinyin GLOB :later")
        params = {"first": lowered + "*", "later": "* " + lowered + "*"}
        if len(lowered) < 2:
            return f"({whole})", params
        # Mixed full syllables and initials ("wangpg"): only names whose initials start with the first letter
        # and whose full pinyin holds every typed letter in order reach the Python check, a few per keystroke.
        db.conn.create_function("spells_name", 2, spells_name, deterministic=True)
        mixed = ("((v.name_initials GLOB :initial OR v.name_initials GLOB :later_initial) "
                 "AND v.name_pinyin GLOB :letters AND spells_name(v.name, :typed))")
        return f"({whole} OR {mixed})", params | {
            "initial": lowered[0] + "*", "later_initial": "* " + lowered[0] + "*",
            "letters": "*" + "*".join(lowered) + "*", "typed": lowered}
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
