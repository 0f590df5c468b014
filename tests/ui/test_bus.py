"""DataBus.changed carries a models.core.changes.Changed, and every screen is typed as taking a DataBus."""
from __future__ import annotations

import re
from pathlib import Path

from models.core.changes import Changed, Entity
from ui.core.bus import DataBus

UI = Path(__file__).resolve().parents[2] / "ui"


def test_the_bus_delivers_the_very_changed_object(qtbot) -> None:
    bus, notice = DataBus(), Changed(Entity.WORKFLOW, frozenset({"rb-1"}))
    with qtbot.waitSignal(bus.changed) as blocker:
        bus.changed.emit(notice)
    assert blocker.args[0] is notice


def test_no_signature_in_ui_types_the_bus_loosely() -> None:
    loose = re.compile(r"\bbus: (object|Any)\b")
    offenders = [f"{path.relative_to(UI.parent)}:{number}" for path in sorted(UI.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if loose.search(line)]
    assert offenders == []
