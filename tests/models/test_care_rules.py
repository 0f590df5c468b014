"""R52 in plain Python: the grid size band warns at its edges (never refuses), a visit is due on the boundary day."""
from __future__ import annotations

from datetime import date

import pytest

from models.care.care import CareRating, CareSettings, ReasonClass, is_overdue, rating_for, visit_due
from models.core.errors import DomainError
from models.registry.grids import GridLevel, SizeBand, check_parent, size_warning
from models.registry.households import CareLevel


def test_size_band_warns_just_outside_its_edges_only() -> None:
    band = SizeBand()
    assert size_warning(19, band) is not None and "少于" in str(size_warning(19, band))
    assert size_warning(20, band) is None
    assert size_warning(30, band) is None
    assert "多于" in str(size_warning(31, band))
    narrow = SizeBand(25, 26)
    assert size_warning(24, narrow) and size_warning(25, narrow) is None and size_warning(27, narrow)
    with pytest.raises(DomainError):
        SizeBand(30, 20)


def _rating(level: CareLevel, start: date) -> CareRating:
    return rating_for("h", level, ReasonClass.ELDERLY_ALONE, date(2027, 1, 1), "李文书", start)


@pytest.mark.parametrize(("level", "days"), [(CareLevel.RED, 30), (CareLevel.YELLOW, 90)])
def test_visit_due_on_the_boundary_day_and_overdue_the_day_after(level: CareLevel, days: int) -> None:
    settings = CareSettings()
    rating = _rating(level, date(2026, 1, 1))
    last = date(2026, 3, 1)
    due = visit_due(rating, last, settings)
    assert due is not None and (due - last).days == days
    assert not is_overdue(due, due)  # a visit on the due day is in time
    assert is_overdue(due, date.fromordinal(due.toordinal() + 1))


def test_due_counts_from_the_rating_until_the_first_visit_and_green_has_none() -> None:
    settings = CareSettings(red_days=10, yellow_days=20)
    assert visit_due(_rating(CareLevel.RED, date(2026, 5, 1)), None, settings) == date(2026, 5, 11)
    green = rating_for("h", CareLevel.GREEN, ReasonClass.OTHER, None, "x", date(2026, 5, 1))
    assert green.reason_class is None  # a 放心户 keeps no reason
    assert visit_due(green, None, settings) is None


def test_red_and_yellow_need_a_reason_and_a_review_date() -> None:
    with pytest.raises(DomainError, match="原因类别"):
        rating_for("h", CareLevel.RED, None, date(2027, 1, 1), "x", date(2026, 1, 1))
    with pytest.raises(DomainError, match="复核日期"):
        rating_for("h", CareLevel.YELLOW, ReasonClass.DISABILITY, None, "x", date(2026, 1, 1))


def test_grid_parent_is_one_level_up() -> None:
    check_parent(GridLevel.THIRD, GridLevel.SECOND)
    check_parent(GridLevel.SECOND, None)
    with pytest.raises(DomainError):
        check_parent(GridLevel.THIRD, GridLevel.FIRST)
    with pytest.raises(DomainError):
        check_parent(GridLevel.FIRST, GridLevel.FIRST)
