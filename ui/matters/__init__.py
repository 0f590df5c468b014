"""群众说事 screen: intake, 交办, progress, 办结, 回访, 销号, with each matter's timeline."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from ui.matters.officer_tab import OfficerLogTab
    from ui.matters.print_tab import MattersPrintTab
    from ui.matters.projects_tab import ProjectsTab
    from ui.matters.screen import MattersScreen

    screen = MattersScreen(stores.matters, stores.raisers, bus, stores.attachments, stores.meetings)
    screen.add_projects_tab(ProjectsTab(stores.projects, bus, screen.undo_stack, stores.four_two))
    screen.add_officer_tab(OfficerLogTab(stores.officer_log, bus, screen.undo_stack))
    screen.add_print_tab(MattersPrintTab(lambda product, month: print_job(stores, product, month)))
    return screen


def print_job(stores: Any, product: str, month: str) -> Any:
    """The PrintJob of the tab's product, its data gathered now through the session's stores."""
    from datetime import date

    from models.matters import print_sources as sources
    from printing.matters import matters_pdf as pdf

    today = date.today()
    if product == "chart":
        return pdf.wall_chart_job(sources.wall_chart(stores, today))
    return pdf.month_lists_job(sources.month_lists(stores, month, today), today)


def create_desk(stores: Any, bus: DataBus) -> QWidget:
    """乡镇端: the matters villages assigned to the township."""
    from models.core.accounts import Permission
    from ui.matters.desk import TownshipMattersScreen

    return TownshipMattersScreen(stores.matters, bus, stores.actor.can(Permission.REVIEW_FILINGS))
