"""SqliteDisclosureDesk: each village's disclosure record on the township's installation, from its bundles."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from models.disclosures.calendar import Obligation, obligations
from models.disclosures.catalogue import CatalogueItem
from models.disclosures.township import VillageDisclosures, village_record
from storage.core.db import Database
from storage.disclosures import rows as load


class SqliteDisclosureDesk:
    """Implements models.disclosures.ports.DisclosureDesk: every village whose profile arrived, with its record
    of the last `years` years (the county's catalogue of this installation applies to all its villages)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def village_records(self, today: date, years: int = 1) -> list[VillageDisclosures]:
        catalogue: tuple[CatalogueItem, ...] = load.read_catalogue(load.catalogue_file(self._db))
        villages = self._db.conn.execute(
            "SELECT owner, township || village FROM village_profiles WHERE deleted = 0 AND mode = 'village' "
            "AND owner <> (SELECT id FROM node) ORDER BY village").fetchall()
        posted: dict[str, dict[tuple[str, str, str], tuple[date, date]]] = defaultdict(dict)
        for owner, kind, category, period, start, due in self._db.conn.execute(
                "SELECT owner, kind, category, period, MIN(start_date), due_date FROM disclosure_publications "
                "WHERE deleted = 0 AND place <> 'wechat' GROUP BY owner, kind, category, period"):
            posted[owner][(kind, category, period)] = (date.fromisoformat(start), date.fromisoformat(due))
        frequent = {owner: bool(flag) for owner, flag in self._db.conn.execute(
            "SELECT owner, frequent_finance FROM disclosure_settings WHERE deleted = 0 ORDER BY hlc")}
        span = range(today.year - years + 1, today.year + 1)
        periodic: dict[bool, list[Obligation]] = {  # the same for every village of one finance frequency
            flag: [o for year in span for o in obligations(catalogue, year, flag) if o.due < today]
            for flag in (True, False)}
        return [village_record(owner, name, periodic[frequent.get(owner, True)], posted[owner], today)
                for owner, name in villages]
