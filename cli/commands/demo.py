"""`demo`: create (or fill) a realistic demo village, the same for the same seed."""
from __future__ import annotations

import argparse

from cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="创建（或补充）演示村数据")
    parser.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子生成相同数据）")
    parser.add_argument("--households", type=int, default=300, help="户数（默认 300）")
    parser.set_defaults(handler=run_demo_command)


def run_demo_command(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError
    from storage.demo import DemoOptions, run_demo
    from storage.demo.b10_installation import DEMO_PASSWORD
    from storage.demo.b70_sync import REVIEWER, township_path

    if not 1 <= args.households <= 20000:
        raise DomainError("户数应在 1 到 20000 之间。")
    context.use_credentials("admin", DEMO_PASSWORD)  # a demo database run again opens with the demo's password
    db = context.open_db(must_exist=False)
    counts = run_demo(db, DemoOptions(seed=args.seed, households=args.households))
    summary = "，".join(f"{k} {v}" for k, v in counts.items())
    result = {"db": str(context.db_path), "counts": counts, "login": {"username": "admin", "password": DEMO_PASSWORD}}
    text = f"演示村已就绪（{context.db_path}）：{summary}。登录：admin / {DEMO_PASSWORD}"
    township = township_path(context.db_path)
    if township.exists():
        result["township"] = {"db": str(township), "login": {"username": REVIEWER[0], "password": DEMO_PASSWORD}}
        text += f"\n演示乡镇端：--db {township}，登录：{REVIEWER[0]}（乡镇审核员）或 admin / {DEMO_PASSWORD}"
    context.emit(text, result)
    return 0
