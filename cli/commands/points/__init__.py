"""`points …` (积分制: scheme, entries, confirmation, reversal, balance, tally, redemption), `goods …` (爱心超市)
and the prints `print points-board | points-receipt`. The command names and JSON keys are a contract (issue 21).

The acting user is the logged-in account (`cli/login.py`: XIANGYUE_USER / XIANGYUE_PASSWORD, or the global --user);
`points confirm` names the confirming user with its own --user and reads that password from standard input (the
two-person rule, R36); `points reject` refuses a pending entry as the logged-in account (not its recorder).
`points batch` writes an event's entries from 户号 or a sign-in sheet in one transaction; `points expiry` shows or
sets R39's expiry rule. The publication commands are in `publication.py`.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cli import EXIT_OK, Context, read_password
from cli.commands.points.publication import register_publication
from cli.commands.printing import parse_date

_BY = ("household", "group", "grid", "village")


def register(commands: argparse._SubParsersAction) -> None:
    points = commands.add_parser("points", help="积分制：积分细则、记分（含批量）、确认、退回、冲正、余额、有效期、汇总、兑换")
    actions = points.add_subparsers(dest="action", metavar="ACTION", required=True)
    scheme = actions.add_parser("scheme", help="积分细则：导入（须关联通过它的会议记录）或显示").add_subparsers(
        dest="scheme_action", metavar="SCHEME_ACTION", required=True)
    imported = scheme.add_parser("import", help="从 .xlsx、.docx 或 .md 表格导入积分细则，成为新的一版")
    imported.add_argument("file", type=Path, metavar="FILE",
                          help="列：代码、类别、名称、分值、每期上限、所需依据、村规民约条款（扣分项必填）")
    imported.add_argument("--meeting", default="", metavar="MEETING_ID", help="通过它的村民（代表）会议记录 id")
    imported.add_argument("--item", type=int, metavar="N",
                          help="通过积分细则的是该会议第几项议题（不写：议题名称或决议中写有“积分”的那一项）")
    imported.add_argument("--period-kind", choices=("month", "quarter", "year"),
                          help="每期上限和积分榜按月、季度或年计（不写：按文件中的“计分周期”，否则同上一版，首版按月）")
    imported.add_argument("--deduction-share", metavar="PCT",
                          help="扣分记录占比超过多少时积分榜提示，如 30%%（不写：按文件中的“扣分占比上限”，否则同上一版，首版 30%%）")
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
    add.add_argument("--villager", default="", metavar="ID", help="户内做这件事的村民编号或姓名（可选；须是本户成员）")
    add.add_argument("--note", default="", metavar="T", help="说明，如“签到表第3页”")
    add.add_argument("--evidence", default="", metavar="REF",
                     help="依据：会议记录、榜单条目或群众说事的编号，或照片（签到表、检查照片）的文件路径（照片存入附件）")
    add.set_defaults(handler=run_add)
    batch = actions.add_parser("batch", help="一次活动批量记分：按户号或签到表每户记一条（同一事务：有一户不行则整批不记）")
    batch.add_argument("--item", required=True, metavar="CODE", help="积分项目代码（points scheme show 可查）")
    batch.add_argument("--date", dest="on", required=True, type=parse_date, metavar="D", help="活动日期，如 2026-03-12")
    who = batch.add_mutually_exclusive_group(required=True)
    who.add_argument("--households", metavar="NO,NO,...", help="户号，用逗号分隔，如 0001,0002,0007")
    who.add_argument("--sheet", type=Path, metavar="FILE",
                     help="签到表 .xlsx 或 .csv：一户一行，列“户号”（或“户主姓名”，须只对应一户）")
    batch.add_argument("--note", default="", metavar="T", help="说明或依据，如“3月12日卫生大扫除签到表”")
    batch.set_defaults(handler=run_batch)
    confirm = actions.add_parser("confirm", help="确认一条积分记录（须是录入人以外的账户；密码从标准输入读）")
    confirm.add_argument("id", metavar="ID")
    confirm.add_argument("--user", required=True, metavar="USER", help="确认人的用户名")
    confirm.set_defaults(handler=run_confirm)
    reject = actions.add_parser("reject", help="退回一条待确认的记录（须是录入人以外的账户；退回的记录不计入积分，保留在记录中）")
    reject.add_argument("id", metavar="ID")
    reject.add_argument("--reason", required=True, metavar="T", help="退回理由，如“签到表上没有这一户”")
    reject.set_defaults(handler=run_reject)
    reverse = actions.add_parser("reverse", help="冲正一条已确认的记录（新记一条相反的记录，原记录不改）")
    reverse.add_argument("id", metavar="ID")
    reverse.add_argument("--reason", required=True, metavar="T", help="冲正理由")
    reverse.set_defaults(handler=run_reverse)
    listing = actions.add_parser("list", help="一户的积分记录（冲正是单独的一行；退回的标明“已退回”和理由；--json 每行另有 rejected、evidence）")
    listing.add_argument("--household", required=True, metavar="NO")
    listing.add_argument("--pending", action="store_true", help="只列未确认的")
    listing.set_defaults(handler=run_list)
    balance = actions.add_parser("balance", help="一户的积分：已确认、待确认、可兑换（及积分有效期规则）")
    balance.add_argument("--household", required=True, metavar="NO")
    balance.set_defaults(handler=run_balance)
    expiry = actions.add_parser("expiry", help="积分有效期：显示或设置 never（长期有效，默认）或 year-end（每年清零）")
    expiry.add_argument("rule", nargs="?", choices=("never", "year-end"), metavar="never|year-end",
                        help="year-end：可兑换积分只计当年的记录，1 月 1 日起上一年的积分和扣分都不再计入（不写：显示现行规则）")
    expiry.set_defaults(handler=run_expiry)
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
    undo = actions.add_parser("redeem-reverse", help="冲正一次兑换：积分退回该户，商品退回库存（两条记录都保留）")
    undo.add_argument("id", metavar="ID", help="兑换凭证编号（如 DH2026-0007）或 points redeem 输出的 id")
    undo.add_argument("--reason", required=True, metavar="T", help="冲正理由，如“拿错了商品”")
    undo.set_defaults(handler=run_redeem_reverse)
    attach = actions.add_parser("attach", help="给一条积分记录添加依据（签到表、照片；确认后不能移除）")
    attach.add_argument("id", metavar="ID")
    attach.add_argument("--file", required=True, type=Path, help="文件路径")
    attach.add_argument("--note", default="", help="说明")
    attach.set_defaults(handler=run_attach)
    register_publication(actions)


def run_attach(context: Context, args: argparse.Namespace) -> int:
    from models.core.attachments import AttachmentOwner, OwnerKind
    from storage.core.backend import build_stores

    stores = build_stores(context.open_db(), context.actor)
    entry = stores.points.ledger.entry(args.id)
    added = stores.attachments.attach(AttachmentOwner(OwnerKind.POINTS_ENTRY, entry.id), args.file, note=args.note)
    context.emit(f"已为积分记录 {entry.id} 添加依据 {args.file.name}", {"id": added.id, "entry": entry.id})
    return EXIT_OK


def points_stores(context: Context, actor: Any = None) -> Any:  # models.points.ports.PointsStores
    from storage.core.backend import build_stores

    db = context.open_db()  # logs the command's account in (context.actor)
    return build_stores(db, actor or context.actor).points


def run_scheme_import(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import PeriodKind
    from models.points.scheme import SchemeSettings, parse_share

    points = points_stores(context)
    settings = SchemeSettings(PeriodKind(args.period_kind) if args.period_kind else None,
                              parse_share(args.deduction_share) if args.deduction_share is not None else None)
    changed = points.scheme.import_file(args.file, args.meeting, args.item, settings)
    scheme = next(s for s in points.scheme.versions() if s.id == changed.id)
    context.emit(f"{scheme.id}\n积分细则第{scheme.version}版已导入（{len(scheme.items)} 项，"
                 f"{scheme.adopted_on.isoformat()} 起施行）",
                 {"id": scheme.id, "version": scheme.version, "items": len(scheme.items)})
    return EXIT_OK


def run_scheme_show(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError

    scheme = points_stores(context).scheme.current()
    if scheme is None:
        raise DomainError("还没有经会议通过的积分细则。请用 points scheme import FILE --meeting ID 导入。")
    lines = [f"积分细则第{scheme.version}版（{scheme.adopted_on.isoformat()} 起，按{scheme.period.label}计上限，"
             f"扣分记录超过 {scheme.deduction_share}% 时积分榜提示）", f"通过依据：{scheme.resolution}"]
    lines += [f"{i.code}  {i.class_name}  {i.name}  {i.points:+d}" + (f"  每期上限 {i.cap}" if i.cap else "")
              + (f"  依据 {i.clause}" if i.clause else "") for i in scheme.items]
    context.emit("\n".join(lines), {
        "id": scheme.id, "version": scheme.version, "adopted_on": scheme.adopted_on.isoformat(),
        "items": [{"code": i.code, "name": i.name, "points": i.points, "cap": i.cap, "class": i.class_name}
                  for i in scheme.items],
        "period_kind": scheme.period.value, "deduction_share": scheme.deduction_share, "meeting_id": scheme.meeting_id,
        "resolution": scheme.resolution})
    return EXIT_OK


def run_scheme_export(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError
    from models.points.scheme import scheme_table
    from storage.core.files import atomic_write

    scheme = points_stores(context).scheme.current()
    if scheme is None:
        raise DomainError("还没有经会议通过的积分细则，无从导出。")
    atomic_write(args.file, scheme_table(scheme).encode("utf-8"), 0o644)
    context.emit(f"已导出积分细则第{scheme.version}版到 {args.file}",
                 {"file": str(args.file), "version": scheme.version, "items": len(scheme.items)})
    return EXIT_OK


def run_add(context: Context, args: argparse.Namespace) -> int:
    from models.points.ledger import EntryDraft

    changed = points_stores(context).ledger.add(EntryDraft(args.household, args.item, args.on, args.points,
                                                     args.villager, args.note, args.evidence))
    context.emit(f"{changed.id}\n已记录，待另一位工作人员确认后计入积分", {"id": changed.id, "confirmed": False})
    return EXIT_OK


def run_batch(context: Context, args: argparse.Namespace) -> int:
    """批量记分 from a sign-in sheet or a list of 户号: one pending entry per household, all in one transaction."""
    from models.points.ledger import EntryDraft
    from models.points.signin import check_distinct, numbers_rows, sheet_rows
    from storage.registry.roster_files import read_cells

    points = points_stores(context)
    rows = (sheet_rows(read_cells(args.sheet), points.tally.households()) if args.sheet else
            numbers_rows(args.households))
    check_distinct(rows)
    changed = points.ledger.add_batch([EntryDraft(r.household_no, args.item, args.on, note=args.note) for r in rows],
                                      [r.source for r in rows])
    order = {r.household_no: i for i, r in enumerate(rows)}
    ids = sorted(changed.ids, key=lambda i: order.get(points.ledger.entry(i).household_no, len(order)))
    context.emit(f"已为 {len(ids)} 户记录 {args.item.strip()}（{args.on.isoformat()}），"
                 "待另一位工作人员确认后计入积分\n" + "\n".join(ids), {"ids": ids, "count": len(ids)})
    return EXIT_OK


def run_confirm(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    password = read_password(f"{args.user} 的密码：")
    user = build_stores(db, context.actor).accounts.authenticate(args.user, password)
    changed = points_stores(context, user.as_actor()).ledger.confirm(args.id)
    context.emit(f"记录 {changed.id} 已由{user.display_name}确认", {"id": changed.id, "confirmed": True})
    return EXIT_OK


def run_reject(context: Context, args: argparse.Namespace) -> int:
    ledger = points_stores(context).ledger
    entry = ledger.entry(ledger.reject(args.id, args.reason).id)
    context.emit(f"记录 {entry.id} 已由{entry.rejected_by_name}退回（{entry.reject_reason}），不计入积分",
                 {"id": entry.id, "rejected": True})
    return EXIT_OK


def run_reverse(context: Context, args: argparse.Namespace) -> int:
    changed = points_stores(context).ledger.reverse(args.id, args.reason)
    context.emit(f"{changed.id}\n已记冲正记录，待另一位工作人员确认后计入", {"id": changed.id})
    return EXIT_OK


def run_list(context: Context, args: argparse.Namespace) -> int:
    from models.points.evidence import evidence_label

    entries = points_stores(context).ledger.entries(args.household, args.pending)
    rows = [{"id": e.id, "date": e.on.isoformat(), "item": e.item_code or e.kind.value, "points": e.points,
             "confirmed": e.confirmed, "reverses": e.reverses, "rejected": e.rejected, "evidence": e.evidence} for e in entries]
    text = "\n".join(f"{e.id}  {e.on.isoformat()}  {e.item_code or e.kind.label}  {e.item_name}  {e.points:+d}  "
                     + e.state + (f"（{e.reject_reason}）" if e.rejected else "")
                     + (f"  冲正 {e.reverses}" if e.reverses else "")
                     + (f"  依据 {evidence_label(e.evidence)}" if e.evidence else "")
                     for e in entries) or "没有记录"
    context.emit(text, {"rows": rows})
    return EXIT_OK


def run_balance(context: Context, args: argparse.Namespace) -> int:
    balance = points_stores(context).tally.balance(args.household)
    owed = f"；扣分超出 {balance.deficit} 分，从以后公示的积分中抵扣" if balance.deficit else ""
    context.emit(f"户号 {balance.household_no}：已确认 {balance.confirmed} 分（可兑换 {balance.redeemable} 分{owed}），"
                 f"待确认 {balance.pending} 分\n{balance.expiry.rule(date.today())}",
                 {"household": balance.household_no, "confirmed": balance.confirmed, "pending": balance.pending,
                  "redeemable": balance.redeemable, "deficit": balance.deficit, "expiry": balance.expiry.value})
    return EXIT_OK


def run_expiry(context: Context, args: argparse.Namespace) -> int:
    """积分有效期 (R39): shown, or set by whoever may edit the village profile (audited, synced)."""
    from models.points.expiry import parse_expiry

    settings = points_stores(context).settings
    if args.rule:
        settings.set_expiry(parse_expiry(args.rule))
    expiry = settings.expiry()
    context.emit(("已设置" if args.rule else "现行") + f"积分有效期：{expiry.label}。{expiry.rule()}",
                 {"expiry": expiry.value, "rule": expiry.rule()})
    return EXIT_OK


def run_tally(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period
    from models.points.rollup import TallyBy

    period = Period.parse(args.period)
    rows = points_stores(context).tally.tally(period, TallyBy(args.by))
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
    rows = tally_rows(points_stores(context).tally.tally(period, by))
    write_sheet(args.out, f"积分汇总{period.text}（按{by.label}）", tally_headers(by), rows)
    context.emit(f"已导出 {len(rows)} 行到 {args.out}", {"file": str(args.out), "rows": len(rows)})
    return EXIT_OK


def run_villages(context: Context, args: argparse.Namespace) -> int:
    from models.lists.entries import Period

    period = Period.parse(args.period)
    rows = points_stores(context).villages.village_totals(period)
    text = "\n".join(f"{rank}. {r.key}  +{r.plus}  {r.minus}  合计 {r.total}" for rank, r in enumerate(rows, 1))
    context.emit(text or f"{period.text}没有各村的已确认积分记录", {"period": period.code, "rows": [
        {"key": r.key, "plus": r.plus, "minus": r.minus, "total": r.total} for r in rows]})
    return EXIT_OK


def run_redeem(context: Context, args: argparse.Namespace) -> int:
    points = points_stores(context)
    changed = points.redemptions.redeem(args.household, args.goods, args.qty)
    redemption = points.redemptions.redemption(changed.id)
    balance = points.tally.balance(args.household).redeemable  # what is left to spend, not the confirmed sum
    stock = points.goods.goods(args.goods).stock
    context.emit(f"{redemption.id}\n兑换凭证 {redemption.number}：{redemption.goods_name}×{redemption.quantity}，"
                 f"扣减 {redemption.points} 分，还可兑换 {balance} 分，库存 {stock} 件",
                 {"id": redemption.id, "number": redemption.number, "balance": balance, "stock": stock})
    return EXIT_OK


def run_redeem_reverse(context: Context, args: argparse.Namespace) -> int:
    """冲正兑换 (R39): the refund is an entry of its own and the goods go back to stock; `{"id"}` is that entry."""
    from models.core.changes import Entity

    points = points_stores(context)
    redemption = points.redemptions.redemption(args.id)
    changed = points.redemptions.reverse_redemption(redemption.id, args.reason)
    balance = points.tally.balance(redemption.household_no).redeemable
    stock = points.goods.goods(redemption.goods_id).stock
    entry = next(iter(changed.ids_of(Entity.POINTS_ENTRY)))
    context.emit(f"{entry}\n已冲正兑换 {redemption.number}：退回 {redemption.points} 分，{redemption.goods_name}"
                 f"×{redemption.quantity} 退回库存；可用积分 {balance} 分，库存 {stock} 件",
                 {"id": entry, "redemption": redemption.id, "number": redemption.number, "balance": balance,
                  "stock": stock})
    return EXIT_OK


def _board_options(parser: argparse.ArgumentParser) -> object:
    parser.add_argument("--period", required=True, help="2026-03、2026-Q1 或 2026")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4")
    return parser.add_argument("--date", dest="on", type=parse_date, help="榜单日期（默认今天）")


def print_commands() -> tuple[Any, ...]:
    """`print points-board`, `print points-scheme`, `print points-receipt ID`: rows of the print table, built from
    the data models/points/print_sources.py gathers (as 打印中心 builds them)."""
    from cli.commands.printing.products import Positional, PrintCommand
    from models.points import print_sources as sources
    from printing.points.board_pdf import board_job
    from printing.points.receipt_pdf import receipt_job
    from printing.points.scheme_pdf import scheme_job

    receipt = Positional("id", "兑换记录编号（points redeem 输出）", "ID", "other")
    return (PrintCommand("points-board", "积分榜（按期排名；无公开依据的只印户号；提示扣分占比；印公示期）", (_board_options,),
                         lambda stores, args, today: sources.board_source(stores, args.period, args.on or today),
                         lambda data, args, _today: board_job(data, args.paper, args.qr)),
            PrintCommand("points-scheme", "积分细则（张贴用，附爱心超市兑换价格）", (),
                         lambda stores, _args, today: sources.scheme_source(stores, "", today),
                         lambda data, _args, _today: scheme_job(data)),
            PrintCommand("points-receipt", "爱心超市兑换凭证", (receipt.add,),
                         lambda stores, args, today: sources.receipt_source(stores, args.id, today),
                         lambda data, _args, _today: receipt_job(data), receipt))
