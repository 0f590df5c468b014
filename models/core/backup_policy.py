"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son)."""
from __future__ import annotations

from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def backups_to_keep(stamps: list[datetime]) -> set[datetime]:
    """The newest backup of each of the last 7 days, 4 ISO weeks and 12 months that have one."""
    newest_first = sorted(stamps, reverse=True)
    keep: set[datetime] = set()
    for key, limit in ((lambda t: t.date(), DAILY),
                       (lambda t: t.isocalendar()[:2], WEEKLY),
                       (lambda t: (t.year, t.month), MONTHLY)):
        seen: list[object] = []
        for stamp in newest_first:
            bucket = key(stamp)
            if bucket not in seen:
                seen.append(bucket)
                if len(seen) > limit:
                    break
                keep.add(stamp)
    return keep
