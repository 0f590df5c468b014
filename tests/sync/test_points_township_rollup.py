"""The village's points travel to the township in the sync bundle; the township's roll-up of each village equals
the village's own figure (the Dongkou roll-up above the village)."""
from __future__ import annotations

from pathlib import Path

from models.core.changes import Entity
from models.core.village import Mode
from models.lists.entries import Period
from models.points.rollup import TallyBy
from storage.core.backend import build_stores
from storage.sync.keys import my_identity
from models.core.accounts import COMMAND_LINE_ACTOR
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)
from tests.sync.conftest import export, import_, make_node, pair_up


def test_the_township_ranks_each_village_by_the_totals_its_bundle_brought(village: Village, tmp_path: Path) -> None:
    township = make_node(tmp_path / "township.sqlite3", Mode.TOWNSHIP)
    pair_up(village.db, township)
    stick = tmp_path / "stick"
    stick.mkdir()
    result = import_(township, export(village.db, stick, peer_node=my_identity(township).node))
    assert result.changed is not None and result.changed.concerns(Entity.POINTS_ENTRY)
    period = Period.parse("2026-05")
    [own] = village.clerk.points.tally.tally(period, TallyBy.VILLAGE)
    desk = build_stores(township, COMMAND_LINE_ACTOR).points.villages.village_totals(period)
    assert [(r.key, r.plus, r.minus) for r in desk] == [("青石村", own.plus, own.minus)]


def test_the_township_desk_screen_ranks_the_villages_of_the_period(qtbot: object, village: Village,
                                                                    tmp_path: Path) -> None:
    from ui.core.bus import DataBus
    from ui.points.desk import TownshipPointsScreen

    township = make_node(tmp_path / "township.sqlite3", Mode.TOWNSHIP)
    pair_up(village.db, township)
    stick = tmp_path / "stick"
    stick.mkdir()
    bus = DataBus()
    screen = TownshipPointsScreen(build_stores(township, COMMAND_LINE_ACTOR).points.villages, bus)
    qtbot.addWidget(screen)  # type: ignore[attr-defined]
    screen.period_edit.setText("2026-05")
    screen.reload()
    assert screen.model.rowCount() == 0 and "还没有村的积分记录" in screen.status.text()
    result = import_(township, export(village.db, stick, peer_node=my_identity(township).node))
    assert result.changed is not None
    bus.changed.emit(result.changed)  # the import's Changed reloads the desk
    [own] = village.clerk.points.tally.tally(Period.parse("2026-05"), TallyBy.VILLAGE)
    cells = [screen.model.index(0, column).data() for column in range(5)]
    assert cells == ["1", "青石村", f"+{own.plus}", str(own.minus), str(own.total)]
