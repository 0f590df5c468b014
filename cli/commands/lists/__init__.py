"""`lists add | advance | renew | show | attach | evidence | settings | consent` and the lists' print products."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cli import Context
from models.core.attachments import Attachment, AttachmentOwner, OwnerKind
from cli.commands.printing import add_output_options, parse_date, print_command, report, write_pdf

if TYPE_CHECKING:  # storage loads on first use, so `--help` stays quick
    from printing.lists.list_jobs import ListPrintJob
    from storage.core.backend import SqliteStores
    from storage.core.db import Database


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("lists", help="红黑榜：提名、推进流程、查看")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="提名一户（或户内一位村民）上红榜、黄榜或黑榜（输出新条目编号）")
    add.add_argument("--household", required=True, help="户号")
    add.add_argument("--villager", default="", help="只提名户内一位村民：姓名或村民编号（默认：全户，以户主为对象）")
    add.add_argument("--list", dest="list_kind", required=True, choices=("red", "yellow", "black"), help="榜单")
    add.add_argument("--period", required=True, help="周期：2025-03（月）、2025-Q1（季度）或 2025（年）")
    add.add_argument("--article", default="", help="现行村规民约条款，如“第12条”（黄榜、黑榜必填）")
    add.add_argument("--facts", required=True, help="事实：何时、何地、做了什么（中性描述）")
    add.add_argument("--occurred-on", type=parse_date, help="发生日期，如 2025-03-02")
    add.add_argument("--consequence", default="", help="上榜后果（只能是评优评先、积分或村里自设的奖励）")
    add.add_argument("--proposer", help="提名人（默认：当前操作人）")
    add.add_argument("--override-reason", default="", help="审核人特批理由（无黄榜直接列黑榜，或无评优资格仍提红榜）")
    add.set_defaults(handler=run_add)
    advance = actions.add_parser("advance", help="把条目推进到下一步（评议、审核、公示、发布）")
    advance.add_argument("id", help="条目编号")
    advance.add_argument("--note", default="", help="本步意见")
    advance.add_argument("--override-reason", default="", help="审核人特批理由")
    advance.set_defaults(handler=run_advance)
    renew = actions.add_parser("renew", help="续期：把已发布或期满撤下的条目重新提名到以后的周期（输出新条目编号）")
    renew.add_argument("id", help="原条目编号")
    renew.add_argument("--period", default="", help="续期到的周期（默认：下一个周期）")
    renew.set_defaults(handler=run_renew)
    show = actions.add_parser("show", help="列出条目（先把到期的条目自动撤榜）")
    show.add_argument("--period", help="只看这一周期")
    show.set_defaults(handler=run_show)
    export = actions.add_parser("export", help="导出条目（或 --ranking 志愿服务排名）为 Excel 文件（.xlsx）")
    export.add_argument("--period", help="只导出这一周期（排名必须指定周期）")
    export.add_argument("--ranking", action="store_true", help="导出志愿服务排名（不含户主姓名）")
    export.add_argument("--out", required=True, type=Path, help="输出的 .xlsx 文件")
    export.set_defaults(handler=run_export)
    attach = actions.add_parser("attach", help="给条目添加证据照片或扫描件（只留档，不上榜）")
    attach.add_argument("id", help="条目编号")
    attach.add_argument("file", type=Path, help="照片（JPG/PNG/HEIC/WEBP）或扫描件（PDF/TIFF），不超过 50 MB")
    attach.add_argument("--note", default="", help="说明，如拍摄时间地点")
    attach.set_defaults(handler=run_attach)
    evidence = actions.add_parser("evidence", help="列出条目的证据附件（含续期沿用的）")
    evidence.add_argument("id", help="条目编号")
    evidence.set_defaults(handler=run_evidence)
    from cli.commands.lists.consents import add_to

    add_to(actions)


def _stores(context: Context, db: Database | None = None) -> SqliteStores:
    from storage.core.backend import build_stores

    return build_stores(db or context.open_db(), context.actor)


def run_add(context: Context, args: argparse.Namespace) -> int:
    from models.lists.workflow import Nomination
    from models.lists.entries import ListKind

    proposer, stores = (args.proposer or "").strip(), _stores(context)
    store = stores.list_entries
    villager = stores.naming_bases.member_id(args.household, args.villager) if args.villager.strip() else ""
    nomination = Nomination(ListKind(args.list_kind), args.period, args.facts, proposer or context.actor.name,
                            "" if proposer else context.actor.user_id, villager_id=villager,
                            occurred_on=args.occurred_on,
                            consequence=args.consequence, override_reason=args.override_reason)
    entry = store.entry(store.nominate(nomination, args.household, args.article).id)
    warnings = store.nomination_blockers(entry.id)
    text = entry.id + "".join(f"\n注意：{w}" for w in warnings)
    context.emit(text, {"id": entry.id, "state": entry.state.value, "warnings": warnings})
    return 0


def run_advance(context: Context, args: argparse.Namespace) -> int:
    store = _stores(context).list_entries
    entry = store.entry(store.advance(args.id, args.note, args.override_reason).id)
    context.emit(f"条目 {entry.id} 已进入“{entry.state.label}”。", {"id": entry.id, "state": entry.state.value})
    return 0


def run_renew(context: Context, args: argparse.Namespace) -> int:
    """A new nomination for a later cycle, through the whole review again (the store's checks decide)."""
    from models.lists.workflow import next_period

    store = _stores(context).list_entries
    period = args.period.strip() or next_period(store.entry(args.id).parsed_period).code
    entry = store.entry(store.renew(args.id, period).id)
    warnings = store.nomination_blockers(entry.id)
    text = entry.id + "".join(f"\n注意：{w}" for w in warnings)
    context.emit(text, {"id": entry.id, "state": entry.state.value, "period": entry.period, "renews": args.id,
                        "warnings": warnings})
    return 0


def run_show(context: Context, args: argparse.Namespace) -> int:
    from models.lists.boards import display_name, may_name

    stores = _stores(context)
    store, settings = stores.list_entries, stores.list_settings.settings
    store.expire_due()
    bases, today = stores.naming_bases.bases_in_effect(), date.today()
    rows = [{"id": e.id, "household": e.household_no, "display_name": display_name(e, bases, today, settings),
             "list": e.list_kind.value, "state": e.state.value, "article": e.article.number if e.article else "",
             "names_villager": bool(e.villager_id), "villager_id": e.villager_id,
             "named": may_name(e, bases, today, settings)}
            for e in store.entries(args.period)]
    lines = [f"{r['id']}  {r['display_name']}  {e.list_kind.label}  {e.period}  {e.state.label}  {r['article']}"
             for r, e in zip(rows, store.entries(args.period))]
    context.emit("\n".join(lines) or "没有条目。", {"entries": rows})
    return 0


def run_export(context: Context, args: argparse.Namespace) -> int:
    """The entries as the board would name them, or the volunteer ranking, as a printable .xlsx sheet."""
    from models.core.errors import DomainError
    from models.lists.sheets import ENTRY_HEADERS, RANKING_HEADERS, entry_rows, ranking_rows
    from storage.core.sheets import write_sheet

    if args.out.suffix.lower() != ".xlsx":
        raise DomainError("导出文件名应以 .xlsx 结尾。")
    stores = _stores(context)
    period = args.period or ""
    if args.ranking:
        if not period:
            raise DomainError("导出排名请用 --period 指定周期，如 --period 2026。")
        rows = ranking_rows(stores.volunteer_records.volunteer_ranking(period, count=10_000))
        write_sheet(args.out, f"志愿服务排名{period}", RANKING_HEADERS, rows)
    else:
        stores.list_entries.expire_due()
        rows = entry_rows(stores.list_entries.entries(args.period), stores.naming_bases.bases_in_effect(),
                          date.today(), stores.list_settings.settings)
        write_sheet(args.out, f"红黄黑榜{period}", ENTRY_HEADERS, rows)
    context.emit(f"已导出 {len(rows)} 行到 {args.out}", {"file": str(args.out), "rows": len(rows)})
    return 0


def _evidence_json(item: Attachment) -> dict[str, object]:
    """The keys `lists attach` / `lists evidence` have always printed (the owner is the entry)."""
    return {"id": item.id, "entry_id": item.owner_id, "file_name": item.file_name, "size": item.size,
            "sha256": item.sha256, "note": item.note, "added_by": item.added_by, "added_at": item.added_at}


def _attachments(context: Context):  # -> storage.core.attachments.SqliteAttachmentStore
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor).attachments


def run_attach(context: Context, args: argparse.Namespace) -> int:
    store = _attachments(context)
    item = store.attachment(store.attach(AttachmentOwner(OwnerKind.LIST_ENTRY, args.id), args.file, note=args.note).id)
    context.emit(f"已添加证据“{item.file_name}”（{item.size_text}），编号 {item.id}。", _evidence_json(item))
    return 0


def run_evidence(context: Context, args: argparse.Namespace) -> int:
    store, owner = _attachments(context), AttachmentOwner(OwnerKind.LIST_ENTRY, args.id)
    store.status(owner)  # NotFound (exit 2) for an entry that does not exist
    items = store.attachments(owner)
    lines = [f"{e.id}  {e.file_name}  {e.size_text}  {e.added_by}  {e.note}" for e in items]
    context.emit("\n".join(lines) or "这个条目没有证据附件。", {"evidence": [_evidence_json(e) for e in items]})
    return 0


def add_signer_date_output(parser: argparse.ArgumentParser, date_help: str) -> None:
    """What every printed list document takes: 落款, its date, and where the PDF goes."""
    parser.add_argument("--signer", help="落款单位（默认：本村村民委员会）")
    parser.add_argument("--date", dest="on", type=parse_date, help=date_help)
    add_output_options(parser)


@print_command("board")
def add_board(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("board", help="红黄黑榜海报（A3 横向，只含已发布条目）")
    parser.add_argument("--period", required=True, help="周期：2025-03、2025-Q1 或 2025")
    add_signer_date_output(parser, "榜单日期（默认今天；到这一天已到期的条目不上榜）")
    parser.set_defaults(handler=run_board)


def _village(db: Database) -> str:
    from storage.core.profile import read_profile

    return read_profile(db).village


def _write_job(context: Context, stores: SqliteStores, job: ListPrintJob, args: argparse.Namespace,
               product: str = "") -> int:
    """Render the job, write it atomically, log who printed it (R34), register a board or notice as a disclosure
    (`product`: 打印即登记, issue 23), and report."""
    from cli.commands.disclosures import register_printed

    from printing.core import fonts as fonts

    fonts.require_fonts(allow_last_resort=args.allow_unembedded_font)
    pages: list[int] = []
    data = job.render(pages.append)
    write_pdf(Path(args.out), data)
    stores.board_log.log_board(job.period, "printed", job.fingerprint, job.entry_ids, job.log_note(str(args.out)))
    if product:
        register_printed(stores, product, job)
    return report(context, args.out, data, len(pages), job.fingerprint)


def run_board(context: Context, args: argparse.Namespace) -> int:
    from models.lists.services import make_board
    from printing.lists.list_jobs import board_job

    db = context.open_db()
    stores, on = _stores(context, db), args.on or date.today()
    stores.list_entries.expire_due(min(on, date.today()))  # a date ahead never takes entries down early
    board = make_board(stores.list_entries, stores.naming_bases, stores.list_settings, args.period, on)
    return _write_job(context, stores, board_job(board, _village(db), on, args.signer or "", args.qr), args, "board")


@print_command("list-publicity")
def add_publicity(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("list-publicity", help="红黄黑榜拟上榜公示（公示阶段的条目）")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--entry", help="一个公示中的条目编号（lists show 可查）")
    which.add_argument("--period", help="这一周期全部公示中的条目：2025-03、2025-Q1 或 2025")
    add_signer_date_output(parser, "公示日期（默认今天）")
    parser.set_defaults(handler=run_publicity)


def run_publicity(context: Context, args: argparse.Namespace) -> int:
    from models.lists.services import publicity_facts
    from printing.lists.list_jobs import publicity_job

    db = context.open_db()
    stores, on = _stores(context, db), args.on or date.today()
    facts = publicity_facts(stores.list_entries, stores.naming_bases, stores.list_settings, args.entry or "",
                            args.period or "")
    job = publicity_job(facts, _village(db), on, qr=args.qr, signer=args.signer or "")
    return _write_job(context, stores, job, args, "list-publicity")


@print_command("list-removal")
def add_removal(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("list-removal", help="红黄黑榜撤榜公告（本期发布后撤下的条目）")
    parser.add_argument("--period", required=True, help="周期：2025-03、2025-Q1 或 2025")
    add_signer_date_output(parser, "公告日期（默认今天）")
    parser.set_defaults(handler=run_removal)


def run_removal(context: Context, args: argparse.Namespace) -> int:
    from models.lists.services import period_facts
    from printing.lists.list_jobs import removal_job

    db = context.open_db()
    stores, on = _stores(context, db), args.on or date.today()
    stores.list_entries.expire_due(min(on, date.today()))  # a date ahead never takes entries down early
    facts = period_facts(stores.list_entries, stores.naming_bases, stores.list_settings, args.period)
    return _write_job(context, stores, removal_job(facts, _village(db), on, args.qr, args.signer or ""), args,
                      "list-removal")


@print_command("honour-certificate")
def add_certificate(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("honour-certificate", help="荣誉证书（已发布的红榜条目）")
    parser.add_argument("--entry", required=True, help="红榜条目编号（lists show 可查）")
    add_signer_date_output(parser, "颁发日期（默认今天）")
    parser.set_defaults(handler=run_certificate)


def run_certificate(context: Context, args: argparse.Namespace) -> int:
    from models.lists.services import entry_facts
    from printing.lists.list_jobs import certificate_job

    db = context.open_db()
    stores, on = _stores(context, db), args.on or date.today()
    facts = entry_facts(stores.list_entries, stores.naming_bases, stores.list_settings, args.entry)
    return _write_job(context, stores, certificate_job(facts, _village(db), on, args.signer or ""), args)
