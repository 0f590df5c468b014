"""`print matters|matter-chart|officer-log`: 群众说事's printed products, rows of the print table."""
from __future__ import annotations

import argparse
from typing import Any

from cli.commands.printing.products import PrintCommand


def _period(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--period", required=True, help="月份，例如 2026-11")


def _officer(parser: argparse.ArgumentParser) -> object:
    parser.add_argument("--officer", required=True, help="信息员：账户的用户名或姓名")
    return parser.add_argument("--month", required=True, help="月份，例如 2026-11")


def matter_commands() -> tuple[PrintCommand[Any], ...]:
    from models.matters import print_sources as sources
    from printing.matters import matters_pdf as pdf

    return (
        PrintCommand("matters", "群众说事问题清单、交办清单、销号清单（当月，张贴用；不公开事项只按类别计数）", (_period,),
                     lambda stores, args, today: sources.month_lists(stores, args.period, today),
                     lambda data, _args, today: pdf.month_lists_job(data, today), None),
        PrintCommand("matter-chart", "挂图作战：未销号事项按村民小组和类别计数（A3 横向，黑白可读）", (),
                     lambda stores, _args, today: sources.wall_chart(stores, today),
                     lambda data, _args, _today: pdf.wall_chart_job(data), None),
        PrintCommand("officer-log", "议事信息员工作日志（一位信息员一个月）", (_officer,),
                     lambda stores, args, _today: sources.officer_log(stores, args.officer, args.month),
                     lambda data, _args, _today: pdf.officer_log_job(data), None),
    )
