"""十星级文明户 screen: the star list in force, the year's households and their stars, awarding and withdrawing."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    from datetime import date

    from models.stars.print_sources import star_plaque, stars_board
    from printing.stars.stars_pdf import board_job, plaque_job
    from ui.stars.screen import StarPrints, StarsScreen

    prints = StarPrints(lambda year: board_job(stars_board(stores, year, date.today()), date.today()),
                        lambda no, year: plaque_job(star_plaque(stores, no, year, date.today()), date.today()),
                        stores.publications.register_printed)
    return StarsScreen(stores.star_lists, stores.star_awards, stores.meetings, bus, prints)
