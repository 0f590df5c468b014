"""`check`, `backup` and `restore`: keeping the database sound and recoverable."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli import EXIT_PROBLEMS, Context


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="检查数据库完整性、外键、审计链和变更日志")
    check.set_defaults(handler=run_check)
    backup = commands.add_parser("backup", help="把数据库备份到指定文件夹")
    backup.add_argument("--to", required=True, type=Path, help="备份文件夹")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", help="从备份文件恢复数据库（先检查备份）")
    restore.add_argument("file", type=Path)
    restore.add_argument("--force", action="store_true", help="允许用另一安装的备份替换本机数据")
    restore.set_defaults(handler=run_restore)


def run_check(context: Context, args: argparse.Namespace) -> int:
    from storage.core.checks import run_checks

    from storage.core.installation import open_database

    problems = run_checks(context.logged_in(open_database(context.db_path, migrate=False)))  # never migrates
    text = "检查通过：数据库完整，审计链和变更日志一致。" if not problems else \
        f"发现 {len(problems)} 个问题：\n" + "\n".join(f"- {p}" for p in problems)
    context.emit(text, {"ok": not problems, "problems": problems})
    return EXIT_PROBLEMS if problems else 0


def run_backup(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backups import require_writable, write_backup

    from models.core.accounts import Permission

    require_writable(args.to)
    db = context.open_db()
    context.actor.require(Permission.BACKUP_RESTORE)  # a backup holds every ID number
    path = write_backup(db, args.to, "manual")
    context.emit(str(path), {"file": str(path), "bytes": path.stat().st_size})
    return 0


def run_restore(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backups import inspect_backup, move_aside_damaged, restore_into
    from storage.core.db import DatabaseDamaged
    from storage.core.node import key_file_for, keys_match

    inspect_backup(args.file)  # refuse a bad file before touching (or creating) the live one
    damaged = None
    try:
        db = context.open_db(must_exist=False)
    except DatabaseDamaged:
        damaged = move_aside_damaged(context.db_path)  # kept beside it, not overwritten
        db = context.open_db(must_exist=False)
    safety = restore_into(db, args.file, context.actor, force=args.force)
    notes = [f"原数据已另存为 {safety}" for _ in [safety] if safety]
    notes += [f"损坏的数据库已改名保留为 {damaged}" for _ in [damaged] if damaged]
    if not keys_match(db, key_file_for(context.db_path)):
        notes.append("注意：本机的密钥文件与恢复的数据不匹配，同步前请用密钥备份恢复该安装的密钥。")
    text = f"已从 {args.file} 恢复。" + "".join(f"\n{n}" for n in notes)
    context.emit(text, {"restored": str(args.file), "safety_copy": str(safety or ""),
                        "damaged_copy": str(damaged or ""), "notes": notes})
    return 0
