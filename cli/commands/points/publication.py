"""`points publish | publications | object | answer`: 积分公示 (R37) — a period published with its objection window,
objections raised and answered (registered under `points` by cli/commands/points/__init__.py)."""
from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from cli import EXIT_OK, Context
from cli.commands.printing import parse_date


def register_publication(actions: argparse._SubParsersAction) -> None:
    publish = actions.add_parser("publish", help="公示某期积分（异议期不少于 5 天；期满无异议后本期积分方可兑换）")
    publish.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    publish.add_argument("--date", dest="on", type=parse_date, help="张贴日期（默认今天）")
    publish.add_argument("--days", type=int, default=5, help="公示天数（默认 5，至少 5）")
    publish.set_defaults(handler=run_publish)
    listing = actions.add_parser("publications", help="积分公示记录及其异议")
    listing.add_argument("--period", help="只列某期")
    listing.set_defaults(handler=run_publications)
    objection = actions.add_parser("object", help="登记公示期内的异议（指明户号则只暂停该户本期积分的兑换）")
    objection.add_argument("id", metavar="PUBLICATION_ID")
    objection.add_argument("--by", required=True, metavar="NAME", help="异议人")
    objection.add_argument("--text", required=True, metavar="T", help="异议内容")
    objection.add_argument("--household", default="", metavar="NO", help="涉及的户号（不写：对整张榜的异议）")
    objection.add_argument("--date", dest="on", type=parse_date, help="收到日期（默认今天）")
    objection.set_defaults(handler=run_object)
    answer = actions.add_parser("answer", help="答复积分异议（异议成立的，用 points reverse 冲正）")
    answer.add_argument("id", metavar="OBJECTION_ID")
    answer.add_argument("--text", required=True, metavar="T", help="答复内容")
    answer.add_argument("--upheld", action="store_true", help="异议成立")
    answer.add_argument("--date", dest="on", type=parse_date, help="答复日期（默认今天）")
    answer.set_defaults(handler=run_answer)


def run_publish(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period

    publications = _stores(context).publications
    publication = publications.publication(publications.publish(Period.parse(args.period), args.on, args.days).id)
    context.emit(f"{publication.id}\n{publication.period.text}积分公示：{publication.published_on.isoformat()} 至 "
                 f"{publication.closes_on.isoformat()}",
                 {"id": publication.id, "period": publication.period.code, "closes_on": publication.closes_on.isoformat()})
    return EXIT_OK


def run_publications(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period
    from models.points.publication import publication_state

    publications, today = _stores(context).publications, date.today()
    rows, lines = [], []
    for one in publications.publications(Period.parse(args.period) if args.period else None):
        objections = publications.objections(one.id)
        state = publication_state(one, objections, today)
        rows.append({"id": one.id, "period": one.period.code, "published_on": one.published_on.isoformat(),
                     "closes_on": one.closes_on.isoformat(), "state": state,
                     "objections": [{"id": o.id, "household": o.household_no, "by": o.raised_by, "text": o.content,
                                     "answered": o.answered, "upheld": o.upheld} for o in objections]})
        lines.append(f"{one.id}  {one.period.text}  {one.published_on.isoformat()}—{one.closes_on.isoformat()}  {state}")
        lines += [f"    异议 {o.id} {o.household_no or '整榜'} {o.raised_by}：{o.content}"
                  + (f"（已答复：{o.answer}）" if o.answered else "（待答复）") for o in objections]
    context.emit("\n".join(lines) or "还没有积分公示记录。", {"rows": rows})
    return EXIT_OK


def run_object(context: Context, args: argparse.Namespace) -> int:
    publications = _stores(context).publications
    objection_id = publications.object(args.id, args.by, args.text, args.household, args.on).id
    objection = next(o for o in publications.objections(args.id) if o.id == objection_id)
    context.emit(f"{objection.id}\n已登记异议，请在 {objection.answer_due.isoformat()} 前答复", {"id": objection.id})
    return EXIT_OK


def run_answer(context: Context, args: argparse.Namespace) -> int:
    _stores(context).publications.answer(args.id, args.text, args.upheld, args.on)
    context.emit("已答复" + ("（异议成立：请用 points reverse 冲正有误的记录）" if args.upheld else ""), {"id": args.id})
    return EXIT_OK


def _stores(context: Context) -> Any:  # models.points.ports.PointsStores
    from cli.commands.points import points_stores

    return points_stores(context)
