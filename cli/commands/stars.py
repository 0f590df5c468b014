"""`stars list | adopt | apply | review | candidates | award | publicize | objection | answer | withdraw`:
ten-star civilised households from the command line, the yearly evaluation step by step (R53): the household
applies or is nominated, its group reviews, the meeting decides, the decisions are publicised with objections.

`print stars-board` and `print star-plaque` are rows of the print table (cli/commands/printing/products.py)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("stars", help="十星级文明户：星目、评星、撤星")
    sub = parser.add_subparsers(dest="stars_command", metavar="ACTION", required=True)
    listed = sub.add_parser("list", help="列出某年度各户的星")
    listed.add_argument("--year", type=int, help="年度（默认今年）")
    listed.set_defaults(handler=run_list)
    adopt = sub.add_parser("adopt", help="按定稿的村民（代表）会议通过星目（默认十颗星）")
    adopt.add_argument("--meeting", required=True, help="会议记录的 id")
    adopt.add_argument("--file", type=Path, help="星目文件（JSON：{\"stars\": [...]}，默认用内置的十颗星）")
    adopt.set_defaults(handler=run_adopt)
    award = sub.add_parser("award", help="按定稿的村民（代表）会议或评议会评定一颗星")
    award.add_argument("--household", required=True, help="户号")
    award.add_argument("--star", required=True, help="星目，例如“孝老爱亲”")
    award.add_argument("--year", required=True, type=int, help="年度")
    award.add_argument("--meeting", required=True, help="作出评定的会议记录 id")
    award.set_defaults(handler=run_award)
    withdraw = sub.add_parser("withdraw", help="撤销一颗星（须写明合法理由）")
    withdraw.add_argument("--household", required=True, help="户号")
    withdraw.add_argument("--star", required=True, help="星目")
    withdraw.add_argument("--reason", required=True, help="撤销理由")
    withdraw.set_defaults(handler=run_withdraw)
    register_evaluation(sub)


def _date(text: str) -> date:
    from cli.commands.printing import parse_date

    return parse_date(text)


def register_evaluation(sub: argparse._SubParsersAction) -> None:
    """申报、小组评议、公示和异议: the steps before a star counts."""
    applied = sub.add_parser("apply", help="农户申请或经推荐申报一颗星（须先通过星目）")
    applied.add_argument("--household", required=True, help="户号")
    applied.add_argument("--star", required=True, help="星目")
    applied.add_argument("--year", required=True, type=int, help="年度")
    applied.add_argument("--nominated-by", default="", help="推荐人（不填为本户申请）")
    applied.add_argument("--date", type=_date, default=None, help="申报日期（默认今天）")
    applied.set_defaults(handler=run_apply)
    review = sub.add_parser("review", help="村民小组评议一项申报（通过或不通过，不通过须写理由）")
    review.add_argument("candidacy", help="申报的 id（见 stars candidates）")
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--pass", dest="passed", action="store_true", help="评议通过")
    verdict.add_argument("--reject", dest="rejected", action="store_true", help="评议不通过")
    review.add_argument("--note", default="", help="评议意见")
    review.add_argument("--by", default="", help="主持评议的人（默认当前用户）")
    review.add_argument("--date", type=_date, default=None, help="评议日期（默认今天）")
    review.set_defaults(handler=run_review)
    candidates = sub.add_parser("candidates", help="列出某年度的申报、小组评议和评定进度")
    candidates.add_argument("--year", type=int, help="年度（默认今年）")
    candidates.set_defaults(handler=run_candidates)
    publicize = sub.add_parser("publicize", help="公示某年度已评定、尚未公示的星（默认 7 天，至少 5 天）")
    publicize.add_argument("--year", required=True, type=int, help="年度")
    publicize.add_argument("--from", dest="start", type=_date, default=None, help="公示开始日期（默认今天）")
    publicize.add_argument("--days", type=int, default=None, help="公示天数（默认 7）")
    publicize.set_defaults(handler=run_publicize)
    objection = sub.add_parser("objection", help="登记公示期间对某户某颗星的异议")
    objection.add_argument("--household", required=True, help="户号")
    objection.add_argument("--star", required=True, help="星目")
    objection.add_argument("--year", required=True, type=int, help="年度")
    objection.add_argument("--by", required=True, help="提出人")
    objection.add_argument("--text", required=True, help="异议内容")
    objection.add_argument("--date", type=_date, default=None, help="收到日期（默认今天）")
    objection.set_defaults(handler=run_objection)
    answer = sub.add_parser("answer", help="答复一条公示异议：成立则撤销这颗星，答复即撤销理由")
    answer.add_argument("objection", help="异议的 id")
    answer.add_argument("--text", required=True, help="核实情况和答复")
    upheld = answer.add_mutually_exclusive_group(required=True)
    upheld.add_argument("--upheld", action="store_true", help="异议成立")
    upheld.add_argument("--dismissed", action="store_true", help="异议不成立")
    answer.add_argument("--date", type=_date, default=None, help="答复日期（默认今天）")
    answer.set_defaults(handler=run_answer)


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor)


def run_list(context: Context, args: argparse.Namespace) -> int:
    year = args.year or date.today().year
    rows = _stores(context).star_awards.rows(year)
    lines = [f"{r.household_no}\t{r.count} 星\t{'、'.join(r.stars)}" for r in rows]
    context.emit("\n".join(lines) or f"{year} 年度还没有评定的星。",
                 {"year": year, "rows": [{"household": r.household_no, "stars": list(r.stars), "count": r.count}
                                         for r in rows]})
    return 0


def run_adopt(context: Context, args: argparse.Namespace) -> int:
    from models.stars.stars import parse_star_list

    stores = _stores(context)
    stars = parse_star_list(args.file.read_text(encoding="utf-8")) if args.file else stores.star_lists.default_stars()
    changed = stores.star_lists.adopt(stars, args.meeting)
    context.emit(f"已通过星目：{'、'.join(stars)}", {"id": changed.id, "stars": list(stars)})
    return 0


def run_award(context: Context, args: argparse.Namespace) -> int:
    changed = _stores(context).star_awards.award(args.household, args.star, args.year, args.meeting)
    context.emit(changed.id, {"id": changed.id})
    return 0


def run_withdraw(context: Context, args: argparse.Namespace) -> int:
    changed = _stores(context).star_awards.withdraw(args.household, args.star, args.reason)
    context.emit("已撤销。", {"id": changed.id})
    return 0


def run_apply(context: Context, args: argparse.Namespace) -> int:
    from models.stars.evaluation import Route

    route = Route.NOMINATED if args.nominated_by.strip() else Route.APPLIED
    changed = _stores(context).star_awards.candidacies.propose(args.household, args.star, args.year, route,
                                                               args.nominated_by, args.date)
    context.emit(changed.id, {"id": changed.id})
    return 0


def run_review(context: Context, args: argparse.Namespace) -> int:
    from models.stars.evaluation import Verdict

    verdict = Verdict.PASSED if args.passed else Verdict.REJECTED
    changed = _stores(context).star_awards.candidacies.review(args.candidacy, verdict, args.note, args.date, args.by)
    context.emit(verdict.label, {"id": changed.id, "verdict": verdict.value})
    return 0


def run_candidates(context: Context, args: argparse.Namespace) -> int:
    year, stores, today = args.year or date.today().year, _stores(context), date.today()
    decided = {(a.household_no, a.star): a for a in stores.star_awards.awards(year)}
    rows = []
    for c in stores.star_awards.candidacies.candidacies(year):
        award = decided.get((c.household_no, c.star))
        rows.append({"id": c.id, "household": c.household_no, "star": c.star, "route": c.route.value,
                     "proposer": c.proposer, "proposed_on": c.proposed_on.isoformat(), "verdict": c.verdict.value,
                     "stage": award.stage(today).value if award else "", "award": award.id if award else ""})
    lines = [f"{r['id']}\t{r['household']}\t{r['star']}\t{r['verdict'] or 'pending'}\t{r['stage']}" for r in rows]
    context.emit("\n".join(lines) or f"{year} 年度还没有申报。", {"year": year, "rows": rows})
    return 0


def run_publicize(context: Context, args: argparse.Namespace) -> int:
    stores = _stores(context)
    changed = stores.star_awards.publicize(args.year, args.start or date.today(), args.days)
    public = [a for a in stores.star_awards.awards(args.year) if a.id in changed.ids]
    end = public[0].publicity_end if public else None
    context.emit(f"已公示 {len(public)} 颗星，至 {end} 止。",
                 {"awards": len(public), "end": end.isoformat() if end else None})
    return 0


def run_objection(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError

    awards = _stores(context).star_awards
    found = [a for a in awards.awards(args.year, args.household) if a.star == args.star.strip() and a.in_force]
    if not found:
        raise DomainError(f"第{args.household}户 {args.year} 年度没有评定“{args.star}”星。")
    awards.add_objection(found[-1].id, args.date or date.today(), args.by, args.text)
    objection = [o for o in awards.objections(args.year) if o.award_id == found[-1].id and o.open
                 and (o.raised_by, o.content) == (args.by.strip(), args.text.strip())][-1]
    context.emit(objection.id, {"id": objection.id, "award": found[-1].id})
    return 0


def run_answer(context: Context, args: argparse.Namespace) -> int:
    changed = _stores(context).star_awards.answer_objection(args.objection, args.text, args.upheld, args.date)
    context.emit("异议成立，已撤销这颗星。" if args.upheld else "已答复。", {"award": changed.id, "upheld": args.upheld})
    return 0


def _year(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--year", required=True, type=int, help="年度")


def _household(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--household", required=True, help="户号")


def print_commands() -> tuple[Any, ...]:
    """`print stars-publicity --year Y`, `print stars-board --year Y` and `print star-plaque --household NO --year Y`
    (rows of the print table)."""
    from cli.commands.printing.products import PrintCommand
    from models.stars.print_sources import star_plaque, stars_board, stars_publicity
    from printing.stars.stars_pdf import board_job, plaque_job, publicity_job

    return (PrintCommand("stars-publicity", "十星级文明户评定结果公示（公示期、异议渠道；无依据不公开姓名）", (_year,),
                         lambda stores, args, today: stars_publicity(stores, args.year, today),
                         lambda data, _args, today: publicity_job(data, today)),
            PrintCommand("stars-board", "十星级文明户公示栏（无依据不公开姓名）", (_year,),
                         lambda stores, args, today: stars_board(stores, args.year, today),
                         lambda data, _args, today: board_job(data, today)),
            PrintCommand("star-plaque", "星级牌和荣誉证书（一户一年度）", (_household, _year),
                         lambda stores, args, today: star_plaque(stores, args.household, args.year, today),
                         lambda data, _args, today: plaque_job(data, today)))
