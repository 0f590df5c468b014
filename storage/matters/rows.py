"""Mapping between 群众说事 rows and their models."""
from __future__ import annotations

from datetime import date
from typing import Any

from models.matters.records import (Channel, EventKind, Matter, MatterClass, MatterEvent, MatterStatus,
                                    OfficerLogEntry, Project, ProjectStage, Raiser, RaiserKind, Rating)
from storage.core.db import Database


def rows(db: Database, sql: str, args: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = db.conn.execute(sql, list(args))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def matter_values(matter: Matter) -> dict[str, Any]:
    """The columns a new matter is written with (number and year/seq are the store's)."""
    raiser = matter.raiser
    return {"raised_on": matter.raised_on.isoformat(), "channel": matter.channel.value, "class": matter.cls.value,
            "text": matter.text, "place": matter.place, "urgency": matter.urgency, "raiser_kind": raiser.kind.value,
            "raiser_ref": raiser.ref, "raiser_name": raiser.name, "raiser_group": raiser.group,
            "raiser_via": raiser.via, "public": int(matter.public), "public_basis": matter.public_basis,
            "status": matter.status.value}


def step_values(matter: Matter) -> dict[str, Any]:
    """The columns the steps (交办, 办结, 回访, 销号, 重新办理, 按决议交办) change, as `matter` holds them: what 撤销 writes
    back."""
    return {"status": matter.status.value, "assignee": matter.assignee, "to_township": int(matter.to_township),
            "deadline": matter.due.isoformat() if matter.due else None, "result": matter.result,
            "rating": matter.rating.value if matter.rating else "", "attempted": int(matter.attempted),
            "reopened": int(matter.reopened), "closed_on": matter.closed_on.isoformat() if matter.closed_on else None,
            "close_reason": matter.close_reason}


def matter(row: dict[str, Any]) -> Matter:
    return Matter(MatterClass(row["class"]), Channel(row["channel"]), row["text"], date.fromisoformat(row["raised_on"]),
                  Raiser(RaiserKind(row["raiser_kind"]), row["raiser_ref"], row["raiser_name"], row["raiser_group"],
                         row["raiser_via"]),
                  row["place"], row["urgency"], bool(row["public"]), row["public_basis"], row["id"], row["number"],
                  MatterStatus(row["status"]), row["assignee"], bool(row["to_township"]), day(row["deadline"]),
                  row["result"], Rating(row["rating"]) if row["rating"] else None, bool(row["attempted"]),
                  bool(row["reopened"]), day(row["closed_on"]), row["close_reason"], row["meeting_id"], row["owner"])


def event(row: dict[str, Any]) -> MatterEvent:
    return MatterEvent(row["matter_id"], date.fromisoformat(row["at"]), EventKind(row["event"]), row["by_name"],
                       row["text"], row["id"])


def log_entry(row: dict[str, Any]) -> OfficerLogEntry:
    return OfficerLogEntry(row["officer"], date.fromisoformat(row["on_date"]), row["text"], row["id"])


def project(row: dict[str, Any]) -> Project:
    return Project(row["project_name"], row["estimate"], row["meeting_id"], row["item_number"], row["funding"],
                   ProjectStage(row["stage"]), row["matter_id"], row["id"], row.get("meeting_number") or "",
                   row["four_two_id"])
