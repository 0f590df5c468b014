"""The command line: global options, sub-command discovery, output and exit codes.

Part of the composition root (like main.py, it may import every layer); each module in
cli/commands/ registers its own sub-commands, and is named once in COMMAND_MODULES.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from models.core.errors import DomainError
from storage.core.driver import sqlite as sqlite3

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2
# The modules of cli/commands/, each registering its sub-commands. Named, not discovered with pkgutil: a frozen
# app (PyInstaller) has no folder to list, and would start with no command at all. tests/cli/test_command_modules.py
# checks this list against the package's contents, so a new module cannot be forgotten here.
COMMAND_MODULES = ("care", "demo", "disclosures", "goods", "key", "lists", "maintenance", "matters", "meetings",
                   "points", "points_projects", "printing", "roster", "rules", "setup", "stars", "sync", "township",
                   "users")


@dataclass
class Context:
    """What every command gets: where the database is, how to print, and the account it runs as."""

    db_path: Path
    as_json: bool
    command: str | None = None
    login_user: str | None = None
    key_file: Path | None = None
    _actor: Any = None
    _given: tuple[str, str] | None = None
    _file_key: bytes | None = None
    _proof: Any = None

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
            self._actor = login(db, self.command, self.login_user, self._given, self._proof)
        return db

    def emit(self, text: str, data: dict[str, Any]) -> None:
        if self.as_json:  # \u escapes where the output cannot hold every character: JSON stays lossless
            print(json.dumps(data, ensure_ascii=not _holds_all_characters(sys.stdout), default=str))
        else:
            print(text)

    def open_db(self, must_exist: bool = True, migrate: bool = True):  # -> storage.core.db.Database
        """The database, opened with the key the login unwraps (or --key-file gives), logged in; a database of an
        earlier version is encrypted in place by the first login (not by `check`, which never writes)."""
        from storage.core.encryption import encrypt_in_place, needs_key
        from storage.core.installation import open_database

        key = self.file_key()
        if key is None and needs_key(self.db_path):
            from cli.login import unwrap_key
            key, self._given, self._proof = unwrap_key(self.db_path, self.login_user, self._given)
        db = self.logged_in(open_database(self.db_path, must_exist=must_exist, migrate=migrate, key=key))
        if db.key is None and self.command != "check" and _has_accounts(db):
            db = encrypt_in_place(db)
        return db


    def use_credentials(self, username: str, password: str) -> None:
        """Credentials a command knows itself (the demo's own account), used when none are given."""
        if self._given is None and self.login_user is None and not os.environ.get("XIANGYUE_USER"):
            self._given = (username, password)

    def file_key(self) -> bytes | None:
        """The key `--key-file` gives (read once), or None without the option."""
        if self._file_key is None and self.key_file is not None:
            from cli.login import key_from_file
            self._file_key = key_from_file(self.key_file)
        return self._file_key

    def key_for_backup(self, path: Path) -> bytes | None:
        """The key of a backup file: `--key-file`, else its own keyring copy opened with this command's credentials,
        else (None) the live database's key; a plain backup needs none."""
        from storage.core.db import is_plain
        from storage.core.keyring import keyring_file_for

        if is_plain(path) or not path.is_file():
            return None
        if self.key_file is not None:
            return self.file_key()
        if not keyring_file_for(path).exists():
            return None
        from cli.login import unwrap_key
        try:
            key, self._given, _ = unwrap_key(path, self.login_user, self._given)  # the backup's: not this login's
        except DomainError:
            return None  # e.g. a password changed since the backup: the live database's key may open it
        return key


def _has_accounts(db: Any) -> bool:
    return bool(db.table_exists("users") and db.conn.execute("SELECT 1 FROM users LIMIT 1").fetchone())


def _holds_all_characters(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf") or encoding == "gb18030"


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"命令用法有误：{message}\n使用 --help 查看说明。\n")


def _global_options() -> argparse.ArgumentParser:
    frozen = getattr(sys, "frozen", False)  # the installed app: xiangyue-cli.exe, or /usr/bin/xiangyue
    parser = ChineseArgumentParser(prog=Path(sys.argv[0]).stem if frozen else "python main.py",
                                   description="乡约：村务管理（不带命令时启动图形界面）")
    parser.add_argument("--db", type=Path, help="数据库文件路径（默认：用户数据目录，或环境变量 XIANGYUE_DB）")
    parser.add_argument("--json", action="store_true", help="以一个 JSON 对象输出结果")
    parser.add_argument("--user", dest="login_user", metavar="USER",
                        help="以这个账户登录（密码从标准输入读取或提示输入；也可用环境变量 XIANGYUE_USER/XIANGYUE_PASSWORD）")
    parser.add_argument("--key-file", dest="key_file", type=Path, metavar="FILE",
                        help="用密钥文件（key export 导出的 64 个十六进制字符）打开加密的数据库，供脚本和恢复使用")
    return parser


def gui_launch(argv: list[str]) -> Path | None:
    """The database of a launch without a command (the GUI), read without building the command tree (34 ms of
    imports and parsers a clerk would wait for); None when `argv` names a command or asks for help."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    known, rest = _global_options().parse_known_args(argv)
    if rest:
        return None
    from storage.core.installation import default_db_path
    return known.db or default_db_path()


def build_parser() -> argparse.ArgumentParser:
    parser = _global_options()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"cli.commands.{name}").register(commands)
    for command in commands.choices.values():
        _json_after_the_command(command)
    return parser


def _json_after_the_command(parser: argparse.ArgumentParser) -> None:
    """`COMMAND … --json` as well as `--json COMMAND …`: the issues' contracts write it after the command. SUPPRESS
    keeps the global option's value unless the sub-command's own is given."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _json_after_the_command(sub)
    if "--json" not in parser._option_string_actions:
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以一个 JSON 对象输出结果")


def run(argv: list[str] | None, start_gui: Callable[[Path], int]) -> int:
    gui_db = gui_launch(sys.argv[1:] if argv is None else argv)
    if gui_db is not None:
        _sweep_plaintext(gui_db)
        return start_gui(gui_db)
    args = build_parser().parse_args(argv)
    from storage.core.installation import default_db_path
    db_path = args.db or default_db_path()
    _sweep_plaintext(db_path)
    if args.command is None:
        return start_gui(db_path)
    context = Context(db_path, args.json, args.command, args.login_user, args.key_file)
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
    from models.core.file_errors import file_error_message

    return file_error_message(error) or f"文件操作失败：{error.strerror}（{error.filename}）。请检查文件能否打开，再重试。"


def read_password(prompt: str = "密码：") -> str:
    """From standard input when piped (scripts), else a hidden prompt asked twice."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass
    first = getpass.getpass(prompt)
    if getpass.getpass("再输入一次：") != first:
        raise DomainError("两次输入的密码不一致。")
    return first
