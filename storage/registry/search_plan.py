"""How one typed registry search is answered: the exact condition, and the index that narrows it.

Every search has an exact condition on a villager `v` in a household `h` (name, household number, phone, ID number,
pinyin — what the registry matched by scanning before issue 17) and, for digits, one on the household alone (its
number or phone). An index finds the candidates: the trigram FTS for three characters and more, the trigram
vocabulary for one or two (the trigrams the term begins, when they are few), the pinyin word index for letters.
The exact condition then keeps the candidates that really match, so results stay those of the scan. A term so
common that the index would hand over most of the registry has no candidates: it is matched by walking the
households in order, where matches come at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from storage.core.db import Database
from storage.registry.pinyin_keys import initials_prefixes, spells_name
from storage.registry.search_index import DOCUMENTS, refresh_registry_search

_PINYIN = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9xX\-]+$")
MAX_EXPANSION = 64  # trigrams a one- or two-character term may stand for before it counts as common
MAX_EXPANDED_DOCUMENTS = 3000  # …and the documents they may hold
NOTHING = ""  # the match of a term no document holds


@dataclass(frozen=True)
class SearchPlan:
    """`villager_test` on `v` (and `h`); `household_test` on `h` alone (digits only); `match` the FTS query over
    `table` that finds every candidate (None: the term is common, no index narrows it)."""

    villager_test: str
    household_test: str | None
    params: dict[str, object] = field(default_factory=dict)
    table: str = "registry_search"
    match: str | None = None
    # The exact matches from the index alone, for listing households: (FTS table, its query, a test on its
    # document `d`), each part's parameter :part<n>. None: the term is common.
    parts: tuple[tuple[str, str, str], ...] | None = None

    def part_params(self) -> dict[str, str]:
        return {f"part{n}": query for n, (_, query, _) in enumerate(self.parts or ())}

    def household_ids_sql(self) -> str:
        """SQL selecting the household of every exactly matching document, driven by the index."""
        selects = [f"SELECT d.household_id FROM {table} f CROSS JOIN {DOCUMENTS} d ON d.rowid = f.rowid "
                   f"WHERE f.{table} MATCH :part{n}" + (f" AND {test}" if test else "")
                   for n, (table, _, test) in enumerate(self.parts or ())]
        return " UNION ALL ".join(selects) or "SELECT NULL WHERE 0"

    def candidates(self, kind: str) -> str:
        """SQL selecting (ref_id, household_id) of the index's candidate documents of this kind."""
        if self.match == NOTHING:
            return "SELECT NULL AS ref_id, NULL AS household_id WHERE 0"
        return (f"SELECT ref_id, household_id FROM {DOCUMENTS} WHERE kind = '{kind}' AND rowid IN "
                f"(SELECT rowid FROM {self.table} WHERE {self.table} MATCH :match)")

    def probe_sql(self, at_most: int) -> str:
        """SQL counting the index's candidate documents (the index alone, so it costs little), up to `at_most` + 1
        for each part."""
        counts = [f"(SELECT COUNT(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :part{n} "
                  f"LIMIT {int(at_most) + 1}))" for n, (table, _, _) in enumerate(self.parts or ())]
        return "SELECT " + (" + ".join(counts) or "0")

    def villagers_sql(self) -> str:
        """SQL selecting (household_id, villager id) of every matching villager, through the index."""
        members = ("" if self.household_test is None else
                   " UNION SELECT id FROM villagers WHERE household_id IN "
                   f"(SELECT ref_id FROM ({self.candidates('household')}))")
        return ("SELECT v.household_id, v.id FROM villagers v JOIN households h ON h.id = v.household_id "
                f"WHERE v.deleted = 0 AND h.deleted = 0 AND v.id IN (SELECT ref_id FROM "
                f"({self.candidates('villager')}){members}) AND ({self.villager_test})")

    def households_sql(self) -> str:
        """SQL selecting the id of every matching household, through the index."""
        direct = ("" if self.household_test is None else
                  f" UNION SELECT h.id FROM households h WHERE h.deleted = 0 AND h.id IN "
                  f"(SELECT ref_id FROM ({self.candidates('household')})) AND ({self.household_test})")
        return f"SELECT household_id FROM ({self.villagers_sql()}){direct}"

    def exists_sql(self) -> str:
        """A condition on `h`: the household matches (its number or phone, or one of its people), by scanning."""
        people = ("EXISTS (SELECT 1 FROM villagers v WHERE v.household_id = h.id AND v.deleted = 0 "
                  f"AND ({self.villager_test}))")
        return people if self.household_test is None else f"(({self.household_test}) OR {people})"


def plan_search(db: Database, text: str, show_id: bool) -> SearchPlan | None:
    """The plan for `text` (None when it is empty); ID numbers by a part only if `show_id`.

    Someone who may not see ID numbers can still find a person by the complete number, never by a part.
    """
    text = text.strip()
    if not text:
        return None
    refresh_registry_search(db)
    lowered = text.lower()
    if _PINYIN.match(lowered):
        return _pinyin(db, lowered)
    if _DIGITS.match(text):
        return _digits(db, text, show_id)
    match = substring_match(db, text, "name : ")
    return SearchPlan("v.name LIKE :like ESCAPE '\\'", None, {"like": like(text)}, match=match,
                      parts=None if match is None else _parts(("registry_search", match, "")))


def _digits(db: Database, text: str, show_id: bool) -> SearchPlan:
    """A household number, a phone, or an ID number (a part of it only if `show_id`)."""
    id_clause = "v.id_number LIKE :id ESCAPE '\\'" if show_id else "v.id_number = :id"
    match = substring_match(db, text, "")
    parts: tuple[tuple[str, str, str], ...] | None = None
    if match is not None and show_id:
        parts = _parts(("registry_search", match, ""))
    elif match is not None:
        shown = substring_match(db, text, "{phone household_no} : ")
        parts = None if shown is None else _parts(
            ("registry_search", shown, ""),
            ("registry_search", "id_number : " + quote(text), "d.id_number = :id || '  '"))
    return SearchPlan(
        f"h.household_no LIKE :like ESCAPE '\\' OR v.phone LIKE :like ESCAPE '\\' OR {id_clause}",
        "h.household_no LIKE :like ESCAPE '\\' OR h.phone LIKE :like ESCAPE '\\'",
        {"like": like(text), "id": like(text.upper()) if show_id else text.upper()}, match=match, parts=parts)


def _parts(*parts: tuple[str, str, str]) -> tuple[tuple[str, str, str], ...]:
    """The index parts of a plan, without those that can find nothing."""
    return tuple(part for part in parts if part[1] != NOTHING)


def _pinyin(db: Database, typed: str) -> SearchPlan:
    """Initials or full pinyin from the first syllable, or (two letters and more) syllables mixed with initials."""
    # Latin names have their lower-cased letters as their "pinyin", so this also finds "Alice".
    # The keys are lower-case letters and spaces, so GLOB (case-sensitive, no concatenation) is safe.
    whole = ("v.name_initials GLOB :first OR v.name_pinyin GLOB :first "
             "OR v.name_initials GLOB :later OR v.name_pinyin GLOB :later")
    params: dict[str, object] = {"first": typed + "*", "later": "* " + typed + "*"}
    prefixes = [typed]
    if len(typed) >= 2:
        # Mixed full syllables and initials ("wangpg"): only names whose initials start with the first letter
        # and whose full pinyin holds every typed letter in order reach the Python check.
        db.conn.create_function("spells_name", 2, spells_name, deterministic=True)
        whole = (f"{whole} OR ((v.name_initials GLOB :initial OR v.name_initials GLOB :later_initial) "
                 "AND v.name_pinyin GLOB :letters AND spells_name(v.name, :typed))")
        params |= {"initial": typed[0] + "*", "later_initial": "* " + typed[0] + "*",
                   "letters": "*" + "*".join(typed) + "*", "typed": typed}
        prefixes += sorted(initials_prefixes(typed) - {typed})
    match = f'"{typed}"* OR initials : (' + " OR ".join(f'"{prefix}"*' for prefix in prefixes) + ")"
    parts = [("registry_pinyin", f'"{typed}"*', "")]
    if len(prefixes) > 1:
        parts.append(("registry_pinyin", "initials : (" + " OR ".join(f'"{p}"*' for p in prefixes[1:]) + ")",
                      "spells_name(d.name, :typed)"))
    return SearchPlan(f"({whole})", None, params, "registry_pinyin", match, tuple(parts))


def substring_match(db: Database, text: str, column: str) -> str | None:
    """The trigram query finding every document holding `text` in `column` (all columns: ""), or None."""
    if len(text) >= 3:
        return column + quote(text)
    low = text.lower()
    rows = db.conn.execute("SELECT term, doc FROM registry_search_terms WHERE term >= ? AND term < ? LIMIT ?",
                           (low, low + "\U0010ffff", MAX_EXPANSION + 1)).fetchall()
    if not rows:
        return NOTHING  # no document holds it
    if len(rows) > MAX_EXPANSION or sum(doc for _, doc in rows) > MAX_EXPANDED_DOCUMENTS:
        return None
    return column + "(" + " OR ".join(quote(term) for term, _ in rows) + ")"


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
