"""`key export`: the database key for SQLCipher tools and recovery (issue 16)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("key", help="数据库密钥（加密）")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="导出数据库密钥（64 个十六进制字符，仅管理员，需再次输入密码）")
    export.add_argument("--out", type=Path, required=True, help="写入的文件（只有本人可读）")
    export.set_defaults(handler=run_export)


def run_export(context: Context, args: argparse.Namespace) -> int:
    from storage.core.encryption import export_key

    db = context.open_db()
    export_key(db, context.actor, _password_again(), args.out)
    context.emit(f"已把数据库密钥写入 {args.out}。它能打开数据库和全部备份：请像保管公章一样保管，用完即删。",
                 {"file": str(args.out)})
    return 0


def _password_again() -> str:
    """The logged-in account's password once more: XIANGYUE_PASSWORD or the next line of standard input in
    scripts, a hidden prompt at a terminal."""
    if sys.stdin.isatty():
        import getpass
        return getpass.getpass("请再次输入登录密码：")
    if os.environ.get("XIANGYUE_PASSWORD") is not None:
        return os.environ["XIANGYUE_PASSWORD"]
    return sys.stdin.readline().rstrip("\r\n")
