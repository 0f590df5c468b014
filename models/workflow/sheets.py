"""Step 8's signature tally (户主签字、摁手印) as spreadsheet rows for .xlsx export: every household with living members,
by group and number, whether it signed, when and on which sheet; each group's count and the village's at the end."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from models.registry.households import HouseholdSummary

SIGNATURE_HEADERS = ["村民小组", "户号", "户主", "签字", "签字日期", "签字表"]


def signature_rows(households: Sequence[HouseholdSummary],
                   signature: Callable[[str], tuple[date, str] | None]) -> list[list[str]]:
    """`signature(household_id)` is the store's (date, sheet) of a signed household, None for one not signed."""
    rows: list[list[str]] = []
    counts: dict[str, tuple[int, int]] = {}
    for summary in sorted((h for h in households if h.members > 0),
                          key=lambda h: (h.group_name, h.household.household_no)):
        signed = signature(summary.household.id)
        done, total = counts.get(summary.group_name, (0, 0))
        counts[summary.group_name] = (done + (signed is not None), total + 1)
        rows.append([summary.group_name, summary.household.household_no, summary.head_name,
                     "已签" if signed else "未签", signed[0].isoformat() if signed else "", signed[1] if signed else ""])
    totals = [[group or "（未分组）", "", "", f"已签 {done} / {total} 户", "", ""]
              for group, (done, total) in counts.items()]
    everyone = (sum(done for done, _ in counts.values()), sum(total for _, total in counts.values()))
    return rows + totals + [["合计", "", "", f"已签 {everyone[0]} / {everyone[1]} 户", "", ""]]
