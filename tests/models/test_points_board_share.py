"""R38: the deduction-share warning compares the exact share with the limit, not the rounded one."""
from __future__ import annotations

import pytest

from models.lists.entries import Period
from models.points.board import PointsBoard, build_board


def _board(entries: int, deductions: int, limit: int = 30) -> PointsBoard:
    return build_board("青石村", Period.parse("2026-03"), (), (), frozenset(), entries, deductions, limit)


@pytest.mark.parametrize(("entries", "deductions"), [(23, 7), (200, 61), (1000, 301)])
def test_a_share_just_over_the_limit_warns_though_it_rounds_to_it(entries: int, deductions: int) -> None:
    board = _board(entries, deductions)
    assert board.deduction_share == 30  # the printed percentage stays as shown
    assert "超过设定的 30%" in board.warning


@pytest.mark.parametrize(("entries", "deductions"), [(10, 3), (200, 60), (0, 0), (23, 6)])
def test_a_share_at_or_under_the_limit_does_not_warn(entries: int, deductions: int) -> None:
    assert _board(entries, deductions).warning == ""
