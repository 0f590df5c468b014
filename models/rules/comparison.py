"""The 修改对照表 of two versions: a read across the rulebook (its versions) and the change reasons recorded."""
from __future__ import annotations

from models.rules.diff import ComparisonRow, comparison_table, diff_versions
from models.rules.ports import ChangeReasonStore, RulebookStore


def comparison(rules: RulebookStore, reasons: ChangeReasonStore, rulebook_id: str, old: int,
               new: int) -> list[ComparisonRow]:
    """The rows from version `old` to version `new`, each reason filled from what was recorded for `new`."""
    before, after = rules.load_version(rulebook_id, old), rules.load_version(rulebook_id, new)
    return comparison_table(diff_versions(before, after), reasons.change_reasons(after.id))
