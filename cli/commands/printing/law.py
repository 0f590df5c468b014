"""`print verify` and `print list-notice-letter`, and the print log every `print` command registers its copy in
(print verify, 核对打印件), with the refusal to register an internal product as posted (R30)."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from cli import EXIT_REFUSED, Context
from cli.commands.printing import add_output_options, print_command


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor)


def register_copy(stores: Any, product: str, job: Any, item_kind: str, item_id: str, posted: bool = False,
                  number: int | None = None) -> None:
    """Log a printed copy (models.core.print_log.register_copy, the path 打印中心 takes too)."""
    from models.core.print_log import register_copy as register

    register(stores, product, job.title, job.fingerprint, item_kind, item_id, date.today(), posted, number)


def check_posting(product: str, posted: bool) -> None:
    """Refuse before printing when an internal product is to be registered as posted (R30)."""
    from models.core.errors import DomainError
    from models.core.print_log import posting_problem

    problem = posting_problem(product) if posted else None
    if problem:
        raise DomainError(problem)


def add_posted_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--posted", action="store_true", help="登记为已张贴（内部资料不能登记为张贴）")


@print_command("verify")
def add_verify(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("verify", help="核对打印件：按校验码查是哪份文件、哪一版、何时打印、是否仍有效")
    parser.add_argument("code", metavar="CODE", help="页脚的校验码，如 3F9A-1C2B")
    parser.set_defaults(handler=run_verify)


def run_verify(context: Context, args: argparse.Namespace) -> int:
    from models.core.verify import normalised, not_found_text, verify_code

    stores = _stores(context)
    found = verify_code(args.code, stores.print_log, stores.rules, stores.list_entries, stores.board_log, date.today())
    if found is None:
        print(not_found_text(normalised(args.code)), file=sys.stderr)
        return EXIT_REFUSED
    context.emit(found.text, found.as_json())
    return 0


@print_command("list-notice-letter")
def add_list_notice_letter(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("list-notice-letter", help="上榜告知书：书面告知本户上榜理由、依据、异议权利和期限（R28）")
    parser.add_argument("--entry", required=True, help="条目编号（lists show 可查）")
    add_output_options(parser)
    parser.set_defaults(handler=run_list_notice_letter)


def run_list_notice_letter(context: Context, args: argparse.Namespace) -> int:
    from cli.commands.printing.products import write_job
    from printing.lists.notice_letter_pdf import notice_letter_job

    stores = _stores(context)
    job = notice_letter_job(stores.list_entries.entry(args.entry), stores.list_settings.settings,
                            stores.profile.get().village)
    code = write_job(context, args, job)
    register_copy(stores, "list-notice-letter", job, "list_entries", args.entry)
    return code
