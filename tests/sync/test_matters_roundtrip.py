"""群众说事 交办乡镇 through real bundles: the village's matter reaches the township desk, which lists it by village
and answers; the answer comes back in the township's bundle onto the matter's timeline."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.changes import Entity
from models.core.errors import PermissionDenied
from models.matters.records import Channel, EventKind, Matter, MatterClass
from storage.core.backend import build_stores
from storage.core.node import load_node_id
from tests.sync.conftest import Pair, export, import_, pair  # noqa: F401  (pair is a fixture)
from tests.sync.township_setup import ADMIN, REVIEWER


def test_a_matter_assigned_up_comes_back_answered(pair: Pair) -> None:  # noqa: F811
    village = build_stores(pair.village, ADMIN).matters
    up = village.add_matter(Matter(MatterClass.INFRASTRUCTURE, Channel.ROOM, "跨村公路塌方，需乡镇协调",
                                   date(2026, 11, 2))).id
    kept = village.add_matter(Matter(MatterClass.OTHER, Channel.PHONE, "村里自己办", date(2026, 11, 2))).id
    village.assign(up, "德化乡人民政府", date(2026, 11, 3), township=True)
    village.assign(kept, "村主任", date(2026, 11, 3))
    arrived = import_(pair.township, export(pair.village, pair.stick))
    assert arrived.changed.concerns(Entity.MATTER)
    desk = build_stores(pair.township, REVIEWER).matters
    listed = desk.matters(township=True)
    assert [m.id for m in listed] == [up] and listed[0].village == load_node_id(pair.village) != load_node_id(
        pair.township)
    with pytest.raises(PermissionDenied):
        build_stores(pair.village, ADMIN).matters.township_reply(up, "不是乡镇", date(2026, 11, 5))
    desk.township_reply(up, "已安排乡交通站 11 月 10 日前抢修", date(2026, 11, 5))
    back = import_(pair.village, export(pair.township, pair.stick))
    assert back.changed.concerns(Entity.MATTER)
    reply = [e for e in village.timeline(up) if e.kind is EventKind.TOWNSHIP_REPLY]
    assert [(e.text, e.by) for e in reply] == [("已安排乡交通站 11 月 10 日前抢修", "王审核")]


def test_the_township_desk_from_the_command_line(pair: Pair) -> None:  # noqa: F811
    from tests.helpers import run_json

    village_db, township_db = pair.village.path, pair.township.path
    assert village_db is not None and township_db is not None
    number = run_json(village_db, "matter", "add", "--text", "跨村水源纠纷需乡镇调处", "--class", "矛盾纠纷",
                      "--channel", "说事室", "--date", "2026-11-02")[1]["number"]
    assert run_json(village_db, "matter", "assign", number, "--to", "德化乡", "--township", "--date",
                    "2026-11-03")[0] == 0
    import_(pair.township, export(pair.village, pair.stick))
    code, listed = run_json(township_db, "matter", "list", "--township")
    assert code == 0 and [r["number"] for r in listed["rows"]] == [number]
    run_json(township_db, "user", "add", "wang", "--role", "township_reviewer", "--name", "王审核",
             stdin="secret123\n")
    code, refused = run_json(township_db, "matter", "reply", number, "--text", "x", "--user", "admin",
                             stdin="secret123\n")
    assert code == 2 and "无权" in refused
    assert run_json(township_db, "matter", "reply", number, "--text", "乡司法所 11 月 8 日到村调处", "--user", "wang",
                    stdin="secret123\n")[0] == 0
    import_(pair.village, export(pair.township, pair.stick))
    timeline = run_json(village_db, "matter", "show", number)[1]["timeline"]
    assert timeline[-1] == {"at": timeline[-1]["at"], "event": "township_reply", "by": "王审核",
                            "text": "乡司法所 11 月 8 日到村调处"}


def test_the_township_desk_screen_lists_by_village_and_replies(qtbot, pair: Pair) -> None:  # noqa: F811
    from PySide6.QtCore import Qt

    from tests.helpers import type_text
    from ui.core.bus import DataBus
    from ui.matters.desk import TownshipMattersScreen

    village = build_stores(pair.village, ADMIN).matters
    up = village.add_matter(Matter(MatterClass.SAFETY, Channel.ROOM, "省道边山体滑坡隐患", date(2026, 11, 2))).id
    village.assign(up, "德化乡人民政府", date(2026, 11, 3), township=True)
    import_(pair.township, export(pair.village, pair.stick))
    screen = TownshipMattersScreen(build_stores(pair.township, REVIEWER).matters, DataBus(), True)
    qtbot.addWidget(screen)
    assert screen.matters_model.rowCount() == 1 and screen.matters_model.index(0, 0).data() == "德化乡青石村"
    screen.matters_view.selectRow(0)
    type_text(screen.reply_edit, "乡应急办已派人查看")
    qtbot.mouseClick(screen.reply_button, Qt.MouseButton.LeftButton)
    assert screen.events_model.index(screen.events_model.rowCount() - 1, 1).data() == "乡镇答复"
    import_(pair.village, export(pair.township, pair.stick))
    assert village.timeline(up)[-1].text == "乡应急办已派人查看"


def test_a_reply_to_a_matter_not_sent_to_the_township_is_refused(pair: Pair) -> None:  # noqa: F811
    """The village's own matter travels in the bundle too, but the township answers only those sent to it: exit 2,
    a message saying where to choose, and no timeline line written."""
    from tests.helpers import run_json

    village_db, township_db = pair.village.path, pair.township.path
    assert village_db is not None and township_db is not None
    number = run_json(village_db, "matter", "add", "--text", "村里自己修路灯", "--class", "基础设施",
                      "--channel", "说事室", "--date", "2026-11-02")[1]["number"]
    run_json(village_db, "matter", "assign", number, "--to", "村主任", "--date", "2026-11-03")
    import_(pair.township, export(pair.village, pair.stick))
    run_json(township_db, "user", "add", "wang", "--role", "township_reviewer", "--name", "王审核",
             stdin="secret123\n")
    before = pair.township.conn.execute("SELECT * FROM matter_events ORDER BY rowid").fetchall()
    code, refused = run_json(township_db, "matter", "reply", number, "--text", "已安排", "--user", "wang",
                             stdin="secret123\n")
    assert code == 2 and "没有交办到乡镇" in refused and "matter list --township" in refused
    assert pair.township.conn.execute("SELECT * FROM matter_events ORDER BY rowid").fetchall() == before
