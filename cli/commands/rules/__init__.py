"""`rules`: import, list, show, export, diff and legality-check village rules (村规民约).

The nine-step workflow's actions (start, status, advance, reopen) are added from cli/commands/rules/workflow.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli import EXIT_PROBLEMS, Context

if TYPE_CHECKING:
    from storage.core.backend import SqliteStores
    from models.rules.document import NumberedArticle
    from models.rules.ports import RulebookStore


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("rules", help="村规民约：导入、查看、导出、比较版本、合法性审查")
    sub = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="从 .docx/.md/.txt 导入为新版本，输出规约编号")
    imp.add_argument("file", type=Path)
    imp.add_argument("--rulebook", help="导入为这份规约的新版本（默认新建一份规约）")
    imp.add_argument("--title", help="规约名称（默认取文件中的标题）")
    imp.set_defaults(handler=run_import)
    sub.add_parser("list", help="列出所有规约及其版本").set_defaults(handler=run_list)
    show = sub.add_parser("show", help="显示某一版本的全文")
    show.add_argument("id")
    show.add_argument("--version", type=int, help="版本号（默认最新版本）")
    show.set_defaults(handler=run_show)
    export = sub.add_parser("export", help="导出为 Markdown 或 Word（.docx）")
    export.add_argument("id")
    export.add_argument("--version", type=int, help="版本号（默认最新版本）")
    export.add_argument("--out", type=Path, required=True, help="输出文件，以 .md 或 .docx 结尾")
    export.set_defaults(handler=run_export)
    diff = sub.add_parser("diff", help="比较两个版本，输出修改对照表")
    diff.add_argument("id")
    diff.add_argument("a", type=int, help="原版本号")
    diff.add_argument("b", type=int, help="修订版本号")
    diff.set_defaults(handler=run_diff)
    check = sub.add_parser("check", help="合法性审查辅助（有“必须修改”项时退出码为 1）")
    check.add_argument("id")
    check.add_argument("--version", type=int, help="版本号（默认最新版本）")
    check.set_defaults(handler=run_check)
    from cli.commands.rules.workflow import add_to
    add_to(sub)


def _stores(context: Context) -> SqliteStores:
    """The command-line session's stores, from the one composition root."""
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor)


def _store(context: Context) -> RulebookStore:
    return _stores(context).rules


def run_import(context: Context, args: argparse.Namespace) -> int:
    result = _stores(context).rule_files.import_file(args.file, args.rulebook, args.title)
    for text in result.preamble:
        print(f"前言（已保留）：{text}", file=sys.stderr)
    for text in result.closing:
        print(f"落款（已保留）：{text}", file=sys.stderr)
    for problem in result.problems:
        print(f"请核对：{problem}", file=sys.stderr)
    context.emit(result.rulebook_id, {"id": result.rulebook_id, "version": result.version,
                                      "articles": result.articles})
    return 0


def run_list(context: Context, args: argparse.Namespace) -> int:
    from cli.commands.rules.workflow import current_steps
    rulebooks = _store(context).list_rulebooks()
    steps = current_steps(context)
    rows = [{"id": r.id, "title": r.title, "versions": len(r.versions), "in_force_version": r.in_force_version,
             "current_step": steps.get(r.id)} for r in rulebooks]
    lines = [f"{r.id}  {r.title}  共{len(r.versions)}版  现行：" +
             (f"第{r.in_force_version}版" if r.in_force_version else "无") for r in rulebooks]
    context.emit("\n".join(lines) or "还没有村规民约。可用 rules import 文件 导入。", {"rulebooks": rows})
    return 0


def run_show(context: Context, args: argparse.Namespace) -> int:
    from models.rules.document import VersionStatus, numbered_articles
    from models.rules.text import chapter_headings, render_markdown

    store = _store(context)
    version = store.load_version(args.id, args.version)
    title = version.title or store.get_rulebook(args.id).title
    headings = chapter_headings(version)
    chapter_of = {a.key: headings[c.key] for c in version.chapters for a in c.articles}
    articles = [{"number": a.number, "chapter": chapter_of[a.key], "text": a.full_text}
                for a in numbered_articles(version)]
    context.emit(render_markdown(version, title).rstrip(), {
        "id": args.id, "title": title, "version": version.number,
        "in_force": version.status is VersionStatus.IN_FORCE, "articles": articles})
    return 0


def run_export(context: Context, args: argparse.Namespace) -> int:
    path = _stores(context).rule_files.export_file(args.id, args.version, args.out)
    context.emit(f"已导出：{path}", {"file": str(path)})
    return 0


def _side(article: NumberedArticle | None) -> NumberedArticle:
    """The side a change of its kind always has: an added article's new side, a removed one's old side, both else."""
    assert article is not None
    return article


def run_diff(context: Context, args: argparse.Namespace) -> int:
    from models.rules.diff import ChangeKind, comparison_table, diff_versions

    stores = _stores(context)
    store = stores.rules
    old, new = store.load_version(args.id, args.a), store.load_version(args.id, args.b)
    diff = diff_versions(old, new)
    data = {
        "added": [{"to": _side(c.new).number, "text": _side(c.new).full_text}
                  for c in diff.of_kind(ChangeKind.ADDED)],
        "removed": [{"from": _side(c.old).number, "text": _side(c.old).full_text}
                    for c in diff.of_kind(ChangeKind.REMOVED)],
        "moved": [{"from": _side(c.old).number, "to": _side(c.new).number, "text": _side(c.new).full_text}
                  for c in diff.of_kind(ChangeKind.MOVED)],
        "changed": [{"from": _side(c.old).number, "to": _side(c.new).number,
                     "before": _side(c.old).full_text, "after": _side(c.new).full_text}
                    for c in diff.of_kind(ChangeKind.CHANGED)],
        "unchanged": len(diff.of_kind(ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)),
    }
    from storage.rules.files import comparison_markdown

    rows = comparison_table(diff, stores.change_reasons.change_reasons(new.id))
    title = store.get_rulebook(args.id).title
    text = comparison_markdown(rows, f"{title}修改对照表（第{old.number}版→第{new.number}版）")
    text += f"\n未改动 {data['unchanged']} 条（其中条号变化的 {len(diff.of_kind(ChangeKind.RENUMBERED))} 条）。"
    context.emit(text, data)
    return 0


def run_check(context: Context, args: argparse.Namespace) -> int:
    from models.rules.legality import check_version, has_blocking
    from models.rules.document import RulebookKind

    store = _store(context)
    version = store.load_version(args.id, args.version)
    kind = store.get_rulebook(args.id).kind
    findings = check_version(version, kind_is_rules=kind is RulebookKind.RULES)
    rows = [{"article": f.article_number, "severity": f.severity.value, "category": f.category.value,
             "text": f.text, "reason": f.reason, "basis": f.basis} for f in findings]
    lines = [f"【{f.severity.label}】" + (f"第{f.article_number}条" if f.article_number else "全文") +
             f" {f.category.label}：“{f.text}” — {f.reason}（依据：{f.basis}）" for f in findings]
    summary = f"第{version.number}版审查完毕：{len(findings)} 条意见。这是辅助审查，不代替乡镇的合法性审查意见。"
    context.emit("\n".join([summary, *lines]), {"findings": rows})
    return EXIT_PROBLEMS if has_blocking(findings) else 0
