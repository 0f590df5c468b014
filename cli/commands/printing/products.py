"""`print rules|comparison|signature-sheet|minutes|invitations|committee`: products printed from stored records.

Each sub-command loads model objects through the stores (printing/ never reads the database), checks that a
usable font exists (exit 2 otherwise, unless --allow-unembedded-font), renders and writes the PDF atomically.
"""
from __future__ import annotations

import argparse
from typing import Any

from cli import Context
from cli.commands.printing import add_output_options, print_command, report, write_pdf
from models.core.accounts import COMMAND_LINE_ACTOR


def _fonts(args: argparse.Namespace) -> None:
    from printing.core import fonts as fonts
    fonts.require_fonts(allow_last_resort=args.allow_unembedded_font)


def _finish(context: Context, args: argparse.Namespace, render: Any, fingerprint: str) -> int:
    pages: list[int] = []
    data = render(pages.append)
    write_pdf(args.out, data)
    return report(context, args.out, data, len(pages), fingerprint)


@print_command("rules")
def add_rules(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("rules", help="村规民约全文：A4 小册子，或 A3 张贴大字版（分栏）")
    parser.add_argument("id", help="规约编号（见 rules list）")
    parser.add_argument("--version", type=int, help="版本号（默认最新版本）")
    parser.add_argument("--poster", action="store_true", help="张贴用大字分栏版（A3 横向三栏，A4 竖向两栏）")
    parser.add_argument("--paper", choices=("A4", "A3"), help="纸张（默认：小册子 A4，张贴版 A3）")
    add_output_options(parser)
    parser.set_defaults(handler=run_rules)


def run_rules(context: Context, args: argparse.Namespace) -> int:
    from printing.rules.rules_pdf import RulesOptions, adoption_of, render_rules_pdf, rules_fingerprint

    stores = _stores(context)
    store = stores.rules
    rulebook, version = store.get_rulebook(args.id), store.load_version(args.id, args.version)
    _fonts(args)
    paper = args.paper or ("A3" if args.poster else "A4")
    options = RulesOptions(paper=paper, poster=args.poster, qr=args.qr, adoption=adoption_of(stores, version))
    fingerprint = rules_fingerprint(rulebook, version, options.adoption)
    code = _finish(context, args, lambda progress: render_rules_pdf(rulebook, version, options, progress),
                   fingerprint)
    _register_rules(context, args, rulebook, version, fingerprint)
    return code


def _register_rules(context: Context, args: argparse.Namespace, rulebook: Any, version: Any, fingerprint: str) -> None:
    """The printed version in the print log (print verify says whether it is still the one in force)."""
    from datetime import date

    from models.core.print_log import PrintedCopy, RefKind

    product = "rules-poster" if args.poster else "rules"
    _stores(context).print_log.log_print(PrintedCopy(fingerprint, product, f"《{rulebook.title}》", f"第{version.number}版",
                                                     date.today(), RefKind.RULE_VERSION, rulebook.id, version.id))


@print_command("comparison")
def add_comparison(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("comparison", help="修改对照表（A4 横向：原条文 | 修改后条文 | 修改理由）")
    parser.add_argument("id", help="规约编号（见 rules list）")
    parser.add_argument("a", type=int, help="原版本号")
    parser.add_argument("b", type=int, help="修订版本号")
    add_output_options(parser)
    parser.set_defaults(handler=run_comparison)


def run_comparison(context: Context, args: argparse.Namespace) -> int:
    from printing.rules.comparison_pdf import Comparison, comparison_fingerprint, render_comparison_pdf

    from models.rules.comparison import comparison as comparison_rows

    stores = _stores(context)
    store = stores.rules
    rulebook, old, new = store.get_rulebook(args.id), store.load_version(args.id, args.a), \
        store.load_version(args.id, args.b)
    comparison = Comparison(rulebook, old, new,
                            tuple(comparison_rows(store, stores.change_reasons, args.id, args.a, args.b)))
    _fonts(args)
    return _finish(context, args, lambda progress: render_comparison_pdf(comparison, args.qr, progress),
                   comparison_fingerprint(comparison))


@print_command("signature-sheet")
def add_signature_sheet(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("signature-sheet", help="户代表签字表（户号、户主、签字、手印；按村民小组分页）")
    parser.add_argument("id", help="规约编号（见 rules list）")
    add_output_options(parser)
    parser.set_defaults(handler=run_signature_sheet)


def run_signature_sheet(context: Context, args: argparse.Namespace) -> int:
    return _catalogue_job(context, args, "signature-sheet", args.id)


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), COMMAND_LINE_ACTOR)


def _catalogue_job(context: Context, args: argparse.Namespace, key: str, item_id: str) -> int:
    """Build product `key` of the record `item_id` as 打印中心 does, then write it."""
    from printing.core.catalogue import PRODUCTS

    from cli.commands.printing.law import check_posting, register_copy

    check_posting(key, getattr(args, "posted", False))
    product, stores = next(p for p in PRODUCTS if p.key == key), _stores(context)
    job = product.prepare(stores, item_id)
    _fonts(args)
    code = _finish(context, args, job.render, job.fingerprint)
    register_copy(stores, key, job, product.item, item_id, getattr(args, "posted", False))  # print verify
    return code


@print_command("minutes")
def add_minutes(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("minutes", help="会议记录本页面；--notice 改印决议公开或实施结果公开的公告")
    parser.add_argument("meeting_id", metavar="MEETING_ID", help="会议记录的 id（见 meeting list --json）")
    parser.add_argument("--notice", choices=("resolution", "result"),
                        help="resolution：决议公开公告；result：实施结果公开公告（默认印会议记录）")
    add_output_options(parser)
    parser.set_defaults(handler=run_minutes)


def run_minutes(context: Context, args: argparse.Namespace) -> int:
    key = {"resolution": "resolution-notice", "result": "result-notice"}.get(args.notice or "", "minutes")
    return _catalogue_job(context, args, key, args.meeting_id)



@print_command("invitations")
def add_invitations(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("invitations", help="修订邀请函：每位邀请对象一页，附可剪下的回执")
    parser.add_argument("id", help="规约编号（见 rules list）")
    add_output_options(parser)
    parser.set_defaults(handler=run_invitations)


def run_invitations(context: Context, args: argparse.Namespace) -> int:
    return _catalogue_job(context, args, "invitations", args.id)


@print_command("committee")
def add_committee(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("committee", help="执行委员会、工作队伍及值班表的通知")
    parser.add_argument("id", help="规约编号（见 rules list）")
    add_output_options(parser)
    parser.set_defaults(handler=run_committee)


def run_committee(context: Context, args: argparse.Namespace) -> int:
    return _catalogue_job(context, args, "committee", args.id)


def _add_rulebook_product(products: argparse._SubParsersAction, key: str, help_text: str) -> None:
    parser = products.add_parser(key, help=help_text)
    parser.add_argument("id", help="规约编号（见 rules list）")
    add_output_options(parser)
    parser.set_defaults(handler=lambda context, args: _catalogue_job(context, args, key, args.id))


@print_command("call-for-opinions")
def add_call_for_opinions(products: argparse._SubParsersAction) -> None:
    _add_rulebook_product(products, "call-for-opinions", "征求意见公告（写明起止日期和提意见的渠道）")


@print_command("opinion-forms")
def add_opinion_forms(products: argparse._SubParsersAction) -> None:
    _add_rulebook_product(products, "opinion-forms", "意见征求表：每户一份，编号为“年份-户号”，每页两份")


@print_command("adoption-statement")
def add_adoption_statement(products: argparse._SubParsersAction) -> None:
    _add_rulebook_product(products, "adoption-statement", "意见采纳情况说明（逐条列出意见和处理结果）")


@print_command("work-cards")
def add_work_cards(products: argparse._SubParsersAction) -> None:
    _add_rulebook_product(products, "work-cards", "工作证：执行委员会成员和各队伍成员，每页八张，沿虚线裁开")


@print_command("group-roster")
def add_group_roster(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("group-roster", help="村民小组花名册（不印身份证号）")
    parser.add_argument("group", metavar="GROUP", help="村民小组名称或编号")
    add_output_options(parser)
    parser.add_argument("--posted", action="store_true", help="登记为已张贴（花名册是内部资料，会被拒绝）")
    parser.set_defaults(handler=lambda context, args: _catalogue_job(context, args, "group-roster", args.group))


@print_command("filing-report")
def add_filing_report(products: argparse._SubParsersAction) -> None:
    _add_rulebook_product(products, "filing-report", "备案报告：表决通过后报乡镇人民政府备案")
