"""Full-text search of minutes, resolutions and follow-ups: FTS5 trigram, and LIKE for 1–2 characters.

`search_documents` holds one row of text per searchable record (kept current by triggers on the
source tables); `minutes_search` is an FTS5 trigram index over it (external content). Trigram needs at
least three characters, so a shorter term (低保, 医保) is looked up in the index's vocabulary
(`minutes_search_terms`) as the trigrams it begins, or matched with LIKE when it is very common.
Rebuilding a source table (a schema step that changes a column's type) drops its triggers: call
`install_search_triggers` again after it.
"""
from __future__ import annotations

import math
from typing import Any

from models.minutes.meetings import SearchHit
from storage.core.db import Database

MARK_OPEN, MARK_CLOSE = "【", "】"


# What each searchable table contributes to the minutes search (kind, meeting id, text).
SEARCH_SOURCES = {
    "meetings": ("meeting", "NEW.id",
                 "NEW.number || ' ' || NEW.place || ' ' || NEW.host || ' ' || NEW.recorder || ' ' || "
                 "NEW.motion_source || ' ' || NEW.observers || ' ' || NEW.township_attendees || ' ' || NEW.summary"),
    "agenda_items": ("item", "NEW.meeting_id",
                     "NEW.title || ' ' || NEW.proposer || ' ' || NEW.background || ' ' || NEW.discussion || ' ' || "
                     "NEW.resolution || ' ' || NEW.resolution_owner"),
    "follow_ups": ("follow_up", "NEW.meeting_id",
                   "NEW.title || ' ' || NEW.owner_name || ' ' || NEW.result_report"),
    "follow_up_events": ("progress", "(SELECT meeting_id FROM follow_ups WHERE id = NEW.follow_up_id)", "NEW.note"),
    "meeting_amendments": ("amendment", "NEW.meeting_id", "NEW.after_text || ' ' || NEW.reason"),
    "agenda_item_speeches": ("speech", "NEW.meeting_id", "NEW.speaker || '：' || NEW.content"),
}


def _sources(db: Database) -> list[tuple[str, tuple[str, str, str]]]:
    """The search sources whose tables exist yet (an early migration runs before later tables are made)."""
    return [(table, source) for table, source in SEARCH_SOURCES.items() if db.table_exists(table)]


def install_search_triggers(db: Database) -> None:
    """(Re)create every trigger that keeps the search index current."""
    for event in ("insert", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS trg_search_documents_{event}")
    db.execute("""CREATE TRIGGER trg_search_documents_insert AFTER INSERT ON search_documents BEGIN
        INSERT INTO minutes_search(rowid, text) VALUES (NEW.rowid, NEW.text); END""")
    db.execute("""CREATE TRIGGER trg_search_documents_delete AFTER DELETE ON search_documents BEGIN
        INSERT INTO minutes_search(minutes_search, rowid, text) VALUES ('delete', OLD.rowid, OLD.text); END""")
    for table, (kind, meeting_id, text) in _sources(db):
        for event in ("insert", "update"):
            trigger = f"trg_{table}_search_{event}"
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            db.execute(f"""CREATE TRIGGER {trigger} AFTER {event.upper()} ON {table} BEGIN
                DELETE FROM search_documents WHERE ref_id = NEW.id;
                INSERT INTO search_documents(ref_id, kind, meeting_id, text)
                SELECT NEW.id, '{kind}', {meeting_id}, {text} || '  '
                WHERE NEW.deleted = 0 AND {meeting_id} IS NOT NULL; END""")
    _install_orphan_events_trigger(db)


def _install_orphan_events_trigger(db: Database) -> None:
    """A sync import applies rows in change-log order, so a progress note can arrive before its follow-up
    (edited later): it is indexed when the follow-up arrives, instead of failing on its missing meeting."""
    db.execute("DROP TRIGGER IF EXISTS trg_follow_ups_search_events")
    if not (db.table_exists("follow_ups") and db.table_exists("follow_up_events")):
        return
    db.execute("""CREATE TRIGGER trg_follow_ups_search_events AFTER INSERT ON follow_ups BEGIN
        INSERT INTO search_documents(ref_id, kind, meeting_id, text)
        SELECT e.id, 'progress', NEW.meeting_id, e.note || '  ' FROM follow_up_events e
        WHERE e.follow_up_id = NEW.id AND e.deleted = 0
          AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.ref_id = e.id); END""")


def rebuild_search(db: Database) -> None:
    """Refill the index from the source tables (after a sync import or a repair)."""
    db.execute("DELETE FROM search_documents")
    for table, (kind, meeting_id, text) in _sources(db):
        row_meeting = meeting_id.replace("NEW.", f"{table}.")
        row_text = text.replace("NEW.", f"{table}.")
        db.execute(f"INSERT INTO search_documents(ref_id, kind, meeting_id, text) "
                   f"SELECT {table}.id, '{kind}', {row_meeting}, {row_text} || '  ' FROM {table} WHERE deleted = 0")


MAX_EXPANSION = 64  # beyond this a short term is common, and a LIKE scan meets 50 hits early


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Every term must occur. 3+ characters: a trigram phrase. 1–2 characters: the trigrams that start
    with the term (every document ends in two spaces, so each occurrence starts one), or LIKE when
    the term is so common that a scan finds enough hits at once."""
    plan = _plan(db, query)
    if plan is None:
        return []
    source, where, args = plan
    rows = db.conn.execute(f"SELECT d.meeting_id, m.number, m.date, m.type_code, d.kind, d.text FROM {source} "
                           f"JOIN meetings m ON m.id = d.meeting_id AND m.deleted = 0 WHERE {where} LIMIT ?",
                           [*args, limit]).fetchall()
    terms = query.split()
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], highlight(r[5], terms)) for r in rows]


COMMON = 8000  # records: a query estimated to match more is common, and the list walks meetings instead


def meeting_condition(db: Database, query: str, bounded: bool = True) -> tuple[str, list[Any]]:
    """A condition on meetings `m` for the meeting list's text filter: every term in one of the meeting's records.

    A query that matches few records becomes the list of its meetings' ids. A common one (会, 村: nearly every
    meeting) would make that list read every hit, so a `bounded` list (ORDER BY … LIMIT) checks each meeting
    against its own records instead, newest first, and stops at the page's end. Which one is judged from the
    index's own counts (`_estimated_records`), not by reading the hits. LIKE here means what the trigram index
    means: a substring, case folded for ASCII only.
    """
    terms = [t for t in query.split() if t]
    if bounded and terms and min(_estimated_records(db, t) for t in terms) > COMMON:
        likes = " AND ".join("d.text LIKE ? ESCAPE '\\'" for _ in terms)
        return (f"EXISTS (SELECT 1 FROM search_documents d WHERE d.meeting_id = m.id AND {likes})",
                [f"%{_escape_like(t)}%" for t in sorted(terms, key=len, reverse=True)])
    plan = _plan(db, query)
    if plan is None:
        return "0", []
    source, where, args = plan
    where = where.split(" ORDER BY ")[0]
    ids = [r[0] for r in db.conn.execute(f"SELECT DISTINCT d.meeting_id FROM {source} WHERE {where}", args)]
    return (f"m.id IN ({','.join('?' * len(ids))})" if ids else "0"), ids


def _estimated_records(db: Database, term: str) -> float:
    """At most how many records hold `term`, from the trigram vocabulary: a 1–2 character term by the trigrams
    it begins (unbounded past MAX_EXPANSION of them or COMMON records), a longer one by its rarest trigram."""
    low = term.lower()
    if len(low) < 3:
        total = 0
        for number, (records,) in enumerate(db.conn.execute(
                "SELECT doc FROM minutes_search_terms WHERE term >= ? AND term < ?", (low, low + "\U0010ffff"))):
            total += records
            if total > COMMON or number >= MAX_EXPANSION:
                return math.inf  # common enough: the vocabulary is read no further
        return total
    return min(_trigram_records(db, low[i:i + 3]) for i in range(len(low) - 2))


def _trigram_records(db: Database, trigram: str) -> int:
    found = db.conn.execute("SELECT doc FROM minutes_search_terms WHERE term = ?", (trigram,)).fetchone()
    return int(found[0]) if found else 0


def _plan(db: Database, query: str) -> tuple[str, str, list[str]] | None:
    """(FROM, WHERE … ORDER BY, arguments) for the query, or None when it cannot match anything."""
    terms = [t for t in query.split() if t]
    if not terms:
        return None
    groups: list[str] = ['"' + t.replace('"', '""') + '"' for t in terms if len(t) >= 3]
    scanned: list[str] = []
    for term in (t for t in terms if len(t) < 3):
        trigrams = _trigrams_starting(db, term)
        if not trigrams:
            return None  # the term occurs nowhere
        if len(trigrams) > MAX_EXPANSION:
            scanned.append(term)
        else:
            groups.append("(" + " OR ".join('"' + g.replace('"', '""') + '"' for g in trigrams) + ")")
    likes = "".join(" AND d.text LIKE ? ESCAPE '\\'" for _ in scanned)
    like_args = [f"%{_escape_like(t)}%" for t in scanned]
    if groups:
        # Newest first by rowid: FTS5 walks its index backwards and stops at the limit, where ranking
        # by bm25 would score every match (60 ms for a common phrase over 40,000 meetings).
        return ("minutes_search JOIN search_documents d ON d.rowid = minutes_search.rowid",
                "minutes_search MATCH ?" + likes + " ORDER BY minutes_search.rowid DESC",
                [" AND ".join(groups), *like_args])
    return "search_documents d", "1" + likes + " ORDER BY d.rowid DESC", like_args


def _trigrams_starting(db: Database, term: str) -> list[str]:
    low = term.lower()
    return [r[0] for r in db.conn.execute(
        "SELECT term FROM minutes_search_terms WHERE term >= ? AND term < ? LIMIT ?",
        (low, low + "\U0010ffff", MAX_EXPANSION + 1))]


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def highlight(text: str, terms: list[str], width: int = 60) -> str:
    """A window of `text` around the first hit, every occurrence of every term marked 【…】."""
    text = " ".join(text.split())
    lowered = text.lower()
    positions = [p for t in terms if (p := lowered.find(t.lower())) >= 0]
    first = min(positions) if positions else 0
    start = max(0, first - width // 3)
    window = text[start:start + width]
    spans = _spans(window.lower(), [t.lower() for t in terms])
    marked = "".join(_mark(window, spans))
    return ("…" if start > 0 else "") + marked + ("…" if start + width < len(text) else "")


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = text.find(term)
        while at >= 0:
            spans.append((at, at + len(term)))
            at = text.find(term, at + 1)
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def _mark(text: str, spans: list[tuple[int, int]]) -> list[str]:
    parts: list[str] = []
    cursor = 0
    for begin, end in spans:
        parts += [text[cursor:begin], MARK_OPEN, text[begin:end], MARK_CLOSE]
        cursor = end
    parts.append(text[cursor:])
    return parts
