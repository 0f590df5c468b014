"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son)."""
from __future__ import annotations

from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12
PRE_IMPORT_DAYS = 3  # a bundle import's safety copy: the newest of each of the last 3 days that had one


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


def pre_imports_to_keep(stamps: list[datetime]) -> set[datetime]:
    """The pre-import copies to keep: the one of each of the last `PRE_IMPORT_DAYS` days that had one.

    An import is one transaction, so its copy guards only against a bundle whose content was wrong; a copy a day,
    kept three days, bounds the folder at three database sizes however many bundles a township imports (issue 17:
    a copy per import filled 14 GB in 30 imports)."""
    keep: dict[object, datetime] = {}
    for stamp in sorted(stamps):  # the newest of a day overwrites the earlier ones
        keep[stamp.date()] = stamp
    return set(sorted(keep.values(), reverse=True)[:PRE_IMPORT_DAYS])
