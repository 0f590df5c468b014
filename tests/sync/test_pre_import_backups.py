"""A bundle import keeps one safety copy a day, pruned like every backup (issue 17: 30 imports left 14 GB)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from models.core.backup_policy import PRE_IMPORT_DAYS, pre_imports_to_keep
from storage.core.backups import (backup_dir_for, folder_usage, list_backups, pre_import_backup_if_due, prune,
                                  write_backup)
from tests.sync.conftest import Pair, export, import_, write_notes


def _pre_imports(folder: Path) -> list[Path]:
    return sorted(folder.glob("xiangyue-pre-import-*.sqlite3"))


def test_twenty_imports_leave_one_copy_of_the_day(pair: Pair) -> None:
    folder = backup_dir_for(pair.township.path)  # type: ignore[arg-type]
    for round_ in range(20):
        write_notes(pair.village, 2, f"第{round_}轮")
        assert import_(pair.township, export(pair.village, pair.stick)).applied >= 2
    assert len(_pre_imports(folder)) == 1
    assert folder_usage(folder) == (1, _pre_imports(folder)[0].stat().st_size)


def test_copies_over_many_days_keep_only_the_last_three(pair: Pair) -> None:
    folder = backup_dir_for(pair.township.path)  # type: ignore[arg-type]
    start = datetime(2026, 11, 1, 9, 0)
    for day in range(10):
        now = start + timedelta(days=day)
        made = pre_import_backup_if_due(pair.township, folder, now)
        assert made is not None
        made.rename(made.with_name(f"xiangyue-pre-import-{now:%Y%m%d-%H%M%S}.sqlite3"))  # as if made that day
        assert pre_import_backup_if_due(pair.township, folder, now) is None  # the same day: no second copy
        prune(folder)
    assert [stamp.day for stamp, _ in list_backups(folder, "pre-import")] == [8, 9, 10]


def test_copies_named_by_the_old_rule_are_pruned_too(pair: Pair) -> None:
    folder = backup_dir_for(pair.township.path)  # type: ignore[arg-type]
    for day in range(1, 6):  # xiangyue-pre-import-<6 hex>-<stamp>, as every import made them before
        write_backup(pair.township, folder, f"pre-import-a1b2c{day}").rename(
            folder / f"xiangyue-pre-import-a1b2c{day}-202611{day:02d}-120000.sqlite3")
    manual = write_backup(pair.township, folder, "manual")
    prune(folder)
    assert len(_pre_imports(folder)) == PRE_IMPORT_DAYS and manual.exists()


def test_policy_keeps_the_newest_copy_of_each_of_the_last_days() -> None:
    stamps = [datetime(2026, 11, day, hour) for day in (1, 2, 2, 5, 6) for hour in (8, 17)]
    kept = pre_imports_to_keep(stamps)
    assert sorted(kept) == [datetime(2026, 11, 2, 17), datetime(2026, 11, 5, 17), datetime(2026, 11, 6, 17)]
    assert pre_imports_to_keep([]) == set()
