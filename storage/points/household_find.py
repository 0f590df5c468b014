"""The household a clerk types in 积分制's household fields (录入, 台账与冲正, 爱心超市), found through the registry's
search index (issue 17): every keystroke, one character included, within 30 ms over a county's 37,500 households.

The rules are `models.points.rollup.find_households`' over `PointsHouseholds.households()`: first the household of
this number (12 finds 0012), then, in number order, a number holding the digits, a head (or, with no head, the first
member) whose name holds the text, or one of whose pinyin initials variants begins with it. The SQL tests those
rules on every household it reads; the index only says which households to read. A household's head is a
villager, so the villagers' documents of `registry_search_documents` whose name or initials could match name every
household that could: those of the documents' households (the first member) and those the documents' villagers
head. A term so common that the index would hand over thousands of documents (one Chinese character, one letter,
one or two digits) is matched by walking the households in number order (m099's index), where the first matches
come at once.
"""
from __future__ import annotations

import json
from typing import Any

from storage.core.db import Database
from storage.registry.search_index import DOCUMENTS, refresh_registry_search
from storage.registry.search_plan import NOTHING, quote, substring_match

# Candidate documents the index may hand over before walking the households in order is the faster way: a
# candidate costs about 50 µs while the page cache is cold (its document, household and head decrypted), a
# household walked about 5 µs; over the county's 150,000 people no term above 500 documents walked further than
# 4,650 households for its fifth match (cold: 26 ms).
FEW = 500
LONGEST_NUMBER = 32  # zero-padded forms tried for "12" (0012, 00012, …): the roster allows 20 characters
_HEAD = "FROM villagers v WHERE v.household_id = h.id AND v.deleted = 0 ORDER BY v.relation != '户主', v.position LIMIT 1"
# The households as PointsHouseholds.households() reads them (the head, or else the first member), tested by
# {test} on `n`, in number order: all of them (walked in m099's idx_households_in_order), or those of {drive}
# (ids, or numbers: a CROSS JOIN, so the planner looks them up rather than walking the households in order).
_SQL = f"""
    SELECT n.id, n.household_no, n.name, n.initials, COALESCE(g.name, ''), COALESCE(gr.name, '')
    FROM (SELECT h.id, h.household_no, h.group_id, h.grid_id,
                 COALESCE(head.name, (SELECT v.name {_HEAD}), '') AS name,
                 COALESCE(head.name_initials, (SELECT v.name_initials {_HEAD}), '') AS initials
          FROM {{drive}}households h LEFT JOIN villagers head ON head.id = h.head_id AND head.deleted = 0
          WHERE h.deleted = 0 AND h.owner = :node{{on}}) n
    LEFT JOIN village_groups g ON g.id = n.group_id LEFT JOIN grids gr ON gr.id = n.grid_id
    WHERE {{test}} ORDER BY CAST(n.household_no AS INTEGER), n.household_no LIMIT :limit"""
# find_households' rules: the number itself (an index look-up of each zero-padded form), then the others.
_EXACT = "n.household_no IN (SELECT value FROM json_each(:numbers))"
_OTHER = ("((:digits AND instr(n.household_no, :text) > 0) OR instr(n.name, :text) > 0 "
          "OR (NOT :spaced AND instr(' ' || n.initials, ' ' || :text) > 0))")


def find_households(db: Database, typed: str, limit: int) -> list[tuple[Any, ...]]:
    """The rows (id, number, head's name, initials, group, grid) find_households finds, at most `limit`."""
    text = typed.strip().lower()
    if not text or limit <= 0:
        return []
    params: dict[str, Any] = {"node": db.node_id, "text": text, "digits": text.isdigit(),
                              "spaced": any(ch.isspace() for ch in text), "numbers": _numbers(text),
                              "limit": limit}
    exact = db.conn.execute(_SQL.format(drive="json_each(:numbers) k CROSS JOIN ", on=" AND h.household_no = k.value",
                                        test="1"), params).fetchall()
    if len(exact) >= limit:
        return exact
    params["limit"] = limit - len(exact)
    candidates = _candidates(db, text, params)
    drive, on = ("", "") if candidates is None else (f"({candidates}) c CROSS JOIN ", " AND h.id = c.id")
    return exact + db.conn.execute(_SQL.format(drive=drive, on=on, test=f"NOT {_EXACT} AND {_OTHER}"),
                                   params).fetchall()


def _numbers(text: str) -> str:
    """The household numbers that are `text` itself: the text, and for digits each zero-padded form."""
    forms = {text}
    if text.isdigit():
        short = text.lstrip("0")
        forms |= {"0" * zeros + short for zeros in range(max(LONGEST_NUMBER, len(text)) - len(short) + 1)}
    return json.dumps(sorted(forms))


def _candidates(db: Database, text: str, params: dict[str, Any]) -> str | None:
    """SQL selecting the `id` of each household the index finds could match (None when the term is common)."""
    refresh_registry_search(db)
    parts = _parts(db, text)
    if parts is None:
        return None
    rowids: list[int] = []  # each index is asked once: its documents' rowids, up to one more than FEW
    for table, query in parts:
        if query != NOTHING:
            rowids += [rowid for (rowid,) in db.conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT {FEW + 1}", (query,))]
        if len(rowids) > FEW:
            return None
    params["documents"] = json.dumps(rowids)
    # The documents' households (a number, or the first member), and those the documents' villagers head.
    return (f"WITH found(ref_id, household_id) AS MATERIALIZED (SELECT d.ref_id, d.household_id FROM "
            f"json_each(:documents) j CROSS JOIN {DOCUMENTS} d ON d.rowid = j.value) "
            "SELECT household_id AS id FROM found UNION SELECT id FROM households WHERE deleted = 0 "
            "AND head_id IN (SELECT ref_id FROM found)")


def _parts(db: Database, text: str) -> list[tuple[str, str]] | None:
    """(FTS table, query) finding every document that could match; None when one of them is too common to say."""
    if text.isdigit() and len(text) < 3:
        return None  # in most numbers (the index's vocabulary would take 5 ms to say so, counting phones and IDs)
    # Digits may be in a number or a name: one trigram query over both columns reads the digits' trigrams once.
    held = substring_match(db, text, "{name household_no} : " if text.isdigit() else "name : ")
    parts = None if held is None else [("registry_search", held)]
    if parts is not None and not any(ch.isspace() for ch in text):
        marks = [ch for ch in text if not ch.isalnum()]
        if marks:
            # The word index drops what is no letter or digit (its query would be the letters alone). Such an
            # initial is a character without a pinyin reading, standing for itself: the head's name holds it.
            held = substring_match(db, marks[0], "name : ")
            parts = None if held is None else parts + [("registry_search", held)]
        else:
            parts.append(("registry_pinyin", "initials : " + quote(text) + "*"))
    return parts
