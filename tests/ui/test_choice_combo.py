"""ChoiceCombo hands back the very value it was given, whatever its type (Qt item data turned a StrEnum into str)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from models.lists.entries import ListKind
from models.workflow.records import Disposition
from ui.widgets.choice_combo import ChoiceCombo


@dataclass(frozen=True)
class Hit:
    name: str
    household_no: str


def _combo(qtbot, choices: list[tuple[str, object]]) -> ChoiceCombo:
    combo: ChoiceCombo = ChoiceCombo()
    qtbot.addWidget(combo)
    combo.add_choices(choices)
    return combo


def _choose(combo: ChoiceCombo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_a_str_enum_comes_back_as_the_enum(qtbot) -> None:
    combo = _combo(qtbot, [(d.label, d) for d in Disposition])
    _choose(combo, Disposition.PARTLY.label)
    assert combo.current_value() is Disposition.PARTLY
    assert type(combo.current_value()) is Disposition and combo.current_value().label == "部分采纳"
    assert combo.set_current_value(Disposition.REJECTED) and combo.currentText() == Disposition.REJECTED.label


def test_a_str_comes_back_and_an_unknown_value_changes_nothing(qtbot) -> None:
    combo = _combo(qtbot, [("（不引用条款）", ""), ("第十二条 房前屋后不乱堆乱放", "第十二条")])
    assert combo.current_value() == ""
    _choose(combo, "第十二条 房前屋后不乱堆乱放")
    assert combo.current_value() == "第十二条"
    assert not combo.set_current_value("第九十九条") and combo.current_value() == "第十二条"


def test_an_int_comes_back_as_an_int(qtbot) -> None:
    combo = _combo(qtbot, [("第1版（已生效）", 1), ("第2版（草稿）", 2)])
    _choose(combo, "第2版（草稿）")
    assert combo.current_value() == 2 and type(combo.current_value()) is int
    assert combo.index_of(1) == 0


def test_none_is_a_value_of_its_own_and_an_empty_combo_has_none(qtbot) -> None:
    combo = _combo(qtbot, [("全部", None), ("三组", "g3")])
    assert combo.current_value() is None
    _choose(combo, "三组")
    assert combo.current_value() == "g3"
    assert combo.set_current_value(None) and combo.currentText() == "全部"
    combo.clear_choices()
    assert combo.count() == 0 and combo.current_value() is None and combo.values() == []


def test_a_tuple_comes_back_as_the_tuple(qtbot) -> None:
    combo = _combo(qtbot, [("杨寨老（寨老）", ("杨寨老", "寨老")), ("吴支书（党支部书记）", ("吴支书", "党支部书记"))])
    _choose(combo, "吴支书（党支部书记）")
    assert combo.current_value() == ("吴支书", "党支部书记") and isinstance(combo.current_value(), tuple)


def test_a_frozen_dataclass_comes_back_as_the_same_object(qtbot) -> None:
    hit = Hit("王平光", "12")
    combo = _combo(qtbot, [("（全户）", None), ("王平光（第12户）", hit)])
    _choose(combo, "王平光（第12户）")
    assert combo.current_value() is hit


@pytest.mark.parametrize("kind", list(ListKind))
def test_value_changed_carries_the_typed_value(qtbot, kind: ListKind) -> None:
    combo = _combo(qtbot, [(k.label, k) for k in ListKind])
    combo.setCurrentIndex(-1)
    with qtbot.waitSignal(combo.value_changed) as blocker:
        _choose(combo, kind.label)
    assert blocker.args == [kind] and type(blocker.args[0]) is ListKind


def test_an_editable_combo_does_not_add_what_is_typed(qtbot) -> None:
    """A typed-in entry would have no value on the Python side; the list of values must stay in step."""
    from PySide6.QtCore import Qt
    combo = _combo(qtbot, [("户主", "head"), ("配偶", "spouse")])
    combo.setEditable(True)
    combo.lineEdit().setText("女婿")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.count() == 2 and combo.values() == ["head", "spouse"]
