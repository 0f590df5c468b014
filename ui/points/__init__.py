"""The points (积分制) screen package: fast slip entry and batch entry, confirmation by a second user, roll-up and
the points board."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.core.ports import Stores
from ui.core.bus import DataBus


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    """Factory named in ui/core/areas.py; imports the screen only when the area is first opened."""
    from ui.points.screen import PointsScreen

    return PointsScreen(stores, bus)


def create_desk(stores: Stores, bus: DataBus) -> QWidget:
    """乡镇端 各村积分: each village's totals of a period and their ranking, from the bundles."""
    from models.core.accounts import Permission
    from ui.points.desk import TownshipPointsScreen

    return TownshipPointsScreen(stores.points.villages, bus, stores.points.applications,
                                stores.actor.can(Permission.REVIEW_FILINGS))
