"""What never leaves a village for its township in a bundle (R51, issue 23).

The reason a household is 关心户 or 连心户 (income, illness, disability, a child left behind) is sensitive personal
information (PIPL Arts. 28–29): it is shown only to the village roles that need it. The township has no such
role — its desk reads disclosures, reviews and filings, never a household's care — so a bundle to a township
carries each care rating with its level, review date and who decided, and the reason class and note blanked.
Between a village's own computers (a peer of kind "village") the rating travels whole. Visit findings travel: a
problem found on a visit is a villagers' matter, and matters go to the township anyway (docs/care.md)."""
from __future__ import annotations

import json
from collections.abc import Mapping

TOWNSHIP_WITHHELD: Mapping[str, tuple[str, ...]] = {"care_levels": ("reason_class", "reason_note")}


def withheld_row(table: str, row_json: str, withheld: Mapping[str, tuple[str, ...]]) -> str:
    """`row_json` with the withheld columns of `table` blanked (unchanged when none applies)."""
    columns = withheld.get(table)
    if not columns:
        return row_json
    row = json.loads(row_json)
    if not any(row.get(column) for column in columns):
        return row_json
    return json.dumps(row | {column: "" for column in columns if column in row}, ensure_ascii=False,
                      separators=(",", ":"))
