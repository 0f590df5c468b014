"""The demo registry: realistic shape, valid ID numbers, deterministic per seed, added only once."""
from __future__ import annotations

from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR
from models.registry.id_numbers import id_number_problem
from models.registry.households import RoleCode
from storage.demo import DemoOptions, run_demo
from storage.core.installation import open_memory_database
from storage.core.backend import SqliteStores, build_stores


def _village(seed: int = 5) -> tuple[SqliteStores, dict[str, int]]:
    db = open_memory_database()
    counts = run_demo(db, DemoOptions(seed=seed, households=120))
    return build_stores(db, COMMAND_LINE_ACTOR), counts


def test_demo_registry_shape_and_roles() -> None:
    store, counts = _village()
    assert counts["households"] == 120 and 380 <= counts["villagers"] <= 520
    assert len(store.groups.list_groups()) == 6
    sizes = [s.household.grid_id for s in store.households.list_households()]
    assert None not in sizes
    day = date(2026, 1, 1)
    representatives = store.registry.people_with_role(RoleCode.REPRESENTATIVE, day)
    women = sum(1 for v in representatives if v.gender and v.gender.value == "female")
    assert len(representatives) == 10 and women == 3
    assert store.registry.people_with_role(RoleCode.ELDER, day) and store.registry.people_with_role(RoleCode.PARTY_MEMBER, day)
    assert len(store.registry.people_with_role(RoleCode.TWO_COMMITTEES_MEMBER, day)) == 6
    ids = [v.id_number for s in store.households.list_households()[:10] for v in store.villagers.members(s.household.id)]
    assert all(n.startswith("522631") and id_number_problem(n) is None for n in ids)


def test_demo_is_deterministic_and_runs_once() -> None:
    first, _ = _village(9)
    second, _ = _village(9)
    names = [[v.name for v in s.villagers.members(h.household.id)] for s in (first, second) for h in s.households.list_households()[:20]]
    assert names[:20] == names[20:]
    counts = run_demo(first._db, DemoOptions(seed=9, households=120))
    assert counts["villagers"] == 0 and counts["households"] == 0
