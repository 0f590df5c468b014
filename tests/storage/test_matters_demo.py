"""The demo's 群众说事: a year in every state, two assigned to the township, three put to meetings as projects."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from models.core.accounts import COMMAND_LINE_ACTOR
from models.matters.records import MatterStatus, ProjectStage
from storage.core.backend import build_stores
from storage.core.db import Database


def test_the_demo_holds_matters_in_every_state(demo_copy: Callable[..., Database], tmp_path: Path) -> None:
    stores = build_stores(demo_copy(tmp_path / "demo.sqlite3"), COMMAND_LINE_ACTOR)
    matters = stores.matters.matters()
    assert {m.status for m in matters} == set(MatterStatus)
    assert {m.raised_on.month for m in matters} == set(range(1, 12))
    assert sum(m.to_township for m in matters) == 2
    assert any(m.reopened for m in matters) and any(m.attempted for m in matters)
    assert stores.matters.overdue(date(2026, 12, 6))
    projects = stores.projects.projects()
    assert len(projects) == 3 and sorted(p.stage.value for p in projects) == ["building", "declared", "declared"]
    assert all(p.four_two_id for p in projects)  # each on its 四议两公开 chain; the one under way on a decided one
    [building] = [p for p in projects if p.stage is ProjectStage.BUILDING]
    assert stores.four_two.get(building.four_two_id).title == "村道硬化项目"
    linked = {m.meeting_id for m in matters if m.meeting_id}
    assert {p.meeting_id for p in projects} == linked and all(p.meeting_number for p in projects)
    assert len(stores.officer_log.entries("龙德军", "2026-11")) == 2
    assert len(stores.officer_log.entries("xinxiyuan", "2026-11")) == 2  # the officer is a real account


def test_the_demos_projects_come_from_passed_items_of_finalised_meetings(demo_copy: Callable[..., Database],
                                                                         tmp_path: Path) -> None:
    from models.minutes.meetings import MeetingStatus, evaluate

    stores = build_stores(demo_copy(tmp_path / "demo.sqlite3"), COMMAND_LINE_ACTOR)
    for project in stores.projects.projects():
        meeting = stores.meetings.get(project.meeting_id)
        outcome = evaluate(meeting, stores.meeting_types.type_spec(meeting.type_code))
        assert meeting.status is MeetingStatus.FINAL and outcome.items[project.item_number - 1].passed
        fed = stores.matters.matter(project.matter_id)
        assert fed.meeting_id == meeting.id and stores.matters.timeline(fed.id)[-1].kind.value == "resolution"


def test_the_demos_assignees_are_its_cadres_grids_committees_and_teams(demo_copy: Callable[..., Database],
                                                                       tmp_path: Path) -> None:
    stores = build_stores(demo_copy(tmp_path / "demo.sqlite3"), COMMAND_LINE_ACTOR)
    found = stores.raisers.assignees(date(2026, 12, 1))
    print([(a.kind, a.label) for a in found])
    kinds = [a.kind for a in found]
    assert kinds == sorted(kinds, key=["干部", "组长", "网格员", "委员会", "队伍"].index)  # cadres first
    assert {"干部", "网格员", "委员会"} <= set(kinds) and len({a.label for a in found}) == len(found)
    chair = next(a for a in found if a.kind == "干部")
    assert chair.label.endswith(chair.name) and len(chair.label) > len(chair.name)


def test_the_demos_wall_chart_rows_are_the_registrys_groups(demo_copy: Callable[..., Database],
                                                            tmp_path: Path) -> None:
    from models.matters.print_sources import wall_chart

    stores = build_stores(demo_copy(tmp_path / "demo.sqlite3"), COMMAND_LINE_ACTOR)
    registry = {g.name for g in stores.groups.list_groups()}
    chart = wall_chart(stores, date(2026, 12, 6))
    assert chart.groups and set(chart.groups) - {"未分组"} <= registry  # "第1组", never "1组" beside it
