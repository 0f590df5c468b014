"""Mapping between the lists' models and their table rows, and the reads several list stores share."""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from models.lists.entries import ArticleRef, EntryState, ListEntry, ListKind, Objection, Transition
from models.lists.naming import NamingBasis
from storage.core.db import Database
from storage.lists.sources import dict_rows

_DATES = ("occurred_on", "notice_on", "publicity_start", "published_on", "ended_on")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def entry_from_row(row: dict[str, Any]) -> ListEntry:
    article = ArticleRef(row["article_id"], row["article_version_id"], row["article_number"],
                         row["article_text"]) if row["article_id"] else None
    return ListEntry(
        id=row["id"], list_kind=ListKind(row["list_kind"]), period=row["period"], household_id=row["household_id"],
        household_no=row["household_no"], group_name=row["group_name"], subject_name=row["subject_name"],
        facts=row["facts"], proposer_name=row["proposer_name"], proposer_user_id=row["proposer_user_id"],
        state=EntryState(row["state"]), villager_id=row["villager_id"], subject_is_minor=bool(row["subject_is_minor"]),
        article=article, honour=row["honour"], evidence_ids=tuple(json.loads(row["evidence_ids"])),
        consequence=row["consequence"], override_reason=row["override_reason"], override_by=row["override_by"],
        publicity_days=row["publicity_days"], end_reason=row["end_reason"], renews_id=row["renews_id"],
        **{name: _day(row[name]) for name in _DATES})


def entry_to_row(entry: ListEntry) -> dict[str, Any]:
    values = asdict(entry)
    values.pop("id")
    values.pop("article")
    article = entry.article
    values.update(
        list_kind=entry.list_kind.value, state=entry.state.value, subject_is_minor=int(entry.subject_is_minor),
        evidence_ids=json.dumps(list(entry.evidence_ids)),
        article_id=article.article_id if article else "", article_version_id=article.version_id if article else "",
        article_number=article.number if article else "", article_text=article.short_text if article else "",
        **{name: (getattr(entry, name).isoformat() if getattr(entry, name) else None) for name in _DATES})
    return values


def transition_values(transition: Transition) -> dict[str, Any]:
    return {"entry_id": transition.entry_id,
            "from_state": transition.from_state.value if transition.from_state else None,
            "to_state": transition.to_state.value, "on_date": transition.on.isoformat(),
            "actor_id": transition.actor_id, "actor_name": transition.actor_name, "note": transition.note}


def objection_from_row(row: dict[str, Any]) -> Objection:
    return Objection(row["id"], row["entry_id"], date.fromisoformat(row["received_on"]), row["raised_by"],
                     row["content"], row["answer"], _day(row["answered_on"]),
                     None if row["upheld"] is None else bool(row["upheld"]))


def basis_from_row(r: dict[str, Any]) -> NamingBasis:
    return NamingBasis(r["household_id"], r["kind"], r["note"], date.fromisoformat(r["recorded_on"]),
                       _day(r["revoked_on"]), tuple(ListKind(k) for k in r["lists"].split(",") if k),
                       r["villager_id"], bool(r["all_members"]), r["id"], r["revoked_reason"])


def live_entries(db: Database, where: str = "1", params: tuple[Any, ...] = (), order: str = "id") -> list[ListEntry]:
    return [entry_from_row(r) for r in dict_rows(db, f"SELECT * FROM list_entries WHERE deleted = 0 AND {where} "
                                                     f"ORDER BY {order}", params)]
