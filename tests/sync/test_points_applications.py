"""积分换项目 (Dongkou) through real bundles: a group applies with its confirmed points of a period (never more than
the ledger holds), the application reaches the township desk, and the township's review comes back."""
from __future__ import annotations

from pathlib import Path

import pytest


from models.core.changes import Entity
from models.core.errors import DomainError, PermissionDenied
from models.core.village import Mode
from models.lists.entries import Period
from models.points.applications import ApplicationState
from models.points.rollup import TallyBy
from storage.core.backend import build_stores
from storage.sync.keys import my_identity
from tests.helpers import run_json
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)
from tests.sync.conftest import export, import_, make_node, pair_up
from tests.sync.township_setup import REVIEWER

MAY = Period.parse("2026-05")


def test_a_group_applies_within_its_points_and_the_township_review_comes_back(village: Village,
                                                                               tmp_path: Path) -> None:
    applications = village.clerk.points.applications
    group = next(r for r in village.clerk.points.tally.tally(MAY, TallyBy.GROUP) if r.total > 10)
    with pytest.raises(DomainError, match=f"已确认积分共 {group.total} 分"):
        applications.apply(group.key, MAY, group.total + 1, "组道路灯")
    first = applications.apply(group.key, MAY, group.total - 10, "组道路灯", "安装 6 盏太阳能路灯").id
    with pytest.raises(DomainError, match="最多还可申请 10 分"):
        applications.apply(group.key, MAY, 11, "垃圾桶")
    with pytest.raises(PermissionDenied):
        village.checker.points.applications.review(first, True, "自己审")  # a village account is no township
    township = make_node(tmp_path / "township.sqlite3", Mode.TOWNSHIP)
    pair_up(village.db, township)
    stick = tmp_path / "stick"
    stick.mkdir()
    arrived = import_(township, export(village.db, stick, peer_node=my_identity(township).node))
    assert arrived.changed is not None and arrived.changed.concerns(Entity.POINTS_APPLICATION)
    desk = build_stores(township, REVIEWER).points.applications
    [listed] = desk.applications(township=True)
    assert (listed.id, listed.applicant, listed.points, listed.state) == (first, group.key, group.total - 10,
                                                                           ApplicationState.SUBMITTED)
    desk.review(first, False, "请先完成上一批路灯的验收再申请。")
    back = import_(village.db, export(township, stick, peer_node=my_identity(village.db).node))
    assert back.changed is not None and back.changed.concerns(Entity.POINTS_APPLICATION)
    returned = applications.application(first)
    assert returned.state is ApplicationState.RETURNED and returned.review == "请先完成上一批路灯的验收再申请。"
    applications.apply(group.key, MAY, 11, "垃圾桶")  # a returned application no longer holds its points


def test_the_command_line_applies_and_lists(village: Village) -> None:
    code, applied = run_json(village.path, "points-project", "apply", "--period", "2026-05", "--points", "5",
                             "--project", "村口花坛")
    assert code == 0 and applied["group"] == "全村" and applied["state"] == "submitted"
    code, listed = run_json(village.path, "points-project", "list")
    assert code == 0 and [r["id"] for r in listed["rows"]] == [applied["id"]]


def test_the_township_desk_screen_reviews_an_application(qtbot: object, village: Village, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from tests.helpers import type_text
    from ui.core.bus import DataBus
    from ui.points.desk import TownshipPointsScreen

    village.clerk.points.applications.apply("", MAY, 5, "村口花坛", "花苗和围栏")
    township = make_node(tmp_path / "township.sqlite3", Mode.TOWNSHIP)
    pair_up(village.db, township)
    stick = tmp_path / "stick"
    stick.mkdir()
    import_(township, export(village.db, stick, peer_node=my_identity(township).node))
    stores = build_stores(township, REVIEWER)
    screen = TownshipPointsScreen(stores.points.villages, DataBus(), stores.points.applications, True)
    qtbot.addWidget(screen)  # type: ignore[attr-defined]
    box = screen.applications_box
    assert box is not None and box.model.rowCount() == 1 and not box.approve_button.isEnabled()
    box.view.selectRow(0)
    type_text(box.opinion_edit, "同意，请按用途使用。")
    qtbot.mouseClick(box.approve_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    [reviewed] = stores.points.applications.applications(township=True)
    assert reviewed.state is ApplicationState.APPROVED and box.model.index(0, 5).data() == "乡镇同意"
