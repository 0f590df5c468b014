"""`print rules|comparison|signature-sheet|minutes|invitations|…`: products printed from stored records.

One table (`commands()`) registers them all. Each entry names the command, its help and arguments, a `gather` that
reads the plain data through the typed stores (a models/ gatherer, most of them the catalogue's own) and a `build`
that turns the data into a print job (printing/ never reads the database). Every command then runs the same
way: gather, build, check that a usable font exists (exit 2 otherwise, unless --allow-unembedded-font), render,
write the PDF atomically, report. A product of the catalogue (printing/core/catalogue.py) becomes a command with
one `_record(…)` line.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cli import Context
from cli.commands.printing import add_output_options, print_command, report, write_pdf

if TYPE_CHECKING:
    from models.core.ports import Stores
    from models.minutes.print_sources import MeetingSource
    from models.rules.print_sources import RulebookText, VersionComparison
    from printing.core.catalogue import PrintJob, Product

Data = TypeVar("Data")
AddArgument = Callable[[argparse.ArgumentParser], object]


@dataclass(frozen=True)
class Positional:
    """The record a command prints, named on the command line."""

    dest: str
    help: str
    metavar: str | None = None
    kind: str = "rulebook"  # what the print log (print verify) records the copy as printed from

    def add(self, parser: argparse.ArgumentParser) -> object:
        return parser.add_argument(self.dest, metavar=self.metavar, help=self.help)

    def value(self, args: argparse.Namespace) -> str:
        return str(getattr(args, self.dest))


RULEBOOK = Positional("id", "规约编号（见 rules list）")
MEETING = Positional("meeting_id", "会议记录的 id（见 meeting list --json）", "MEETING_ID", "meeting")
GROUP = Positional("group", "村民小组名称或编号", "GROUP", "group")


@dataclass(frozen=True)
class GridOption(Positional):
    """`--grid ID`: the grid a grid product prints (the issue's contract names it as an option)."""

    def add(self, parser: argparse.ArgumentParser) -> object:
        return parser.add_argument("--grid", dest=self.dest, required=True, metavar=self.metavar, help=self.help)


GRID = GridOption("grid", "网格编号或名称（见 grid list）", "ID", "grid")


@dataclass(frozen=True)
class PrintCommand(Generic[Data]):
    """`print <name>`: its help, its arguments (besides the output options), where its data comes from, and how
    the data becomes a job (`args` carries the options, e.g. --poster or --qr)."""

    name: str
    help: str
    arguments: tuple[AddArgument, ...]
    gather: Callable[[Stores, argparse.Namespace, date], Data]
    build: Callable[[Data, argparse.Namespace, date], PrintJob]
    item: Positional | None = None  # the record printed; None: of no one record (a month's lists, a board)

    def add(self, products: argparse._SubParsersAction) -> None:
        from cli.commands.printing.law import add_posted_option

        parser = products.add_parser(self.name, help=self.help)
        for add_argument in self.arguments:
            add_argument(parser)
        add_output_options(parser)
        add_posted_option(parser)
        parser.set_defaults(handler=self.run)

    def run(self, context: Context, args: argparse.Namespace) -> int:
        """Gather, build, write; then the copy goes into the print log (print verify knows its 校验码). An internal
        product asked to be registered as posted is refused before anything is printed (R30)."""
        from cli.commands.disclosures import register_printed
        from cli.commands.printing.law import check_posting, register_copy
        from storage.core.backend import build_stores

        check_posting(self.name, args.posted)
        today, stores = date.today(), build_stores(context.open_db(), context.actor)
        job = self.build(self.gather(stores, args, today), args, today)
        code = write_job(context, args, job)
        register_copy(stores, self.name, job, self.item.kind if self.item else "other",
                      self.item.value(args) if self.item else "", args.posted, getattr(args, "version", None))
        register_printed(stores, self.product_key(args), job,
                         self.item.value(args) if self.item and self.item.kind == "meeting" else "",
                         str(getattr(args, "month", "") or ""))
        return code

    def product_key(self, _args: argparse.Namespace) -> str:
        """The product printed (a disclosure registers by it: models/disclosures/printed.py)."""
        return self.name


def write_job(context: Context, args: argparse.Namespace, job: PrintJob) -> int:
    """Check that a usable font exists, render, write the PDF atomically, report."""
    from printing.core import fonts as fonts

    fonts.require_fonts(allow_last_resort=args.allow_unembedded_font)
    pages: list[int] = []
    data = job.render(pages.append)
    write_pdf(args.out, data)
    return report(context, args.out, data, len(pages), job.fingerprint)


def _record(key: str, help_text: str, item: Positional = RULEBOOK) -> PrintCommand[Any]:
    """`print <key> ITEM`: the catalogue's product `key` of the record named by `item`, as 打印中心 builds it."""
    from printing.core.catalogue import product

    chosen = product(key)
    return PrintCommand(key, help_text, (item.add,),
                        lambda stores, args, today: chosen.gather(stores, item.value(args), today),
                        lambda data, _args, today: chosen.build(data, today), item)


def _rules_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", type=int, help="版本号（默认最新版本）")
    parser.add_argument("--poster", action="store_true", help="张贴用大字分栏版（A3 横向三栏，A4 竖向两栏）")
    parser.add_argument("--paper", choices=("A4", "A3"), help="纸张（默认：小册子 A4，张贴版 A3）")


def _rules() -> PrintCommand[RulebookText]:
    from models.rules.print_sources import rulebook_text
    from printing.core.catalogue import rules_job

    return PrintCommand("rules", "村规民约全文：A4 小册子，或 A3 张贴大字版（分栏）", (RULEBOOK.add, _rules_options),
                        lambda stores, args, _today: rulebook_text(stores.rules, stores.workflow.votes, args.id, args.version),
                        lambda text, args, _today: rules_job(text, args.poster, args.paper, args.qr), RULEBOOK)


def _versions(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=int, help="原版本号")
    parser.add_argument("b", type=int, help="修订版本号")


def _comparison() -> PrintCommand[VersionComparison]:
    from models.rules.print_sources import version_comparison
    from printing.core.catalogue import comparison_job

    return PrintCommand("comparison", "修改对照表（A4 横向：原条文 | 修改后条文 | 修改理由）", (RULEBOOK.add, _versions),
                        lambda stores, args, _today: version_comparison(stores.rules, stores.change_reasons, args.id, args.a,
                                                                        args.b),
                        lambda source, args, _today: comparison_job(source, args.qr), RULEBOOK)


def _notice_choice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--notice", choices=("resolution", "result"),
                        help="resolution：决议公开公告；result：实施结果公开公告（默认印会议记录）")


NOTICES = {"resolution": "resolution-notice", "result": "result-notice"}


class MinutesCommand(PrintCommand["MeetingSource"]):
    """`print minutes`: a PDF as every product, or Word when --out ends in .docx (an editable draft: not a
    printed copy, so neither logged nor registered as a disclosure)."""

    def product_key(self, args: argparse.Namespace) -> str:
        return NOTICES.get(args.notice or "", self.name)

    def run(self, context: Context, args: argparse.Namespace) -> int:
        if args.out.suffix.lower() != ".docx":
            return super().run(context, args)
        from printing.core.catalogue import minutes_docx
        from storage.core.backend import build_stores

        today = date.today()
        data = minutes_docx(self.gather(build_stores(context.open_db(), context.actor), args, today), args.notice,
                            today)
        write_pdf(args.out, data)  # the atomic write, whatever the format
        context.emit(f"已生成 {args.out}", {"file": str(args.out), "bytes": len(data)})
        return 0


def _minutes() -> PrintCommand[MeetingSource]:
    """`print minutes`: the record-book page, or with --notice one of the meeting's two public notices."""
    from printing.core.catalogue import product

    def chosen(args: argparse.Namespace) -> Product[MeetingSource]:
        return product(NOTICES.get(args.notice or "", "minutes"))

    return MinutesCommand("minutes", "会议记录本页面（--out 以 .docx 结尾时生成 Word）；--notice 改印决议公开或实施结果公开的公告",
                          (MEETING.add, _notice_choice),
                          lambda stores, args, today: chosen(args).gather(stores, args.meeting_id, today),
                          lambda data, args, today: chosen(args).build(data, today), MEETING)


def commands() -> tuple[PrintCommand[Any], ...]:
    """Every `print` command of a stored record, in the order --help lists them."""
    from cli.commands.printing.matters import matter_commands
    from cli.commands import disclosures, points, stars

    return (
        _rules(),
        _comparison(),
        _record("signature-sheet", "户代表签字表（户号、户主、签字、手印；按村民小组分页）"),
        _minutes(),
        _record("invitations", "修订邀请函：每位邀请对象一页，附可剪下的回执"),
        _record("committee", "执行委员会、工作队伍及值班表的通知"),
        _record("call-for-opinions", "征求意见公告（写明起止日期和提意见的渠道）"),
        _record("opinion-forms", "意见征求表：每户一份，编号为“年份-户号”，每页两份"),
        _record("adoption-statement", "意见采纳情况说明（逐条列出意见和处理结果）"),
        _record("work-cards", "工作证：执行委员会成员和各队伍成员，每页八张，沿虚线裁开"),
        _record("group-roster", "村民小组花名册（不印身份证号）", GROUP),
        _record("filing-report", "备案报告：表决通过后报乡镇人民政府备案"),
        _record("second-publicity", "二次公示：修订稿公示（起止日期、查阅地点、异议渠道）"),
        _record("grid-board", "网格公示牌（张贴用：网格员、网格员电话、户数）", GRID),
        _record("grid-sheet", "网格联户表（内部资料：各户及其联户人，供网格员使用）", GRID),
        *points.print_commands(),
        *matter_commands(),
        *disclosures.print_commands(),
        *stars.print_commands(),
    )


for _command in commands():
    print_command(_command.name)(_command.add)
