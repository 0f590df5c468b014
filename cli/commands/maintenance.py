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

    problems = run_checks(context.open_db(migrate=False))  # never migrates, never encrypts
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
    from storage.core.db import DatabaseDamaged, is_plain
    from storage.core.node import key_file_for, keys_match

    backup_key = context.key_for_backup(args.file)
    if backup_key is not None or is_plain(args.file) or not args.file.is_file():
        inspect_backup(args.file, backup_key)  # refuse a bad file before touching (or creating) the live one
    damaged = None
    try:
        db = context.open_db(must_exist=False)
    except DatabaseDamaged:
        damaged = move_aside_damaged(context.db_path)  # kept beside it, not overwritten
        db = context.open_db(must_exist=False)
    if backup_key is None and not is_plain(args.file):
        inspect_backup(args.file, db.key)  # a backup of this database, under its key
    safety = restore_into(db, args.file, context.actor, force=args.force, source_key=backup_key)
    notes = [f"原数据已另存为 {safety}" for _ in [safety] if safety]
    notes += [f"损坏的数据库已改名保留为 {damaged}" for _ in [damaged] if damaged]
    if not keys_match(db, key_file_for(context.db_path)):
        notes.append("注意：本机的密钥文件与恢复的数据不匹配，同步前请用密钥备份恢复该安装的密钥。")
    if backup_key is not None and db.key != backup_key:
        notes.append("数据库已用本机的新密钥加密：恢复密钥后请重新运行 sync backup-keys，让密钥备份含有新的数据库密钥。")
    text = f"已从 {args.file} 恢复。" + "".join(f"\n{n}" for n in notes)
    context.emit(text, {"restored": str(args.file), "safety_copy": str(safety or ""),
                        "damaged_copy": str(damaged or ""), "notes": notes})
    return 0
