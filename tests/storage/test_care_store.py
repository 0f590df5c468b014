"""网格关怀 stores: grids by date with history, contact lines by date, a red household without a contact refused,
the care reason read only with an audited access, visits refused for a red household without a contact."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.care.care import ContactLine, ReasonClass, Visit, rating_for
from models.care.services import care_rows, grid_rows, villager_by_key
from models.core.accounts import Actor, Role
from models.core.changes import Entity
from models.core.errors import DomainError, PermissionDenied
from models.core.ids import new_id
from models.registry.households import CareLevel, Grid
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.registry_fixtures import make_family


@pytest.fixture
def stores(village_db: Database, admin: Actor):  # type: ignore[no-untyped-def]
    return build_stores(village_db, admin)


def test_assignment_keeps_history_and_sets_the_current_grid(stores) -> None:  # type: ignore[no-untyped-def]
    household, head, _ = make_family(stores)
    first, second = Grid(new_id(), household.group_id, "一网格"), Grid(new_id(), household.group_id, "二网格")
    stores.groups.save_grid(first)
    stores.groups.save_grid(second)
    changed = stores.grid_assignments.assign(household.id, first.id, date(2026, 1, 1))
    assert changed.concerns(Entity.HOUSEHOLD) and first.id in changed.ids_of(Entity.GRID)
    stores.grid_assignments.assign(household.id, second.id, date(2026, 6, 1))
    history = stores.grid_assignments.history(household.id)
    assert [(a.grid_id, a.start, a.end) for a in history] == [
        (second.id, date(2026, 6, 1), None), (first.id, date(2026, 1, 1), date(2026, 5, 31))]
    assert stores.households.get_household(household.id).grid_id == second.id
    rows = {r.grid.name: r for r in grid_rows(stores)}
    assert rows["二网格"].households == 1 and "少于" in (rows["二网格"].warning or "")
    with pytest.raises(DomainError):
        stores.grid_assignments.assign(household.id, first.id, date(2026, 5, 1))  # before the open one began


def test_a_grid_with_grids_below_takes_no_household(stores) -> None:  # type: ignore[no-untyped-def]
    household, _, _ = make_family(stores)
    upper = Grid(new_id(), household.group_id, "第1组", level=2)
    stores.groups.save_grid(upper)
    stores.groups.save_grid(Grid(new_id(), household.group_id, "一网格", level=3, parent_id=upper.id))
    with pytest.raises(DomainError, match="最末一级"):
        stores.grid_assignments.assign(household.id, upper.id, date(2026, 1, 1))
    with pytest.raises(DomainError, match="上级"):
        stores.groups.save_grid(Grid(new_id(), household.group_id, "错层", level=2, parent_id=upper.id))


def test_red_household_without_a_contact_is_refused_then_accepted(stores) -> None:  # type: ignore[no-untyped-def]
    household, head, _ = make_family(stores)
    red = rating_for(household.id, CareLevel.RED, ReasonClass.SERIOUS_ILLNESS, date(2026, 12, 1), "村委会",
                     date(2026, 6, 1))
    with pytest.raises(DomainError, match="联户人"):
        stores.care_levels.set_level(red)
    assert stores.care_levels.current_levels() == []
    stores.care_contacts.set_contact(household.id, ContactLine.PARTY, head.id, date(2026, 5, 1))
    changed = stores.care_levels.set_level(red)
    assert changed.concerns(Entity.CARE_LEVEL, Entity.HOUSEHOLD)
    assert stores.households.get_household(household.id).care_level is CareLevel.RED
    current = stores.care_levels.current_levels()
    assert [(r.level, r.reason_class) for r in current] == [(CareLevel.RED, None)]  # the list hides the reason
    row = care_rows(stores, date(2026, 7, 1))[0]
    assert row.visit_due == date(2026, 7, 1) and not row.overdue
    assert care_rows(stores, date(2026, 7, 2), overdue_only=True)[0].household_no == household.household_no


def test_reason_reading_is_audited_and_refused_to_a_supervisor(stores, village_db: Database) -> None:  # type: ignore[no-untyped-def]
    household, head, _ = make_family(stores)
    stores.care_contacts.set_contact(household.id, ContactLine.CLUSTER_HEAD, head.id, date(2026, 1, 1))
    stores.care_levels.set_level(rating_for(household.id, CareLevel.YELLOW, ReasonClass.LEFT_BEHIND_CHILDREN,
                                            date(2026, 12, 1), "村委会", date(2026, 1, 1)))
    logged = [r[0] for r in village_db.conn.execute("SELECT summary FROM audit_log WHERE table_name='care_levels'")]
    assert logged and not any("留守" in s for s in logged)
    assert stores.care_levels.reason_of(household.id).reason_class is ReasonClass.LEFT_BEHIND_CHILDREN
    actions = [r[0] for r in village_db.conn.execute("SELECT action FROM audit_log WHERE table_name='care_levels'")]
    assert actions[-1] == "view_sensitive"
    supervisor = build_stores(village_db, Actor("s", "监委", Role.SUPERVISOR))
    with pytest.raises((DomainError, PermissionDenied)):
        supervisor.care_levels.reason_of(household.id)


def test_contacts_by_date_and_visits(stores) -> None:  # type: ignore[no-untyped-def]
    household, head, child = make_family(stores)
    stores.care_contacts.set_contact(household.id, ContactLine.DEPUTY, head.id, date(2026, 1, 1))
    stores.care_contacts.set_contact(household.id, ContactLine.DEPUTY, child.id, date(2026, 3, 1))
    held = stores.care_contacts.contacts_of(household.id)
    assert [(c.villager_name, c.end) for c in held] == [("吴小梅", None), ("吴建华", date(2026, 2, 28))]
    assert [c.villager_name for c in stores.care_contacts.current_contacts(date(2026, 2, 1))[household.id]] == [
        "吴建华"]
    stores.care_levels.set_level(rating_for(household.id, CareLevel.RED, ReasonClass.LOW_INCOME,
                                            date(2026, 12, 1), "村委会", date(2026, 3, 1)))
    with pytest.raises(DomainError, match="联户人"):  # no contact on a day before any holding began
        stores.care_visits.add_visit(Visit("", household.id, "吴建华", date(2025, 12, 1), "看望"))
    changed = stores.care_visits.add_visit(Visit("", household.id, "吴小梅", date(2026, 3, 20), "屋顶漏雨"))
    assert changed.entity == Entity.CARE_VISIT
    assert stores.care_visits.last_visits() == {household.id: date(2026, 3, 20)}
    made = stores.care_visits.add_visit(Visit("", household.id, "吴小梅", date(2026, 3, 21), "漏雨"), as_matter=True)
    (matter_id,) = made.ids_of(Entity.MATTER)  # the problem found is a villagers' matter now, in the same write
    matter = stores.matters.matter(matter_id)
    assert "漏雨" in matter.text and matter.raiser.ref == household.id and not matter.public  # R49: names a household
    assert villager_by_key(stores, "吴建华").id == head.id and villager_by_key(stores, head.id).id == head.id


def test_withdrawals_undo_each_write(stores) -> None:  # type: ignore[no-untyped-def]
    household, head, child = make_family(stores)
    first = stores.care_contacts.set_contact(household.id, ContactLine.PARTY, head.id, date(2026, 1, 1)).id
    second = stores.care_contacts.set_contact(household.id, ContactLine.PARTY, child.id, date(2026, 2, 1)).id
    stores.care_contacts.withdraw_contact(second)
    assert [(c.id, c.end) for c in stores.care_contacts.contacts_of(household.id)] == [(first, None)]
    rating = stores.care_levels.set_level(rating_for(household.id, CareLevel.RED, ReasonClass.OTHER,
                                                     date(2026, 12, 1), "x", date(2026, 3, 1))).parts()[0].id
    stores.care_levels.withdraw_rating(rating)
    assert stores.care_levels.current_levels() == []
    assert stores.households.get_household(household.id).care_level is CareLevel.GREEN
    visit = stores.care_visits.add_visit(Visit("", household.id, "吴建华", date(2026, 3, 2), "好")).id
    stores.care_visits.withdraw_visit(visit)
    assert stores.care_visits.last_visits() == {}
    stores.care_visits.restore_visit(visit)
    assert stores.care_visits.visits_of(household.id)[0].id == visit


def test_a_move_in_the_household_editor_keeps_the_grid_history(stores) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    household, _, _ = make_family(stores)
    first, second = Grid(new_id(), household.group_id, "一网格"), Grid(new_id(), household.group_id, "二网格")
    stores.groups.save_grid(first)
    stores.groups.save_grid(second)
    stores.grid_assignments.assign(household.id, first.id, date(2026, 1, 1))
    stores.households.save_household(replace(stores.households.get_household(household.id), grid_id=second.id))
    history = stores.grid_assignments.history(household.id)
    assert [(a.grid_id, a.end) for a in history] == [(second.id, None),
                                                     (first.id, date.fromordinal(date.today().toordinal() - 1))]


def test_the_registry_editor_cannot_set_a_care_level(stores) -> None:  # type: ignore[no-untyped-def]
    """R51–R52 are the care area's: saving a household through the registry keeps the level the care rating set;
    a red level without reason, review date or contact person cannot come in that way."""
    from dataclasses import replace

    household, head, _ = make_family(stores)
    stores.households.save_household(replace(household, care_level=CareLevel.RED, notes="改了备注"))
    saved = stores.households.get_household(household.id)
    assert (saved.care_level, saved.notes) == (CareLevel.GREEN, "改了备注")
    assert household.id not in {r.household_id for r in stores.care_levels.current_levels()}
    stores.care_contacts.set_contact(household.id, ContactLine.PARTY, head.id, date(2026, 5, 1))
    stores.care_levels.set_level(rating_for(household.id, CareLevel.RED, ReasonClass.SERIOUS_ILLNESS,
                                            date(2026, 12, 1), "村委会", date(2026, 6, 1)))
    stores.households.save_household(replace(stores.households.get_household(household.id), care_level=CareLevel.GREEN))
    assert stores.households.get_household(household.id).care_level is CareLevel.RED  # the rating's, kept


def test_a_grids_member_is_kept_by_date(stores) -> None:  # type: ignore[no-untyped-def]
    """R52: a new 网格员 closes the previous term the day before; a change undone the same day restores the term."""
    from dataclasses import replace

    household, head, other = make_family(stores)
    first, second = head.id, other.id
    grid = Grid(new_id(), household.group_id, "一网格", member_id=first)
    stores.groups.save_grid(grid, date(2026, 1, 1))
    stores.groups.save_grid(replace(grid, member_id=second), date(2026, 6, 1))
    terms = stores.groups.member_terms(grid.id)
    assert [(t.member_id, t.start, t.end) for t in terms] == [
        (first, date(2026, 1, 1), date(2026, 5, 31)), (second, date(2026, 6, 1), None)]
    stores.groups.save_grid(replace(grid, member_id=second), date(2026, 7, 1))  # unchanged: nothing recorded
    assert len(stores.groups.member_terms(grid.id)) == 2
    stores.groups.save_grid(grid, date(2026, 6, 1))  # the change undone the same day
    assert [(t.member_id, t.start, t.end) for t in stores.groups.member_terms(grid.id)] == [
        (first, date(2026, 1, 1), None)]
    with pytest.raises(DomainError, match="不早于"):
        stores.groups.save_grid(replace(grid, member_id=second), date(2025, 12, 31))
    with pytest.raises(DomainError, match="在今天之后"):  # the board prints grids.member_id: who serves now
        stores.groups.save_grid(replace(grid, member_id=second), date.today() + timedelta(days=1))
    assert stores.groups.list_grids()[0].member_id == first
