"""`stars list | adopt | award | withdraw`: ten-star civilised households from the command line.

`print stars-board` and `print star-plaque` are rows of the print table (cli/commands/printing/products.py)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli import Context
from models.core.accounts import COMMAND_LINE_ACTOR


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


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), COMMAND_LINE_ACTOR)


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


def _year(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--year", required=True, type=int, help="年度")


def _household(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--household", required=True, help="户号")


def print_commands() -> tuple[Any, ...]:
    """`print stars-board --year Y` and `print star-plaque --household NO --year Y` (rows of the print table)."""
    from cli.commands.printing.products import PrintCommand
    from models.stars.print_sources import star_plaque, stars_board
    from printing.stars.stars_pdf import board_job, plaque_job

    return (PrintCommand("stars-board", "十星级文明户公示栏（无依据不公开姓名）", (_year,),
                         lambda stores, args, today: stars_board(stores, args.year, today),
                         lambda data, _args, today: board_job(data, today)),
            PrintCommand("star-plaque", "星级牌和荣誉证书（一户一年度）", (_household, _year),
                         lambda stores, args, today: star_plaque(stores, args.household, args.year, today),
                         lambda data, _args, today: plaque_job(data, today)))
