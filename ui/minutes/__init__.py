"""The minutes area (会议记录): list of meetings and the record-book editor."""
from __future__ import annotations

from ui.minutes.screen import MinutesScreen, create_screen

__all__ = ["MinutesScreen", "create_screen"]
