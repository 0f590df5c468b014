"""`township`: the township desk from the command line — villages, requests, review and filing decisions."""
from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from cli import Context, read_password
from models.core.errors import DomainError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("township", help="乡镇端：辖区村、待审事项、合法性审查和备案决定")
    sub = parser.add_subparsers(dest="township_command", metavar="ACTION", required=True)
    sub.add_parser("villages", help="列出辖区村（来自已导入的同步包）").set_defaults(handler=run_villages)
    requests = sub.add_parser("requests", help="列出待审事项：备案申请和二次公示中的合法性审查")
    requests.add_argument("--village", help="只看这个村（节点编号）")
    requests.set_defaults(handler=run_requests)
    show = sub.add_parser("show", help="查看一个待审事项：合法性审查提示和修改对照表")
    show.add_argument("id", help="事项编号（可只写开头几位）")
    show.set_defaults(handler=run_show)
    _register_review(sub)


def _register_review(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="审查：准予备案、退回修改，或出具合法性审查意见（审核员密码从标准输入读取）")
    review.add_argument("id", help="事项编号（可只写开头几位）")
    what = review.add_mutually_exclusive_group(required=True)
    what.add_argument("--approve", action="store_true", help="准予备案（须 --number）")
    what.add_argument("--return", dest="return_", action="store_true", help="退回修改（须 --reason）")
    what.add_argument("--conclusion", help="合法性审查结论（二次公示前的审查）")
    review.add_argument("--number", default="", help="备案编号，例如“德乡备〔2026〕3号”")
    review.add_argument("--reason", default="", help="退回修改的理由")
    review.add_argument("--date", type=date.fromisoformat, default=None, help="日期 YYYY-MM-DD（默认今天）")
    review.add_argument("--note", action="append", default=[], help="逐条意见，形如“第二条=建议删去罚款表述”，可重复")
    review.add_argument("--user", required=True, help="乡镇审核员用户名（用 user add NAME --role township_reviewer 创建）")
    review.set_defaults(handler=run_review)


def _desk(context: Context, actor: Any = None) -> Any:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), actor or context.actor).township


def run_villages(context: Context, args: argparse.Namespace) -> int:
    villages = _desk(context).villages()
    lines = [f"{v.name}\t最近同步：{v.last_bundle_at or '从未'}\t{v.rulebook_title or '（无修订）'}"
             + (f" 第{v.version_number}版 第{v.step_number}步 {v.step_label}" if v.step_number else "")
             + f"\t待审 {v.waiting}\t近期会议：{'、'.join(v.recent_meetings) or '无'}"
             + f"\t榜单：{v.lists_published or '无'}" for v in villages]
    context.emit("\n".join(lines) or "还没有收到任何村的同步包。请先用 sync import 导入。",
                 {"villages": [{"node": v.node, "name": v.name, "last_bundle_at": v.last_bundle_at,
                                "rulebook": v.rulebook_title, "version": v.version_number, "step": v.step_number,
                                "step_label": v.step_label, "waiting": v.waiting,
                                "recent_meetings": list(v.recent_meetings),
                                "lists_published": v.lists_published} for v in villages]})
    return 0


def _request_json(r: Any) -> dict[str, Any]:
    return {"id": r.id, "kind": r.kind.value, "kind_label": r.kind.label, "village": r.village,
            "village_name": r.village_name, "rulebook": r.rulebook_title, "rulebook_id": r.rulebook_id,
            "version": r.version_number, "since": r.since, "due": r.due_on, "decided": r.decided}


def run_requests(context: Context, args: argparse.Namespace) -> int:
    found = _desk(context).requests(args.village)
    lines = [f"{r.id[:8]}\t{r.kind.label}\t{r.village_name}\t{r.rulebook_title} 第{r.version_number}版\t"
             f"{r.since or ''}\t{r.decided or '待审'}" for r in found]
    context.emit("\n".join(lines) or "没有待审事项。", {"requests": [_request_json(r) for r in found]})
    return 0


def run_show(context: Context, args: argparse.Namespace) -> int:
    ctx = _desk(context).review_context(args.id)
    findings = [{"article": f.article_number, "severity": f.severity.value, "severity_label": f.severity.label,
                 "text": f.text, "reason": f.reason, "basis": f.basis} for f in ctx.findings]
    rows = [{"kind": c.kind.value, "old_number": c.old_number, "new_number": c.new_number, "original": c.original,
             "revised": c.revised, "reason": c.reason} for c in ctx.comparison]
    text = [f"{ctx.request.village_name} {ctx.request.rulebook_title} 第{ctx.version.number}版（{ctx.request.kind.label}）",
            f"合法性审查提示 {len(findings)} 条："] + [
        f"  {'第' + str(f['article']) + '条' if f['article'] else '全文'} [{f['severity_label']}] {f['reason']}"
        for f in findings] + [f"修改对照表（第{ctx.previous_number}版→第{ctx.version.number}版）{len(rows)} 处修改"
                              if ctx.previous_number else "没有更早的版本可对照"]
    context.emit("\n".join(text), {"request": _request_json(ctx.request), "previous_version": ctx.previous_number,
                                   "findings": findings, "comparison": rows})
    return 0


def run_review(context: Context, args: argparse.Namespace) -> int:
    from models.township.reviews import DecisionKind
    from storage.core.accounts import authenticate

    db = context.open_db()
    actor = authenticate(db, args.user, read_password()).as_actor()
    desk = _desk(context, actor)
    notes = _notes(desk.review_context(args.id), args.note)
    on = args.date or date.today()
    if args.conclusion is not None:
        review = desk.review(desk.record_review(args.id, on, args.conclusion, notes).id)
        context.emit(f"已出具合法性审查意见（第{review.version_number}版）",
                     {"id": review.id, "decision": "review", "version": review.version_number, "date": on})
        return 0
    kind = DecisionKind.APPROVE if args.approve else DecisionKind.RETURN
    decision = desk.decision(desk.decide(args.id, kind, on, args.number, args.reason, notes).id)
    context.emit(f"{kind.label}：第{decision.version_number}版 {decision.filing_number or decision.reasons}",
                 {"id": decision.id, "decision": kind.value, "number": decision.filing_number,
                  "reasons": decision.reasons, "version": decision.version_number, "date": on})
    return 0


def _notes(ctx: Any, specs: list[str]) -> tuple[Any, ...]:
    from models.township.reviews import ArticleNote

    keys = {label: key for key, label in ctx.article_choices()}
    notes = []
    for spec in specs:
        label, _, note = spec.partition("=")
        if label.strip() not in keys or not note.strip():
            raise DomainError(f"逐条意见“{spec}”的格式应为“第二条=意见内容”，且该条须在审查的文本中。")
        notes.append(ArticleNote(keys[label.strip()], label.strip(), note.strip()))
    return tuple(notes)
