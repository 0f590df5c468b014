"""群众说事 rules as tables: which agenda item a villager's matter made, and when a project's 入库 can be undone."""
from __future__ import annotations

import pytest

from models.core.errors import DomainError
from models.matters.records import Project, ProjectStage
from models.matters.rules import check_withdraw_project, matter_number_of
from models.minutes.meetings import AgendaItem


@pytest.mark.parametrize(("background", "number"), [
    ("群众说事 2026-说-007：三组机耕道塌方", "2026-说-007"),
    ("群众说事 2026-说-007：路：桥", "2026-说-007"),
    ("村委会提议：硬化村道", ""),
    ("群众说事：没有编号", ""),
    ("", ""),
])
def test_the_matter_an_agenda_item_came_from(background: str, number: str) -> None:
    assert matter_number_of(AgendaItem("议题", background=background)) == number


@pytest.mark.parametrize(("stage", "refused"), [(ProjectStage.DECLARED, False), (ProjectStage.APPROVED, True),
                                                (ProjectStage.BUILDING, True), (ProjectStage.ACCEPTED, True)])
def test_an_entry_is_undone_only_at_declared(stage: ProjectStage, refused: bool) -> None:
    project = Project("村口路灯", 36000, "m1", 1, stage=stage)
    if refused:
        with pytest.raises(DomainError, match="不能撤销建入项目库"):
            check_withdraw_project(project)
    else:
        check_withdraw_project(project)
