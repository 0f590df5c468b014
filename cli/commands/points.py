"""`points …` (积分制: scheme, entries, confirmation, reversal, balance, tally, redemption), `goods …` (爱心超市)
and the prints `print points-board | points-receipt`. The command names and JSON keys are a contract (issue 21).

The acting user is the logged-in account (`cli/login.py`: XIANGYUE_USER / XIANGYUE_PASSWORD, or the global --user);
`points confirm` names the confirming user with its own --user and reads that password from standard input (the
two-person rule, R36).
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli import EXIT_OK, Context, read_password
from cli.commands.printing import add_output_options, parse_date, print_command, report, write_pdf

_BY = ("household", "group", "grid", "village")


def register(commands: argparse._SubParsersAction) -> None:
    points = commands.add_parser("points", help="积分制：积分细则、记分、确认、冲正、余额、汇总、兑换")
    actions = points.add_subparsers(dest="action", metavar="ACTION", required=True)
    scheme = actions.add_parser("scheme", help="积分细则：导入（须关联通过它的会议记录）或显示").add_subparsers(
        dest="scheme_action", metavar="SCHEME_ACTION", required=True)
    imported = scheme.add_parser("import", help="从 .xlsx、.docx 或 .md 表格导入积分细则，成为新的一版")
    imported.add_argument("file", type=Path, metavar="FILE",
                          help="列：代码、类别、名称、分值、每期上限、所需依据、村规民约条款（扣分项必填）")
    imported.add_argument("--meeting", default="", metavar="MEETING_ID", help="通过它的村民（代表）会议记录 id")
    imported.set_defaults(handler=run_scheme_import)
    scheme.add_parser("show", help="显示现行积分细则").set_defaults(handler=run_scheme_show)
    exported = scheme.add_parser("export", help="把现行积分细则写成 .md 表格（可修改后作为新版本导入）")
    exported.add_argument("file", type=Path, metavar="FILE")
    exported.set_defaults(handler=run_scheme_export)
    add = actions.add_parser("add", help="记一条积分（待另一位工作人员确认后计入）")
    add.add_argument("--household", required=True, metavar="NO", help="户号")
    add.add_argument("--item", required=True, metavar="CODE", help="积分项目代码（points scheme show 可查）")
    add.add_argument("--date", dest="on", required=True, type=parse_date, metavar="D", help="日期，如 2026-03-12")
    add.add_argument("--points", type=int, metavar="N", help="分值（默认按细则；可记同号较小的分数）")
    add.add_argument("--villager", default="", metavar="ID", help="户内做这件事的村民编号（可选）")
    add.add_argument("--note", default="", metavar="T", help="说明或依据，如“签到表第3页”")
    add.set_defaults(handler=run_add)
    confirm = actions.add_parser("confirm", help="确认一条积分记录（须是录入人以外的账户；密码从标准输入读）")
    confirm.add_argument("id", metavar="ID")
    confirm.add_argument("--user", required=True, metavar="USER", help="确认人的用户名")
    confirm.set_defaults(handler=run_confirm)
    reverse = actions.add_parser("reverse", help="冲正一条已确认的记录（新记一条相反的记录，原记录不改）")
    reverse.add_argument("id", metavar="ID")
    reverse.add_argument("--reason", required=True, metavar="T", help="冲正理由")
    reverse.set_defaults(handler=run_reverse)
    listing = actions.add_parser("list", help="一户的积分记录（冲正是单独的一行）")
    listing.add_argument("--household", required=True, metavar="NO")
    listing.add_argument("--pending", action="store_true", help="只列未确认的")
    listing.set_defaults(handler=run_list)
    balance = actions.add_parser("balance", help="一户的积分：已确认和待确认")
    balance.add_argument("--household", required=True, metavar="NO")
    balance.set_defaults(handler=run_balance)
    tally = actions.add_parser("tally", help="某期汇总：按户、村民小组、网格或全村（只计已确认的）")
    tally.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    tally.add_argument("--by", choices=_BY, default="household")
    tally.set_defaults(handler=run_tally)
    export = actions.add_parser("export", help="某期汇总导出为 Excel 文件（.xlsx），按户（只有户号）、村民小组、网格或全村")
    export.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    export.add_argument("--by", choices=_BY, default="household")
    export.add_argument("--out", required=True, type=Path, help="输出的 .xlsx 文件")
    export.set_defaults(handler=run_export)
    villages = actions.add_parser("villages", help="各村某期积分汇总与排名（乡镇端：同步包带来的各村记录）")
    villages.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    villages.set_defaults(handler=run_villages)
    redeem = actions.add_parser("redeem", help="爱心超市兑换：余额和库存在同一事务中检查")
    redeem.add_argument("--household", required=True, metavar="NO")
    redeem.add_argument("--goods", required=True, metavar="ID", help="商品编号（goods list 可查）")
    redeem.add_argument("--qty", type=int, default=1, metavar="N")
    redeem.set_defaults(handler=run_redeem)
    _register_goods(commands)


def _register_goods(commands: argparse._SubParsersAction) -> None:
    goods = commands.add_parser("goods", help="爱心超市商品：登记、列表")
    actions = goods.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="登记一种商品及其首次入库数量")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--price", required=True, type=int, metavar="N", help="兑换一件所需积分")
    add.add_argument("--stock", required=True, type=int, metavar="N", help="入库数量")
    add.add_argument("--source", choices=("donation", "purchase", "allocation"), default="donation",
                     help="来源：捐赠、采购或乡镇调拨")
    add.set_defaults(handler=run_goods_add)
    actions.add_parser("list", help="商品、所需积分和库存").set_defaults(handler=run_goods_list)
    stock = actions.add_parser("stock", help="入库（正数）或出库（负数），写明原因")
    stock.add_argument("id", metavar="ID")
    stock.add_argument("--change", required=True, type=int, metavar="N")
    stock.add_argument("--reason", required=True, metavar="T", help="如“县妇联捐赠”“过期报损”")
    stock.set_defaults(handler=run_goods_stock)
    count = actions.add_parser("count", help="盘点：录入实有数量，差异连同原因记下")
    count.add_argument("id", metavar="ID")
    count.add_argument("--counted", required=True, type=int, metavar="N")
    count.add_argument("--reason", default="", metavar="T", help="有差异时必填")
    count.set_defaults(handler=run_goods_count)


def _points(context: Context, actor: Any = None) -> Any:  # models.points.ports.PointsStores
    from storage.core.backend import build_stores

    db = context.open_db()  # logs the command's account in (context.actor)
    return build_stores(db, actor or context.actor).points


def run_scheme_import(context: Context, args: argparse.Namespace) -> int:
    points = _points(context)
    changed = points.scheme.import_file(args.file, args.meeting)
    scheme = next(s for s in points.scheme.versions() if s.id == changed.id)
    context.emit(f"{scheme.id}\n积分细则第{scheme.version}版已导入（{len(scheme.items)} 项，"
                 f"{scheme.adopted_on.isoformat()} 起施行）",
                 {"id": scheme.id, "version": scheme.version, "items": len(scheme.items)})
    return EXIT_OK


def run_scheme_show(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError

    scheme = _points(context).scheme.current()
    if scheme is None:
        raise DomainError("还没有经会议通过的积分细则。请用 points scheme import FILE --meeting ID 导入。")
    lines = [f"积分细则第{scheme.version}版（{scheme.adopted_on.isoformat()} 起，按{scheme.period.label}计上限）"]
    lines += [f"{i.code}  {i.class_name}  {i.name}  {i.points:+d}" + (f"  每期上限 {i.cap}" if i.cap else "")
              + (f"  依据 {i.clause}" if i.clause else "") for i in scheme.items]
    context.emit("\n".join(lines), {
        "id": scheme.id, "version": scheme.version, "adopted_on": scheme.adopted_on.isoformat(),
        "items": [{"code": i.code, "name": i.name, "points": i.points, "cap": i.cap, "class": i.class_name}
                  for i in scheme.items]})
    return EXIT_OK


def run_scheme_export(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError
    from models.points.scheme import scheme_table
    from storage.core.files import atomic_write

    scheme = _points(context).scheme.current()
    if scheme is None:
        raise DomainError("还没有经会议通过的积分细则，无从导出。")
    atomic_write(args.file, scheme_table(scheme).encode("utf-8"), 0o644)
    context.emit(f"已导出积分细则第{scheme.version}版到 {args.file}",
                 {"file": str(args.file), "version": scheme.version, "items": len(scheme.items)})
    return EXIT_OK


def run_add(context: Context, args: argparse.Namespace) -> int:
    from models.points.ledger import EntryDraft

    changed = _points(context).ledger.add(EntryDraft(args.household, args.item, args.on, args.points,
                                                     args.villager, args.note))
    context.emit(f"{changed.id}\n已记录，待另一位工作人员确认后计入积分", {"id": changed.id, "confirmed": False})
    return EXIT_OK


def run_confirm(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    password = read_password(f"{args.user} 的密码：")
    user = build_stores(db, context.actor).accounts.authenticate(args.user, password)
    changed = _points(context, user.as_actor()).ledger.confirm(args.id)
    context.emit(f"记录 {changed.id} 已由{user.display_name}确认", {"id": changed.id, "confirmed": True})
    return EXIT_OK


def run_reverse(context: Context, args: argparse.Namespace) -> int:
    changed = _points(context).ledger.reverse(args.id, args.reason)
    context.emit(f"{changed.id}\n已记冲正记录，待另一位工作人员确认后计入", {"id": changed.id})
    return EXIT_OK


def run_list(context: Context, args: argparse.Namespace) -> int:
    entries = _points(context).ledger.entries(args.household, args.pending)
    rows = [{"id": e.id, "date": e.on.isoformat(), "item": e.item_code or e.kind.value, "points": e.points,
             "confirmed": e.confirmed, "reverses": e.reverses} for e in entries]
    text = "\n".join(f"{e.id}  {e.on.isoformat()}  {e.item_code or e.kind.label}  {e.item_name}  {e.points:+d}  "
                     + ("已确认" if e.confirmed else "待确认") + (f"  冲正 {e.reverses}" if e.reverses else "")
                     for e in entries) or "没有记录"
    context.emit(text, {"rows": rows})
    return EXIT_OK


def run_balance(context: Context, args: argparse.Namespace) -> int:
    balance = _points(context).tally.balance(args.household)
    context.emit(f"户号 {balance.household_no}：已确认 {balance.confirmed} 分，待确认 {balance.pending} 分",
                 {"household": balance.household_no, "confirmed": balance.confirmed, "pending": balance.pending})
    return EXIT_OK


def run_tally(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period
    from models.points.rollup import TallyBy

    period = Period.parse(args.period)
    rows = _points(context).tally.tally(period, TallyBy(args.by))
    text = "\n".join(f"{r.key}  +{r.plus}  {r.minus}  合计 {r.total}" for r in rows) or f"{period.text}没有已确认的记录"
    context.emit(text, {"period": period.code, "rows": [{"key": r.key, "plus": r.plus, "minus": r.minus,
                                                         "total": r.total} for r in rows]})
    return EXIT_OK


def run_export(context: Context, args: argparse.Namespace) -> int:
    """`points tally` as a printable .xlsx sheet (storage/core/sheets.write_sheet), like `lists export`."""
    from models.core.errors import DomainError
    from models.lists.entries import Period
    from models.points.rollup import TallyBy
    from models.points.sheets import tally_headers, tally_rows
    from storage.core.sheets import write_sheet

    if args.out.suffix.lower() != ".xlsx":
        raise DomainError("导出文件名应以 .xlsx 结尾。")
    period, by = Period.parse(args.period), TallyBy(args.by)
    rows = tally_rows(_points(context).tally.tally(period, by))
    write_sheet(args.out, f"积分汇总{period.text}（按{by.label}）", tally_headers(by), rows)
    context.emit(f"已导出 {len(rows)} 行到 {args.out}", {"file": str(args.out), "rows": len(rows)})
    return EXIT_OK


def run_villages(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period

    period = Period.parse(args.period)
    rows = _points(context).villages.village_totals(period)
    text = "\n".join(f"{rank}. {r.key}  +{r.plus}  {r.minus}  合计 {r.total}" for rank, r in enumerate(rows, 1))
    context.emit(text or f"{period.text}没有各村的已确认积分记录", {"period": period.code, "rows": [
        {"key": r.key, "plus": r.plus, "minus": r.minus, "total": r.total} for r in rows]})
    return EXIT_OK


def run_redeem(context: Context, args: argparse.Namespace) -> int:
    points = _points(context)
    changed = points.redemptions.redeem(args.household, args.goods, args.qty)
    redemption = points.redemptions.redemption(changed.id)
    balance = points.tally.balance(args.household).confirmed
    stock = points.goods.goods(args.goods).stock
    context.emit(f"{redemption.id}\n兑换凭证 {redemption.number}：{redemption.goods_name}×{redemption.quantity}，"
                 f"扣减 {redemption.points} 分，余额 {balance} 分，库存 {stock} 件",
                 {"id": redemption.id, "number": redemption.number, "balance": balance, "stock": stock})
    return EXIT_OK


def run_goods_add(context: Context, args: argparse.Namespace) -> int:
    from models.points.goods import GoodsSource

    goods = _points(context).goods
    changed = goods.add_goods(args.name, args.price, args.stock, GoodsSource(args.source))
    stock = goods.goods(changed.id).stock
    context.emit(f"{changed.id}\n已登记“{args.name.strip()}”，库存 {stock} 件", {"id": changed.id, "stock": stock})
    return EXIT_OK


def run_goods_list(context: Context, args: argparse.Namespace) -> int:
    goods = _points(context).goods.goods_list()
    context.emit("\n".join(f"{g.id}  {g.name}  {g.price} 分  库存 {g.stock}" for g in goods) or "还没有登记商品",
                 {"rows": [{"id": g.id, "name": g.name, "price": g.price, "stock": g.stock} for g in goods]})
    return EXIT_OK


def run_goods_stock(context: Context, args: argparse.Namespace) -> int:
    goods = _points(context).goods
    goods.move_stock(args.id, args.change, args.reason)
    stock = goods.goods(args.id).stock
    context.emit(f"库存现为 {stock} 件", {"id": args.id, "stock": stock})
    return EXIT_OK


def run_goods_count(context: Context, args: argparse.Namespace) -> int:
    goods = _points(context).goods
    goods.count_stock(args.id, args.counted, args.reason)
    stock = goods.goods(args.id).stock
    context.emit(f"盘点后库存 {stock} 件", {"id": args.id, "stock": stock})
    return EXIT_OK


@print_command("points-board")
def add_points_board(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("points-board", help="积分榜（按期排名；无公开依据的只印户号；提示扣分占比）")
    parser.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4")
    parser.add_argument("--date", dest="on", type=parse_date, help="榜单日期（默认今天）")
    add_output_options(parser)
    parser.set_defaults(handler=run_points_board)


def run_points_board(context: Context, args: argparse.Namespace) -> int:
    from printing.points.board_pdf import board_job
    from storage.core.profile import read_profile

    village = read_profile(context.open_db()).village
    job = board_job(_points(context), f"{village}村民委员会", args.period, args.on or date.today(), args.paper)
    return _write(context, args, job)


@print_command("points-scheme")
def add_points_scheme(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("points-scheme", help="积分细则（张贴用，附爱心超市兑换价格）")
    add_output_options(parser)
    parser.set_defaults(handler=run_points_scheme)


def run_points_scheme(context: Context, args: argparse.Namespace) -> int:
    from printing.points.scheme_pdf import scheme_job
    from storage.core.profile import read_profile

    return _write(context, args, scheme_job(_points(context), read_profile(context.open_db()).village))


@print_command("points-receipt")
def add_points_receipt(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("points-receipt", help="爱心超市兑换凭证")
    parser.add_argument("id", metavar="ID", help="兑换记录编号（points redeem 输出）")
    add_output_options(parser)
    parser.set_defaults(handler=run_points_receipt)


def run_points_receipt(context: Context, args: argparse.Namespace) -> int:
    from printing.points.receipt_pdf import receipt_job
    from storage.core.profile import read_profile

    job = receipt_job(_points(context), read_profile(context.open_db()).village, args.id)
    return _write(context, args, job)


def _write(context: Context, args: argparse.Namespace, job: Any) -> int:
    from printing.core import fonts as fonts

    fonts.require_fonts(allow_last_resort=args.allow_unembedded_font)
    pages: list[int] = []
    data = job.render(pages.append)
    write_pdf(args.out, data)
    return report(context, args.out, data, len(pages), job.fingerprint)
