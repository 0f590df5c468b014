"""乡镇端: each village's disclosure record (on time / late / missing), from the rows its bundles brought."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.disclosures.calendar import Status, obligations
from models.disclosures.catalogue import CatalogueItem
from models.disclosures.records import Publication, with_status


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


def village_record(node: str, name: str, catalogue: Sequence[CatalogueItem], frequent_finance: bool,
                   published: Sequence[Publication], years: Sequence[int], today: date) -> VillageDisclosures:
    """The village's periodic obligations of `years` that were due by `today`, and its published resolutions."""
    periodic = [o for year in years for o in obligations(catalogue, year, frequent_finance) if o.due < today]
    rows = with_status(periodic, published, today)
    late = [f"{o.category} {o.period}" for o, s in rows if s is Status.LATE]
    missing = [f"{o.category} {o.period}" for o, s in rows if s is Status.OVERDUE]
    periods = {(o.kind, o.category, o.period) for o in periodic}
    events = [p for p in published if (p.kind, p.category, p.period) not in periods
              and not p.period[:4].isdigit()]
    late += [f"{p.category} {p.title or p.period}" for p in events if not p.on_time]
    on_time = sum(1 for _, s in rows if s is Status.DONE) + sum(1 for p in events if p.on_time)
    return VillageDisclosures(node, name, on_time, len(late), len(missing), tuple(late), tuple(missing))
