"""`init`: create an installation with its village profile and first administrator."""
from __future__ import annotations

import argparse

from cli import Context, read_password
from models.core.village import Mode, make_profile


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("init", help="创建新的村（或乡镇）数据库和管理员账户")
    parser.add_argument("--village", default="", help="村名")
    parser.add_argument("--township", required=True, help="所属乡镇")
    parser.add_argument("--county", required=True, help="所属县（区）")
    parser.add_argument("--code", default="", help="行政区划代码（可选）")
    parser.add_argument("--admin", required=True, help="管理员用户名；密码从标准输入读取或提示输入")
    parser.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.VILLAGE.value)
    parser.set_defaults(handler=run_init)


def run_init(context: Context, args: argparse.Namespace) -> int:
    from storage.core.installation import initialise

    profile = make_profile(args.village, args.township, args.county, args.code, Mode(args.mode))
    password = read_password()
    db = context.open_db(must_exist=False)
    user = initialise(db, profile, args.admin, password)
    context.emit(f"已创建{profile.mode.label}数据库：{profile.display_name}（{context.db_path}），管理员：{user.username}",
                 {"db": str(context.db_path), "node": db.node_id, "village": profile.village,
                  "township": profile.township, "county": profile.county, "admin": user.username})
    return 0
