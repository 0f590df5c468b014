"""`roster import` and `roster export`: the household roster spreadsheet (花名册) in and out."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_PROBLEMS, Context

if TYPE_CHECKING:
    from models.registry.ports import RosterFiles


def register(commands: argparse._SubParsersAction) -> None:
    roster = commands.add_parser("roster", help="花名册导入与导出（CSV 或 XLSX）")
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    load = actions.add_parser("import", help="导入花名册：好的行一次写入，有问题的行逐条报告（有被拒行时退出码为 1）")
    load.add_argument("file", type=Path, help="CSV（UTF-8 或 GBK）或 XLSX 文件")
    load.add_argument("--rejects", type=Path, help="把被拒的行另存为 CSV，改正后可再次导入")
    load.set_defaults(handler=run_import)
    dump = actions.add_parser("export", help="按花名册的列导出在册村民（扩展名 .csv 或 .xlsx）")
    dump.add_argument("file", type=Path)
    dump.set_defaults(handler=run_export)


def _roster(context: Context) -> RosterFiles:
    """The roster files of the command-line session, from the one composition root."""
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor).roster


def run_import(context: Context, args: argparse.Namespace) -> int:
    roster = _roster(context)
    summary = roster.import_roster(args.file)
    if args.rejects and summary.rejected:
        roster.write_rejects(args.file, summary.rejected, args.rejects)
    lines = [f"导入完成：{summary.households} 户 {summary.people} 人；新建 {summary.created} 人，"
             f"更新 {summary.updated} 人；新建 {summary.new_households} 户，调整 {summary.changed_households} 户。"]
    if summary.changes:
        lines.append(f"以下 {len(summary.changes)} 人有更新（列出改动的列）：")
        lines += [f"  {change.describe()}" for change in summary.changes]
    if summary.rejected:
        lines.append(f"以下 {len({r.row for r in summary.rejected})} 行未导入：")
        lines += [f"  第 {r.row} 行【{r.column}】{r.reason}" for r in summary.rejected]
        if args.rejects:
            lines.append(f"被拒的行已另存为 {args.rejects}，改正后可再次导入。")
    context.emit("\n".join(lines), summary.as_json())
    return EXIT_PROBLEMS if summary.rejected else 0


def run_export(context: Context, args: argparse.Namespace) -> int:
    count = _roster(context).export_roster(args.file)
    context.emit(f"已导出 {count} 人到 {args.file}。", {"file": str(args.file), "people": count})
    return 0
