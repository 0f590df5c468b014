"""`disclose due | record | objection | answer` and `finance import`: the three disclosures from the command line.

`print finance-board` is a row of the print table (cli/commands/printing/products.py, from `print_commands`)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli import Context


def parse_date(text: str) -> date:
    """The print commands' date parser, imported when used (cli.commands.printing imports this module's table)."""
    from cli.commands.printing import parse_date as parse

    return parse(text)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("disclose", help="三务公开：应公开事项和公开记录")
    sub = parser.add_subparsers(dest="disclose_command", metavar="ACTION", required=True)
    due = sub.add_parser("due", help="列出应公开事项及其状态（due 待公开 / overdue 逾期 / done 按时 / late 补公开）")
    due.add_argument("--year", type=int, help="只看这一年（默认今年，以及去年未完成的）")
    due.set_defaults(handler=run_due)
    record = sub.add_parser("record", help="登记一次公开（什么、在哪里、起止日期、谁张贴的、公开栏照片）")
    record.add_argument("--kind", required=True, choices=("party", "village", "finance"), help="党务/村务/财务")
    record.add_argument("--category", required=True, help="目录中的类别，例如“财务收支”")
    record.add_argument("--from", dest="start", required=True, type=parse_date, help="公开开始日期")
    record.add_argument("--to", dest="end", required=True, type=parse_date, help="公开结束日期")
    record.add_argument("--photo", type=Path, help="公开栏照片（只存档，不打印）")
    record.add_argument("--place", choices=("board", "screen", "wechat"), default="board", help="公开栏/电子屏/微信群")
    record.add_argument("--by", default="", help="张贴人（默认当前用户）")
    record.add_argument("--period", default="", help="所公开的期间，例如 2026-11、2026-Q3（默认：开始日期前最近结束的一期）")
    record.add_argument("--title", default="", help="公开内容的标题")
    record.set_defaults(handler=run_record)
    objection = sub.add_parser("objection", help="登记村民对一次公开的异议")
    objection.add_argument("publication", help="公开记录的 id")
    objection.add_argument("--by", required=True, help="提出人")
    objection.add_argument("--text", required=True, help="异议内容")
    objection.add_argument("--date", type=parse_date, default=None, help="收到日期（默认今天）")
    objection.set_defaults(handler=run_objection)
    event = sub.add_parser("event", help="登记使事项到期的事件：收到政府批复，或较长项目的决策、进展、完成（R41）")
    event.add_argument("--category", required=True, help="目录中的事项，例如“需经政府批准的事项”“时间较长的建设项目”")
    event.add_argument("--subject", required=True, help="什么事：批复的文号和标题，或项目名称")
    event.add_argument("--date", type=parse_date, default=None, help="收到批复或项目决策、进展、完成的日期（默认今天）")
    event.add_argument("--stage", choices=("decision", "progress", "completion"), help="项目的 决策/进展/完成")
    event.set_defaults(handler=run_event)
    sign = sub.add_parser("sign-off", help="村务监督委员会对一次公开签字确认（R42；用监督人账户登录）")
    sign.add_argument("publication", help="公开记录的 id")
    sign.add_argument("--date", type=parse_date, default=None, help="签字日期（默认今天）")
    sign.set_defaults(handler=run_sign_off)
    desk = sub.add_parser("township", help="乡镇端：各村按时、补公开和逾期未公开的事项（来自同步包）")
    desk.add_argument("--years", type=int, default=1, help="看最近几年（默认 1）")
    desk.set_defaults(handler=run_township)
    answer = sub.add_parser("answer", help="答复一条异议")
    answer.add_argument("objection", help="异议的 id（见 disclose objections）")
    answer.add_argument("--text", required=True, help="答复内容")
    answer.add_argument("--date", type=parse_date, default=None, help="答复日期（默认今天）")
    answer.set_defaults(handler=run_answer)
    objections = sub.add_parser("objections", help="列出一次公开收到的异议和答复")
    objections.add_argument("publication", help="公开记录的 id")
    objections.set_defaults(handler=run_objections)
    finance = commands.add_parser("finance", help="财务公开表：导入会计导出的收支明细")
    finance_sub = finance.add_subparsers(dest="finance_command", metavar="ACTION", required=True)
    imported = finance_sub.add_parser("import", help="导入 .xlsx/.csv（列：日期、摘要、收入、支出；末行“合计”须等于各行之和）")
    imported.add_argument("file", type=Path, help="收支明细文件")
    imported.add_argument("--month", required=True, help="月份，例如 2026-11")
    imported.set_defaults(handler=run_finance_import)


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor)


def run_due(context: Context, args: argparse.Namespace) -> int:
    rows = _stores(context).disclosures.due(date.today(), args.year)
    lines = [f"{o.due}\t{o.kind.label}\t{o.category}\t{o.subject or o.period}\t{s.label}" for o, s in rows]
    context.emit("\n".join(lines) or "没有到期的公开事项。",
                 {"rows": [{"kind": o.kind.value, "category": o.category, "period": o.period,
                            "due": o.due.isoformat(), "status": s.value} for o, s in rows]})
    return 0


def run_record(context: Context, args: argparse.Namespace) -> int:
    from models.core.attachments import AttachmentKind, AttachmentOwner, OwnerKind
    from models.disclosures.catalogue import DisclosureKind, Place

    stores = _stores(context)
    changed = stores.publications.record(DisclosureKind(args.kind), args.category, args.start, args.end,
                                         Place(args.place), args.by, args.title, "", args.period)
    if args.photo is not None:
        stores.attachments.attach(AttachmentOwner(OwnerKind.DISCLOSURE, changed.id), args.photo,
                                  AttachmentKind.PHOTO)
    posted = stores.publications.publication(changed.id)
    text = changed.id if posted.place is not Place.WECHAT else \
        f"{changed.id}\n注意：微信群只作补充，不算已公开（R42）；请在村务公开栏张贴后再登记一次。"
    context.emit(text, {"id": changed.id, "period": posted.period, "due": posted.due.isoformat(),
                              "on_time": posted.on_time, "photo": args.photo is not None})
    return 0


def run_event(context: Context, args: argparse.Namespace) -> int:
    from models.disclosures.calendar import DisclosureEvent, ProjectStep

    calendar = _stores(context).disclosures
    today = date.today()
    event = DisclosureEvent(args.category.strip(), args.subject, args.date or today,
                            ProjectStep(args.stage) if args.stage else None)
    changed = calendar.record_event(event, today)
    due = next(o for year in (event.on.year,) for o in calendar.obligations(year) if o.period == changed.id)
    context.emit(f"已登记：{due.subject}，应于 {due.due} 前公开（{due.category}）。",
                 {"id": changed.id, "category": due.category, "due": due.due.isoformat()})
    return 0


def run_sign_off(context: Context, args: argparse.Namespace) -> int:
    publications = _stores(context).publications
    changed = publications.sign_off(args.publication, args.date or date.today())
    posted = publications.publication(changed.id)
    context.emit(f"{posted.category} {posted.title or posted.period}：{posted.signed_off_by}已于 {posted.signed_off_on} "
                 "签字确认。", {"id": changed.id, "signed_off_by": posted.signed_off_by,
                               "signed_off_on": str(posted.signed_off_on)})
    return 0


def run_objection(context: Context, args: argparse.Namespace) -> int:
    changed = _stores(context).publications.add_objection(args.publication, args.date or date.today(), args.by,
                                                          args.text)
    context.emit("已登记异议。", {"publication": changed.id})
    return 0


def run_answer(context: Context, args: argparse.Namespace) -> int:
    changed = _stores(context).publications.answer_objection(args.objection, args.text, args.date or date.today())
    context.emit("已答复。", {"publication": changed.id})
    return 0


def run_objections(context: Context, args: argparse.Namespace) -> int:
    found = _stores(context).publications.objections(args.publication)
    lines = [f"{o.id}\t{o.received_on}\t{o.raised_by}：{o.content}\t{o.answer or '未答复'}" for o in found]
    context.emit("\n".join(lines) or "没有异议。",
                 {"objections": [{"id": o.id, "received_on": o.received_on.isoformat(), "raised_by": o.raised_by,
                                  "content": o.content, "answer": o.answer,
                                  "answered_on": o.answered_on.isoformat() if o.answered_on else None}
                                 for o in found]})
    return 0


def run_township(context: Context, args: argparse.Namespace) -> int:
    records = _stores(context).disclosure_desk.village_records(date.today(), args.years)
    lines = [f"{r.name}\t按时 {r.on_time}\t补公开 {r.late}\t逾期未公开 {r.missing}" for r in records]
    context.emit("\n".join(lines) or "还没有收到任何村的同步包。",
                 {"villages": [{"node": r.node, "name": r.name, "on_time": r.on_time, "late": r.late,
                                "missing": r.missing, "late_items": list(r.late_items),
                                "missing_items": list(r.missing_items)} for r in records]})
    return 0


def run_finance_import(context: Context, args: argparse.Namespace) -> int:
    from models.disclosures.finance import yuan

    finance = _stores(context).finance_sheets
    finance.import_file(args.file, args.month)
    sheet = finance.sheet(args.month)
    context.emit(f"已导入 {args.month} 收支明细 {len(sheet.lines)} 行：收入 {yuan(sheet.income)} 元，支出 "
                 f"{yuan(sheet.expense)} 元。", {"month": args.month, "lines": len(sheet.lines),
                                                 "income": sheet.income, "expense": sheet.expense})
    return 0


def register_printed(stores: Any, product: str, job: Any, meeting_id: str = "", period: str = "") -> None:
    """打印即登记 (issue 23): a public notice or board printed by any `print` command is recorded as posted, when it
    is one of the disclosures (models/disclosures/printed.py); other products pass through untouched."""
    from models.disclosures.printed import PrintedNotice

    stores.publications.register_printed(PrintedNotice(product, job.title, job.fingerprint, date.today(), meeting_id,
                                                       period))


def _month(parser: argparse.ArgumentParser) -> object:
    return parser.add_argument("--month", required=True, help="月份，例如 2026-11")


def print_commands() -> tuple[Any, ...]:
    """`print finance-board --month M`: the month's 财务公开 board page (a row of the print table)."""
    from cli.commands.printing.products import PrintCommand
    from models.disclosures.print_sources import finance_board
    from printing.disclosures.finance_board_pdf import finance_job

    return (PrintCommand("finance-board", "财务公开栏：某月收支明细和合计（A4）", (_month,),
                         lambda stores, args, today: finance_board(stores, args.month, today),
                         lambda data, _args, today: finance_job(data, today)),)
