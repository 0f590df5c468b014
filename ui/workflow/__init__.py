"""The nine-step workflow (九步工作法) timeline screen package."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.core.ports import Stores
from ui.core.bus import DataBus


def create_screen(stores: Stores, bus: DataBus) -> QWidget:
    """Factory named in ui/core/areas.py; imports the screen only when the area is first opened."""
    from ui.workflow.screen import WorkflowScreen

    return WorkflowScreen(stores, bus)
