"""The household registry screen (户籍花名册); `create_screen` is the sidebar's factory."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.core.bus import DataBus


def create_screen(stores: Any, bus: DataBus) -> QWidget:
    """Build the registry screen over the registry's stores (groups, households, villagers, registry, roster)."""
    from ui.registry.screen import RegistryScreen
    return RegistryScreen(stores, bus)
