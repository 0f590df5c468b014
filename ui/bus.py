"""The one way screens tell each other about changes: DataBus.changed(Changed)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    """Screens emit `changed` after a write and reload when the entity concerns them."""

    changed = Signal(object)  # models.changes.Changed
