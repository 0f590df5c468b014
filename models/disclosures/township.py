"""乡镇端: each village's disclosure record (on time / late / missing), from the rows its bundles brought."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from models.disclosures.calendar import Obligation, Status, is_period, status

# (kind, category, period) → (first posting's start, its due day)
FirstPostings = Mapping[tuple[str, str, str], tuple[date, date]]


@dataclass(frozen=True)
class VillageDisclosures:
    """One village's record: periodic items whose due day has passed, by how they were met; resolutions'
    disclosures are counted when published (the township does not see undisclosed resolutions)."""

    node: str
    name: str
    on_time: int
    late: int
    missing: int
    late_items: tuple[str, ...] = ()
    missing_items: tuple[str, ...] = ()


def village_record(node: str, name: str, periodic: Sequence[Obligation], posted: FirstPostings,
                   today: date) -> VillageDisclosures:
    """The village's record against `periodic` (its obligations due before `today`) and the first posting of
    each item it published; a posting of no periodic item (a resolution's) counts by its own due day."""
    late: list[str] = []
    missing: list[str] = []
    on_time = 0
    keys = set()
    for o in periodic:
        key = (o.kind.value, o.category, o.period)
        keys.add(key)
        first = posted.get(key)
        found = status(o, first[0] if first else None, today)
        if found is Status.DONE:
            on_time += 1
        elif found is Status.LATE:
            late.append(f"{o.category} {o.period}")
        elif found is Status.OVERDUE:
            missing.append(f"{o.category} {o.period}")
    for key, (start, due) in posted.items():
        if key not in keys and not is_period(key[2]):
            if start <= due:
                on_time += 1
            else:
                late.append(f"{key[1]} {key[2]}")
    return VillageDisclosures(node, name, on_time, len(late), len(missing), tuple(late), tuple(missing))
