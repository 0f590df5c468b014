"""The command line: global options, sub-command discovery, output and exit codes.

Part of the composition root (like main.py, it may import every layer); each module in
cli/commands/ registers its own sub-commands, so features add commands without touching this file.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import json
import pkgutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from models.core.errors import DomainError

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


@dataclass
class Context:
    """What every command gets: where the database is, how to print, and the account it runs as."""

    db_path: Path
    as_json: bool
    command: str | None = None
    login_user: str | None = None
    _actor: Any = None

    @property
    def actor(self) -> Any:  # -> models.core.accounts.Actor
        """The logged-in account (cli/login.py); logs in on first use, opening the database if need be."""
        if self._actor is None:
            self.logged_in(self.open_db())
        return self._actor

    def logged_in(self, db: Any) -> Any:
        """`db`, after checking this command's credentials against it once (exit 2 without valid ones)."""
        if self._actor is None:
            from cli.login import login
            self._actor = login(db, self.command, self.login_user)
        return db

    def emit(self, text: str, data: dict[str, Any]) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, default=str))
        else:
            print(text)

    def open_db(self, must_exist: bool = True):  # -> storage.core.db.Database
        from storage.core.installation import open_database
        return self.logged_in(open_database(self.db_path, must_exist=must_exist))


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"命令用法有误：{message}\n使用 --help 查看说明。\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="python main.py", description="乡约：村务管理（不带命令时启动图形界面）")
    parser.add_argument("--db", type=Path, help="数据库文件路径（默认：用户数据目录，或环境变量 XIANGYUE_DB）")
    parser.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    parser.add_argument("--user", dest="login_user", metavar="USER",
                        help="以这个账户登录（密码从标准输入读取或提示输入；也可用环境变量 XIANGYUE_USER/XIANGYUE_PASSWORD）")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    import cli.commands as package
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        importlib.import_module(f"cli.commands.{info.name}").register(commands)
    return parser


def run(argv: list[str] | None, start_gui: Callable[[Path], int]) -> int:
    args = build_parser().parse_args(argv)
    from storage.core.installation import default_db_path
    db_path = args.db or default_db_path()
    _sweep_plaintext(db_path)
    if args.command is None:
        return start_gui(db_path)
    context = Context(db_path, args.json, args.command, args.login_user)
    try:
        return int(args.handler(context, args))
    except DomainError as error:
        return refuse(error.message)
    except sqlite3.OperationalError as error:
        return refuse(explain_sqlite_error(error))
    except OSError as error:
        return refuse(explain_os_error(error))


def _sweep_plaintext(db_path: Path) -> None:
    """Decrypted bundle contents a killed import or export left behind go at the next start of anything."""
    from storage.sync.scratch import sweep
    try:
        sweep(db_path)
    except OSError:
        pass  # a folder that cannot be listed now is swept by a later start; never block the command for it


def refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_REFUSED


def explain_sqlite_error(error: sqlite3.OperationalError) -> str:
    from storage.core.db import explain_sqlite_error as explain

    return explain(error) or f"数据库操作失败：{error}。本次操作已撤销。"


def explain_os_error(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "磁盘已满，无法写入文件。请清理磁盘空间后重试。"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"没有写入权限：{error.filename}。请换一个可写的位置。"
    return f"文件操作失败：{error.strerror}（{error.filename}）。"


def read_password(prompt: str = "密码：") -> str:
    """From standard input when piped (scripts), else a hidden prompt asked twice."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass
    first = getpass.getpass(prompt)
    if getpass.getpass("再输入一次：") != first:
        raise DomainError("两次输入的密码不一致。")
    return first
