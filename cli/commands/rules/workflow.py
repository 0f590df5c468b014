"""`rules start|status|advance|reopen`: the nine-step revision workflow (九步工作法) on the command line; and
`rules signatures export`: step 8's signature tally as a printable .xlsx sheet."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_REFUSED, Context

if TYPE_CHECKING:
    from models.workflow.ports import RevisionStore
    from models.workflow.records import Filing


def add_to(sub: argparse._SubParsersAction) -> None:
    """Called by cli/commands/rules.py: these live under the `rules` command."""
    start = sub.add_parser("start", help="开始修订（九步工作法第一步：两委商议）")
    start.add_argument("id")
    start.set_defaults(handler=run_start)
    status = sub.add_parser("status", help="九步工作法进度：每一步的状态和还缺什么")
    status.add_argument("id")
    status.set_defaults(handler=run_status)
    advance = sub.add_parser("advance", help="完成当前步骤、进入下一步（条件不满足时退出码为 2）")
    advance.add_argument("id")
    advance.set_defaults(handler=run_advance)
    history = sub.add_parser("history", help="修订记录：每一次修订的步骤、表决的版本和备案回执")
    history.add_argument("id")
    history.set_defaults(handler=run_history)
    reopen = sub.add_parser("reopen", help="退回到已完成的某一步（之后的步骤标为需重做）")
    reopen.add_argument("id")
    reopen.add_argument("step", type=int, help="步骤序号 1–9")
    reopen.add_argument("--reason", required=True, help="退回原因")
    reopen.set_defaults(handler=run_reopen)
    signatures = sub.add_parser("signatures", help="户主签字统计（九步工作法第八步）").add_subparsers(
        dest="signatures_action", required=True, metavar="ACTION")
    export = signatures.add_parser("export", help="导出为 Excel 文件（.xlsx）：每户是否签字、日期、签字表，各组和全村已签户数")
    export.add_argument("id", help="规约编号")
    export.add_argument("--out", required=True, type=Path, help="输出的 .xlsx 文件")
    export.set_defaults(handler=run_signatures_export)


def _store(context: Context) -> RevisionStore:
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor).workflow.revisions


def run_start(context: Context, args: argparse.Namespace) -> int:
    _store(context).start_revision(args.id, date.today())
    context.emit("已开始修订，当前步骤：1 两委商议", {"rulebook": args.id, "current_step": 1})
    return 0


def run_status(context: Context, args: argparse.Namespace) -> int:
    status = _store(context).status(args.id, date.today())
    current = status.current_step
    steps = [{"n": v.step.number, "name": v.step.label, "state": v.status.state.value, "blockers": list(v.blockers)}
             for v in status.steps]
    lines = [f"{v.step.number} {v.step.label}  {v.status.state.label}  {v.figure}" +
             "".join(f"\n    还缺：{b}" for b in v.blockers if v.status.state.value in ("active", "stale"))
             for v in status.steps]
    context.emit("\n".join(lines), {"rulebook": args.id, "current_step": current.number if current else None,
                                    "steps": steps})
    return 0


def run_history(context: Context, args: argparse.Namespace) -> int:
    records = _store(context).history(args.id)
    data = [{"revision": r.revision_id, "started_on": r.started_on.isoformat() if r.started_on else None,
             "steps_done": r.steps_done, "complete": r.complete, "voted_version": r.voted_number,
             "filing": _filing(r.filing)} for r in records]
    lines = [f"{r.started_on} 开始  完成 {r.steps_done}/9 步" + (f"  表决第{r.voted_number}版" if r.voted_number else "")
             + (f"  {r.filing.status.label} {r.filing.receipt_number}" if r.filing else "") for r in records]
    context.emit("\n".join(lines) or "这份村规民约还没有修订记录。", {"rulebook": args.id, "revisions": data})
    return 0


def _filing(filing: Filing | None) -> dict[str, str | None] | None:
    if filing is None:
        return None
    days = {"receipt_date": filing.receipt_date, "effective_date": filing.effective_date,
            "submitted_on": filing.submitted_on}
    return {"status": filing.status.value, "receipt_number": filing.receipt_number,
            **{k: v.isoformat() if v else None for k, v in days.items()}}


def run_advance(context: Context, args: argparse.Namespace) -> int:
    from models.core.errors import DomainError
    from models.workflow.steps import current_step
    store = _store(context)
    try:
        store.advance(args.id, date.today())
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return EXIT_REFUSED
    step = current_step(store.steps(args.id))
    text = f"已进入第{step.number}步：{step.label}" if step else "九个步骤全部完成，新村规民约已生效。"
    context.emit(text, {"rulebook": args.id, "current_step": step.number if step else None})
    return 0


def run_reopen(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.steps import WorkflowStep
    step = WorkflowStep.of(args.step)
    _store(context).reopen(args.id, step, args.reason, date.today())
    context.emit(f"已退回到第{step.number}步：{step.label}", {"rulebook": args.id, "current_step": step.number})
    return 0


def run_signatures_export(context: Context, args: argparse.Namespace) -> int:
    """The tally of 户主签字 as a printable .xlsx sheet (storage/core/sheets.write_sheet), like `lists export`."""
    from models.core.errors import DomainError
    from models.workflow.sheets import SIGNATURE_HEADERS, signature_rows
    from storage.core.backend import build_stores
    from storage.core.sheets import write_sheet

    if args.out.suffix.lower() != ".xlsx":
        raise DomainError("导出文件名应以 .xlsx 结尾。")
    stores = build_stores(context.open_db(), context.actor)
    title = stores.rules.get_rulebook(args.id).title
    signatures = stores.workflow.signatures
    rows = signature_rows(stores.households.list_households(), lambda household: signatures.signature(args.id,
                                                                                                     household))
    write_sheet(args.out, f"{title}户主签字统计", SIGNATURE_HEADERS, rows)
    context.emit(f"已导出 {len(rows)} 行到 {args.out}", {"file": str(args.out), "rows": len(rows)})
    return 0


def current_steps(context: Context) -> dict[str, int | None]:
    """Rulebook id → active step number, for `rules list`."""
    return _store(context).current_steps()
