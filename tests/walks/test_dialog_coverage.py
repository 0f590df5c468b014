"""Every QDialog subclass in ui/ is driven through its real widgets: opened by a walk (coverage.WALKED, checked
after each walk against the dialogs its handlers ran on) or built and filled by a test of its own (found by an
ast scan of tests/; a monkeypatched ask/exec in that test disqualifies it). See tests/walks/coverage.py."""
from __future__ import annotations

import ast

from tests.walks.coverage import NOT_YET, ROOT, WALKED, dialog_classes, driven_by_own_tests


def test_every_dialog_is_driven_by_a_walk_or_its_own_test() -> None:
    dialogs = dialog_classes()
    assert {"LoginDialog", "SetupWizard", "NewMeetingDialog"} <= set(dialogs)  # the scan finds them
    own = driven_by_own_tests(set(dialogs))
    uncovered = {name for name in dialogs if name not in WALKED and name not in own}
    assert uncovered - NOT_YET == set(), f"dialogs no test drives (add a walk or a test): {sorted(uncovered - NOT_YET)}"
    assert NOT_YET - uncovered == set(), f"covered now, take them off NOT_YET: {sorted(NOT_YET - uncovered)}"


def test_walked_names_real_dialogs_and_real_walks() -> None:
    dialogs = dialog_classes()
    for name, walk in WALKED.items():
        assert name in dialogs, name
        file, test = walk.split("::")
        tree = ast.parse((ROOT / "tests" / "walks" / file).read_text(encoding="utf-8"))
        assert test in {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}, walk
