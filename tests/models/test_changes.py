"""Changed: the notice every store write returns and every screen reloads from."""
import pytest

from models.core.changes import Changed, Entity


def test_one_names_the_record_and_id_reads_it_back() -> None:
    change = Changed.one(Entity.HOUSEHOLD, "h1")
    assert change.ids == frozenset({"h1"}) and change.id == "h1"


def test_id_refuses_a_change_of_none_or_several_records() -> None:
    with pytest.raises(ValueError):
        _ = Changed(Entity.HOUSEHOLD).id
    with pytest.raises(ValueError):
        _ = Changed(Entity.HOUSEHOLD, frozenset({"a", "b"})).id


def test_combined_change_concerns_each_kind_and_keeps_ids_apart() -> None:
    change = Changed.one(Entity.MEETING, "m1") | Changed.one(Entity.WORKFLOW, "r1") | Changed.one(Entity.MEETING, "m2")
    assert change.concerns(Entity.WORKFLOW) and change.concerns(Entity.MEETING)
    assert not change.concerns(Entity.LIST_ENTRY)
    assert change.ids_of(Entity.MEETING) == frozenset({"m1", "m2"})
    assert change.ids_of(Entity.WORKFLOW) == frozenset({"r1"}) and change.ids_of(Entity.USER) == frozenset()
    assert sorted(part.entity for part in change.parts()) == ["meeting", "workflow"]


def test_sync_concerns_every_screen() -> None:
    assert Changed(Entity.SYNC).concerns(Entity.VILLAGER)
    assert (Changed.one(Entity.USER, "u") | Changed(Entity.SYNC)).concerns(Entity.RULEBOOK)


def test_possibly_all_is_not_narrowed_by_ids_of_the_same_kind() -> None:
    """Two bundles accepted at once: one changed rulebook r1, the other some article of any rulebook."""
    change = Changed.one(Entity.SYNC_STATE, "b1") | Changed.one(Entity.RULEBOOK, "r1") | Changed(Entity.RULEBOOK)
    assert change.ids_of(Entity.RULEBOOK) == frozenset() and change.concerns(Entity.RULEBOOK)
    assert (Changed(Entity.RULEBOOK) | Changed.one(Entity.RULEBOOK, "r1")).ids_of(Entity.RULEBOOK) == frozenset()
