"""At the township desk, `print verify` answers for a code printed in a paired village (the print register travels
in the bundle), naming the village; a code printed at the township itself names none."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers import run_json
from tests.storage.workflow_setup import rulebook_in_force
from tests.sync.conftest import Pair, export, import_
from tests.sync.township_setup import ADMIN


def test_a_village_code_checks_at_the_township(pair: Pair, tmp_path: Path) -> None:
    assert pair.village.path is not None and pair.township.path is not None
    rulebook_id = rulebook_in_force(pair.village, ADMIN)
    code, printed = run_json(pair.village.path, "print", "rules", rulebook_id, "--version", "1",
                             "--out", str(tmp_path / "规约.pdf"))
    assert code == 0
    assert run_json(pair.township.path, "print", "verify", printed["fingerprint"])[0] == 2  # not yet arrived
    import_(pair.township, export(pair.village, pair.stick))
    code, found = run_json(pair.township.path, "print", "verify", printed["fingerprint"])
    assert code == 0 and found == {"document": "《青石村村规民约》", "version": "第1版",
                                   "printed_on": date.today().isoformat(), "status": "current",
                                   "village": "德化乡青石村"}
    code, at_home = run_json(pair.village.path, "print", "verify", printed["fingerprint"])
    assert code == 0 and "village" not in at_home


def test_the_verify_dialog_at_the_township_names_the_village(qtbot, pair: Pair) -> None:
    from PySide6.QtCore import Qt

    from models.core.accounts import Actor, Role
    from models.core.print_log import PrintedCopy, RefKind
    from storage.core.backend import build_stores
    from ui.printing.verify_dialog import VerifyDialog

    rulebook_id = rulebook_in_force(pair.village, ADMIN)
    village = build_stores(pair.village, ADMIN)
    version = village.rules.load_version(rulebook_id, 1)
    village.print_log.log_print(PrintedCopy("AB12-CD34", "rules-poster", "《青石村村规民约》", "第1版",
                                            date(2026, 3, 1), RefKind.RULE_VERSION, rulebook_id, version.id))
    import_(pair.township, export(pair.village, pair.stick))
    dialog = VerifyDialog(build_stores(pair.township, Actor("r", "王审核", Role.TOWNSHIP_REVIEWER)))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_edit, "AB12-CD34")  # ASCII only
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == ("校验码 AB12-CD34：《青石村村规民约》（第1版），德化乡青石村 2026-03-01 打印，"
                                          "现行有效")
