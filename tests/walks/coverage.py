"""Which dialog classes of `ui/` are driven through their real widgets, and by which test (see test_dialog_coverage).

Two ways count:
- a walk opens it: `WALKED` names the walk; the walk fails when it no longer hands that dialog to an
  `expect_dialog` handler (or `expect_window`, for a dialog shown without a loop of its own) (checked after every walk by tests/walks/conftest.py, from what the handlers ran on);
- a test of its own (a test function under tests/, outside the walks): it builds the dialog itself (`Name(…)`),
  fills or clicks widgets (`mouseClick`, `type_text`, `setChecked`, `set_current_value`, `accept`, …), and does not
  replace the dialog or its `ask`/`exec` (`monkeypatch.setattr(Name, …)`) anywhere in that function. A stand-in in
  a caller's unit test does not count.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_DIALOGS = {"QDialog", "QWizard", "QMessageBox", "QInputDialog", "QFileDialog", "QProgressDialog", "QColorDialog",
              "QFontDialog", "QPrintDialog", "QPrintPreviewDialog", "QErrorMessage"}
DRIVING = {"mouseClick", "mouseDClick", "type_text", "keyClicks", "keyClick", "click", "click_button", "fill",
           "choose", "tick", "replace_text"}
FILLING = {"setText", "setPlainText", "setChecked", "setValue", "setDate", "set_current_value", "setCurrentIndex",
           "selectRow", "accept"}

# dialog class → the walk (file::test) that opens it and hands it to a handler
WALKED: dict[str, str] = {
    "LoginDialog": "test_walk_login_search.py::test_login_refuses_a_wrong_password_then_finds_a_household_three_ways",
    "NewMeetingDialog": "test_walk_meeting.py::test_a_joint_committee_meeting_from_new_to_the_printed_resolution",
    "FinaliseDialog": "test_walk_meeting.py::test_a_joint_committee_meeting_from_new_to_the_printed_resolution",
    "PrintOptionsDialog": "test_walk_printing.py::test_one_product_of_each_area_previewed_printed_and_the_same_as_the_cli",
    "NewUserDialog": "test_walk_backup_restore.py::test_back_up_add_an_account_restore_and_it_is_gone",
    "ReplyDialog": "test_walk_nine_steps.py::test_nine_steps_on_screen",
    "ProvinceDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "TemplateDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "ProposalDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "AmendDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "ProgressDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "StageDialog": "test_dialogs_minutes.py::test_the_other_minutes_dialogs_through_their_buttons",
    "AnswerDialog": "test_walk_lists.py::test_red_list_from_nomination_to_the_board_and_expiry",
    "ConsentDialog": "test_walk_lists.py::test_red_list_from_nomination_to_the_board_and_expiry",
    "ObjectionDialog": "test_walk_lists.py::test_red_list_from_nomination_to_the_board_and_expiry",
    "StepDialog": "test_walk_lists.py::test_red_list_from_nomination_to_the_board_and_expiry",
    "ReverseRedemptionDialog": "test_walk_points.py::test_a_redemption_at_the_counter_reversed_with_its_reason",
    "ReverseEntryDialog": "test_walk_points_goods.py::test_a_confirmed_entry_reversed_with_its_reason_then_confirmed_by_a_second_user",
    "GoodsDialog": "test_walk_points_goods.py::test_goods_registered_moved_out_and_counted_with_their_reasons",
    "StockMoveDialog": "test_walk_points_goods.py::test_goods_registered_moved_out_and_counted_with_their_reasons",
    "StockCountDialog": "test_walk_points_goods.py::test_goods_registered_moved_out_and_counted_with_their_reasons",
    "NewRulebookDialog": "test_dialogs_rules.py::test_new_rulebook_catalogue_and_compare_through_their_buttons",
    "CatalogueDialog": "test_dialogs_rules.py::test_new_rulebook_catalogue_and_compare_through_their_buttons",
    "CompareDialog": "test_dialogs_rules.py::test_new_rulebook_catalogue_and_compare_through_their_buttons",
    "HouseholdDialog": "test_dialogs_registry.py::test_household_status_and_roster_import_through_their_buttons",
    "StatusDialog": "test_dialogs_registry.py::test_household_status_and_roster_import_through_their_buttons",
    "ImportDialog": "test_dialogs_registry.py::test_household_status_and_roster_import_through_their_buttons",
    "ReopenDialog": "test_dialogs_workflow.py::test_reopen_a_finished_step_with_its_reason",
    "PasswordDialog": "test_dialogs_settings.py::test_set_a_password_and_log_in_with_it",
    "ConsentsDialog": "test_dialogs_lists.py::test_a_consent_withdrawn_through_the_consents_dialog",
    "WithdrawConsentDialog": "test_dialogs_lists.py::test_a_consent_withdrawn_through_the_consents_dialog",
    "PublicationDialog": "test_walk_disclosures.py::test_record_a_disclosure_with_a_photo_of_the_board",
    "PostingObjectionDialog": "test_walk_disclosures.py::test_record_a_disclosure_with_a_photo_of_the_board",
    "PostingAnswerDialog": "test_walk_disclosures.py::test_record_a_disclosure_with_a_photo_of_the_board",
    "AdoptDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "AwardDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "WithdrawStarDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "ProposeDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "ReviewDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "PublicityDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "StarObjectionDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "StarAnswerDialog": "test_walk_disclosures.py::test_adopt_award_and_withdraw_stars_on_screen",
    "AddProjectDialog": "test_walk_matters.py::test_a_resolution_into_the_project_pool_through_its_dialog",
}

# Not yet driven through their real widgets by any test: this list may only shrink (test_dialog_coverage fails
# when a dialog here becomes covered, or when a new dialog is neither covered nor listed).
NOT_YET: set[str] = set()


def dialog_classes() -> dict[str, str]:
    """Every QDialog subclass defined in ui/ (directly or through another one), name → file; private bases left out."""
    bases: dict[str, tuple[str, list[str]]] = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = (str(path.relative_to(ROOT)), [_name(b) for b in node.bases])
    dialogs = set(QT_DIALOGS)
    while True:
        more = {name for name, (_, of) in bases.items() if name not in dialogs and dialogs & set(of)}
        if not more:
            break
        dialogs |= more
    return {name: bases[name][0] for name in sorted(dialogs - QT_DIALOGS) if not name.startswith("_")}


def driven_by_own_tests(names: set[str]) -> dict[str, list[str]]:
    """Dialog name → the tests (outside tests/walks) that build it and fill or click its widgets, without a stand-in."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        if "walks" in path.parts:
            continue
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, ast.FunctionDef) and function.name.startswith("test_"):
                for name in _driven_in(function, names):
                    found.setdefault(name, []).append(f"{path.relative_to(ROOT)}::{function.name}")
    return found


def _driven_in(function: ast.FunctionDef, names: set[str]) -> set[str]:
    """The dialogs a test function builds itself (`Name(…)`) and drives, unless it replaces them somewhere."""
    calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
    if not any(_name(call.func) in DRIVING | FILLING for call in calls):
        return set()
    built = {_name(call.func) for call in calls}
    replaced = {_name(call.args[0]) for call in calls if _name(call.func) == "setattr" and call.args}
    return (names & built) - replaced


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""
