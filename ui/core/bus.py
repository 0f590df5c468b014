"""The one way screens tell each other about changes: DataBus.changed(Changed)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.core.changes import Changed


class DataBus(QObject):
    """Screens emit `changed` after a write and reload when the entity concerns them."""

    changed = Signal(Changed)  # a Python type: PySide6 passes the very Changed object, not a converted copy
