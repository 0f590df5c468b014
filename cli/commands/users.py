"""`user add`, `user passwd`, `user list`: local accounts from the command line (e.g. a forgotten password)."""
from __future__ import annotations

import argparse

from cli import Context, read_password
from models.core.accounts import Role
from models.core.errors import NotFound


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("user", help="管理本机用户账户（忘记密码时在这里重设）")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="添加用户；密码从标准输入读取或提示输入")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.CLERK.value)
    add.add_argument("--name", default="", help="姓名")
    add.set_defaults(handler=run_add)
    passwd = actions.add_parser("passwd", help="重设用户的密码；新密码从标准输入读取或提示输入")
    passwd.add_argument("username")
    passwd.set_defaults(handler=run_passwd)
    listing = actions.add_parser("list", help="列出用户")
    listing.set_defaults(handler=run_list)


def _store(context: Context):  # -> SqliteAccountStore
    from storage.core.accounts import SqliteAccountStore

    return SqliteAccountStore(context.open_db(), context.actor)


def run_add(context: Context, args: argparse.Namespace) -> int:
    store = _store(context)
    user = store.user(store.create_user(args.username, args.name, Role(args.role), read_password()).id)
    context.emit(f"已添加用户 {user.username}（{user.role.label}）", {"id": user.id, "username": user.username,
                                                                  "role": user.role.value})
    return 0


def run_passwd(context: Context, args: argparse.Namespace) -> int:
    store = _store(context)
    user = next((u for u in store.list_users() if u.username.lower() == args.username.lower()), None)
    if user is None:
        raise NotFound(f"没有用户“{args.username}”。用 user list 查看已有的用户。")
    store.set_password(user.id, read_password("新密码："))
    context.emit(f"已重设 {user.username} 的密码；连续输错的次数已清零。", {"username": user.username})
    return 0


def run_list(context: Context, args: argparse.Namespace) -> int:
    users = _store(context).list_users()
    lines = [f"{u.username}\t{u.display_name}\t{u.role.label}\t{'启用' if u.active else '已停用'}" for u in users]
    context.emit("\n".join(lines), {"users": [{"username": u.username, "name": u.display_name,
                                                "role": u.role.value, "active": u.active} for u in users]})
    return 0
