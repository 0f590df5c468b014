"""`print <product>`: write a printed product as a PDF file. Products register in PRINT_COMMANDS.

A product adds itself with `@print_command` on a function that adds its sub-parser (and sets `handler`); the
`print` group then lists it. Only products whose data exists are registered: nothing unfinished shows in --help.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cli import ChineseArgumentParser, Context
from models.core.errors import DomainError

PRINT_COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {}


def print_command(name: str) -> Callable[[Callable[[argparse._SubParsersAction], None]],
                                         Callable[[argparse._SubParsersAction], None]]:
    """Register a function that adds the sub-parser of `print <name>`."""
    def decorate(add: Callable[[argparse._SubParsersAction], None]) -> Callable[[argparse._SubParsersAction], None]:
        PRINT_COMMANDS[name] = add
        return add
    return decorate


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("print", help="打印：把公示、通知等生成 PDF 文件")
    products = group.add_subparsers(dest="product", metavar="PRODUCT", parser_class=ChineseArgumentParser)
    products.required = True
    for add in PRINT_COMMANDS.values():
        add(products)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """Options every product shares: where to write, font last resort, QR code."""
    parser.add_argument("--out", required=True, type=Path, help="输出的 PDF 文件")
    parser.add_argument("--qr", action="store_true", help="在页脚加印校验码二维码")
    parser.add_argument("--allow-unembedded-font", action="store_true",
                        help="找不到可嵌入的中文字体时，改用不嵌入的 STSong-Light（某些电脑上可能显示为空白）")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”看不懂。请写成 2025-03-07 这样的形式。") from None


def write_pdf(path: Path, data: bytes) -> None:
    """Write atomically (storage's one atomic write): a half-written PDF never replaces a good one."""
    from storage.core.files import atomic_write
    atomic_write(path, data, 0o644)


def report(context: Context, path: Path, data: bytes, pages: int, fingerprint: str) -> int:
    from printing.core import fonts as fonts

    warnings = list(fonts.font_setup().warnings)
    text = f"已生成 {path}（{pages} 页，校验码 {fingerprint}）" + "".join(f"\n注意：{w}" for w in warnings)
    context.emit(text, {"file": str(path), "pages": pages, "bytes": len(data), "fingerprint": fingerprint,
                        "warnings": warnings})
    return 0


@print_command("notice")
def add_notice(products: argparse._SubParsersAction) -> None:
    parser = products.add_parser("notice", help="通用公示、公告、通知（GB/T 9704 版式）")
    parser.add_argument("--title", required=True, help="标题，如“关于……的公示”")
    parser.add_argument("--body-file", required=True, type=Path, help="正文文本文件（UTF-8，每行一段）")
    parser.add_argument("--from", dest="start", type=parse_date, help="公示期开始日期，如 2025-03-07")
    parser.add_argument("--to", dest="end", type=parse_date, help="公示期结束日期（默认开始后共 7 天）")
    parser.add_argument("--signer", help="落款单位（默认：本村村民委员会）")
    parser.add_argument("--date", dest="signed_on", type=parse_date, help="成文日期（默认今天）")
    parser.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张")
    parser.add_argument("--poster", action="store_true", help="张贴用大字版")
    parser.add_argument("--no-seal", action="store_true", help="不加盖印章的落款格式")
    add_output_options(parser)
    parser.set_defaults(handler=run_notice)


def default_signer(context: Context) -> str:
    from storage.core.profile import read_profile

    try:
        profile = read_profile(context.open_db())
    except DomainError:
        raise DomainError("没有找到本村的村庄信息，无法确定落款单位。请用 --signer 写明落款，"
                          "或先用 init 建立本村数据库。") from None
    return f"{profile.village}村民委员会"


def notice_from_args(context: Context, args: argparse.Namespace):  # -> models.core.notices.Notice
    from models.core.notices import Notice, NoticeKind, paragraphs_from_text, publicity_period

    if args.end is not None and args.start is None:
        raise DomainError("只给了公示期结束日期。请同时用 --from 写明开始日期。")
    kind = NoticeKind.from_title(args.title)
    signed_on = args.signed_on or date.today()
    period = None
    if args.start is not None or kind is NoticeKind.PUBLICITY:
        period = publicity_period(args.start or signed_on, args.end)
    body = args.body_file.read_text(encoding="utf-8-sig")
    return Notice(kind, args.title.strip(), paragraphs_from_text(body), args.signer or default_signer(context),
                  signed_on, period)


def run_notice(context: Context, args: argparse.Namespace) -> int:
    from printing.core import fonts as fonts
    from printing.core.notice_pdf import NoticeOptions, notice_fingerprint, render_notice_pdf

    notice = notice_from_args(context, args)
    fonts.require_fonts(allow_last_resort=args.allow_unembedded_font)
    pages: list[int] = []
    options = NoticeOptions(paper=args.paper, poster=args.poster, seal=not args.no_seal, qr=args.qr)
    data = render_notice_pdf(notice, options, pages.append)
    write_pdf(args.out, data)
    return report(context, args.out, data, len(pages), notice_fingerprint(notice))


from cli.commands.printing import products as print_products  # noqa: E402,F401  (registers the products printed from stored records)
from cli.commands.printing import law as print_law  # noqa: E402,F401  (second publicity, verify, the notice letter)
