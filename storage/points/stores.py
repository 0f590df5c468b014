"""SqlitePointsStores: the points area's aggregate stores of one session, as storage/core/backend.py composes them."""
from __future__ import annotations

from dataclasses import dataclass

from storage.points.applications import SqliteApplicationStore
from storage.points.goods import SqliteGoodsStore
from storage.points.ledger import SqliteLedgerStore
from storage.points.publications import SqlitePublicationStore
from storage.points.redemptions import SqliteRedemptionStore
from storage.points.scheme import SqliteSchemeStore
from storage.points.settings import SqlitePointsSettings
from storage.points.tally import SqlitePointsTally
from storage.points.villages import SqliteVillageTotals


@dataclass(frozen=True)
class SqlitePointsStores:
    """Implements models.points.ports.PointsStores."""

    scheme: SqliteSchemeStore
    ledger: SqliteLedgerStore
    tally: SqlitePointsTally
    goods: SqliteGoodsStore
    redemptions: SqliteRedemptionStore
    villages: SqliteVillageTotals
    publications: SqlitePublicationStore
    applications: SqliteApplicationStore
    settings: SqlitePointsSettings
