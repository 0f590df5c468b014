"""`points-project apply | list | review`: 积分换项目 (Dongkou) — a group or the whole village exchanges its
confirmed points of a period for a project; the application goes to the township in the bundle, and the township's
review (`review`, a township reviewer) comes back the same way."""
from __future__ import annotations

import argparse
from typing import Any

from cli import EXIT_OK, Context
from cli.commands.printing import parse_date


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("points-project", help="积分换项目：村民小组或全村用某期积分申请项目，报乡镇审核")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    apply = actions.add_parser("apply", help="申请（积分不超过该小组或全村本期已确认的积分）")
    apply.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    apply.add_argument("--group", default="", help="村民小组名称（不写：全村）")
    apply.add_argument("--points", type=int, required=True, metavar="N")
    apply.add_argument("--project", required=True, metavar="T", help="项目名称")
    apply.add_argument("--purpose", default="", metavar="T", help="用途说明")
    apply.add_argument("--date", dest="on", type=parse_date, help="申请日期（默认今天）")
    apply.set_defaults(handler=run_apply)
    listing = actions.add_parser("list", help="本村的申请；乡镇端加 --township 列出各村报来的申请")
    listing.add_argument("--township", action="store_true")
    listing.set_defaults(handler=run_list)
    review = actions.add_parser("review", help="乡镇审核：同意或退回，写明意见")
    review.add_argument("id", metavar="ID")
    decision = review.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true")
    decision.add_argument("--return", dest="returned", action="store_true")
    review.add_argument("--text", required=True, metavar="T", help="审核意见")
    review.set_defaults(handler=run_review)


def _applications(context: Context) -> Any:  # models.points.ports.ApplicationStore
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor).points.applications


def _row(application: Any) -> dict[str, Any]:
    return {"id": application.id, "group": application.applicant, "period": application.period.code,
            "points": application.points, "project": application.project, "state": application.state.value,
            "review": application.review}


def run_apply(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period

    store = _applications(context)
    application = store.application(store.apply(args.group, Period.parse(args.period), args.points, args.project,
                                                args.purpose, args.on).id)
    context.emit(f"{application.id}\n{application.applicant}以{application.period.text} {application.points} 分申请"
                 f"“{application.project}”，待乡镇审核（随同步包报送）", _row(application))
    return EXIT_OK


def run_list(context: Context, args: argparse.Namespace) -> int:
    found = _applications(context).applications(args.township)
    lines = [f"{a.id}  {a.applicant}  {a.period.text}  {a.points} 分  {a.project}  {a.state.label}"
             + (f"：{a.review}" if a.review else "") for a in found]
    context.emit("\n".join(lines) or "还没有积分换项目申请。", {"rows": [_row(a) for a in found]})
    return EXIT_OK


def run_review(context: Context, args: argparse.Namespace) -> int:
    store = _applications(context)
    application = store.application(store.review(args.id, args.approve, args.text).id)
    context.emit(f"已{application.state.label}：{application.project}", _row(application))
    return EXIT_OK
