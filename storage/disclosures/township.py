"""SqliteDisclosureDesk: each village's disclosure record on the township's installation, from its bundles."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from models.disclosures.catalogue import CatalogueItem
from models.disclosures.records import Publication
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
        published: dict[str, list[Publication]] = defaultdict(list)
        for row in load.dict_rows(self._db, "SELECT * FROM disclosure_publications WHERE deleted = 0"):
            published[row["owner"]].append(load.publication(row))
        frequent = {owner: bool(flag) for owner, flag in self._db.conn.execute(
            "SELECT owner, frequent_finance FROM disclosure_settings WHERE deleted = 0 ORDER BY hlc")}
        span = list(range(today.year - years + 1, today.year + 1))
        return [village_record(owner, name, catalogue, frequent.get(owner, True), published[owner], span, today)
                for owner, name in villages]
