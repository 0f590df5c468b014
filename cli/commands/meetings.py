"""`meeting import | list | show | export | amend | province | template`: meeting records from and to the JSON document of docs/formats.md."""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli import Context
from models.core.errors import DomainError

if TYPE_CHECKING:  # storage loads on first use, so `--help` stays quick
    from storage.core.backend import SqliteStores


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("meeting", help="会议记录：导入、列表、查看、导出")
    actions = parser.add_subparsers(dest="meeting_command", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    importing = actions.add_parser("import", help="从 JSON 文件导入一份会议记录（格式见 docs/formats.md）")
    importing.add_argument("file", type=Path, metavar="FILE.json")
    _json_option(importing)
    importing.set_defaults(handler=run_import)
    listing = actions.add_parser("list", help="列出会议记录")
    listing.add_argument("--year", type=int, help="只列这一年的")
    listing.add_argument("--type", dest="type_name", help="只列这种会议（名称或代码）")
    listing.add_argument("--text", default="", help="全文检索（纪要、决议、落实情况）")
    listing.add_argument("--limit", type=_count_arg, default=LIST_LIMIT, metavar="N",
                         help=f"最多列出 N 条（默认 {LIST_LIMIT}）")
    listing.add_argument("--offset", type=_count_arg, default=0, metavar="N", help="跳过前 N 条（翻页用）")
    _json_option(listing)
    listing.set_defaults(handler=run_list)
    showing = actions.add_parser("show", help="查看一份会议记录及法定人数、表决结果")
    showing.add_argument("meeting_id", metavar="ID", help="记录的 id 或编号（如 2026-代-07）")
    _json_option(showing)
    showing.set_defaults(handler=run_show)
    exporting = actions.add_parser("export", help="以导入用的 JSON 格式输出一份会议记录")
    exporting.add_argument("meeting_id", metavar="ID", help="记录的 id 或编号")
    _json_option(exporting)
    exporting.set_defaults(handler=run_export)
    amending = actions.add_parser("amend", help="补正已定稿的记录（原记录保留，补正注明日期和理由）")
    amending.add_argument("meeting_id", metavar="ID", help="记录的 id 或编号")
    amending.add_argument("field", metavar="FIELD", help="补正项目，如 place、items.1.for、items.1.speeches、items.1.votes")
    new_text = amending.add_mutually_exclusive_group(required=True)
    new_text.add_argument("--to", metavar="TEXT", help="更正后的内容")
    new_text.add_argument("--to-file", type=Path, metavar="FILE.txt",
                          help="从 UTF-8 文本文件读更正后的内容（发言每行“发言人：要点”，逐人表决每行“姓名：赞成”）")
    amending.add_argument("--reason", required=True, help="补正理由")
    amending.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", help="补正日期（默认今天）")
    _json_option(amending)
    amending.set_defaults(handler=run_amend)
    province = actions.add_parser("province", help="本省规定：村规民约、自治章程能否由村民代表会议表决（R8）")
    choice = province.add_mutually_exclusive_group()
    choice.add_argument("--allow", metavar="法规依据", help="本省允许，并写明依据（印在决议上）")
    choice.add_argument("--default", action="store_true", help="恢复默认：须由村民会议表决")
    _json_option(province)
    province.set_defaults(handler=run_province)
    template = actions.add_parser("template", help="记录本格式（R18）：栏目、顺序、标题和签字栏")
    which = template.add_mutually_exclusive_group()
    which.add_argument("--set", type=Path, metavar="FILE.json", help="从 JSON 文件设置（格式见 docs/formats.md）")
    which.add_argument("--default", action="store_true", help="恢复默认格式（R12）")
    _json_option(template)
    template.set_defaults(handler=run_template)


LIST_LIMIT = 200


def _count_arg(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"“{text}”不是不小于 0 的整数")
    return int(text)


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 YYYY-MM-DD，例如 2026-03-21") from None


def _json_option(parser: argparse.ArgumentParser) -> None:
    # Also accepted after the action (`meeting show ID --json`); SUPPRESS keeps the global flag's value otherwise.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以一个 JSON 对象输出结果")


def _stores(context: Context) -> SqliteStores:
    """The session's stores (storage/core/backend.py composes them) for the command-line user."""
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor)


def _read_document(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DomainError(f"找不到文件“{path}”。请检查路径。") from None
    except UnicodeDecodeError:
        raise DomainError(f"“{path}”不是 UTF-8 编码的文本文件。请用 UTF-8 保存后再导入。") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DomainError(f"“{path}”不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}。"
                          "未导入任何内容。") from None
    except RecursionError:
        raise DomainError(f"“{path}”不是有效的会议记录文件：嵌套层次过深。未导入任何内容。") from None


def run_import(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.document import parse_document
    from models.minutes.meetings import evaluate
    from models.minutes.services import record_warnings

    data = _read_document(args.file)
    stores = _stores(context)
    # ID numbers and names in `present` are matched against the registry (an unknown ID number is refused;
    # a name that is not exactly one villager is kept as written).
    facts = stores.registry_facts
    meeting, spec = parse_document(data, stores.meeting_types.custom_types(), facts.find_person)
    created = stores.meetings.get(stores.meetings.create(meeting).id)
    outcome = evaluate(created, spec)
    warnings = [w.message for w in record_warnings(created, stores.meeting_types, stores.minutes_settings)]
    warnings += _composition(facts, created)
    lines = [f"已导入会议记录 {created.number}（{spec.label}，{created.on.isoformat()}），id：{created.id}",
             f"法定人数：{'达到' if outcome.quorum.met else '未达到'}。{outcome.quorum.reason}"]
    lines += [f"提醒：{text}" for text in warnings]
    context.emit("\n".join(lines), {"id": created.id, "number": created.number})
    return 0


def _composition(facts: Any, meeting: Any) -> list[str]:
    """R4 for a representatives' meeting: its composition in the registry on the meeting date."""
    from models.minutes.checks import composition_warnings
    from models.minutes.expected import representatives_composition
    from models.minutes.types import MeetingType

    if meeting.type_code != MeetingType.REPRESENTATIVES:
        return []
    return [w.message for w in composition_warnings(*representatives_composition(facts, meeting.on))]


def run_list(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.services import missing_quarters

    stores = _stores(context)
    store = stores.meetings
    type_code = stores.meeting_types.type_spec(args.type_name).code if args.type_name else None
    found = store.list_meetings(args.year, type_code, args.text, args.offset, args.limit)
    total = store.count_meetings(args.year, type_code, args.text)
    lines = [f"{m.number}\t{m.on.isoformat()}\t{m.type_label}\t到会 {m.present}/{m.expected}\t"
             f"{'达到法定人数' if m.quorum_met else '未达法定人数'}\t{m.status.label}\t{m.place}" for m in found]
    text = "\n".join(lines) if lines else "没有符合条件的会议记录。"
    if total > len(found):
        text += (f"\n共 {total} 条，列出第 {args.offset + 1}–{args.offset + len(found)} 条" if found
                 else f"\n共 {total} 条，第 {args.offset + 1} 条以后没有了") + "（用 --limit、--offset 翻页）。"
    year = args.year or date.today().year
    text += "".join(f"\n提醒：{w.message}" for w in missing_quarters(store, year, date.today()))
    context.emit(text, {"meetings": [{
        "id": m.id, "number": m.number, "type": m.type_code, "date": m.on.isoformat(), "place": m.place,
        "expected": m.expected, "present": m.present, "quorum_met": m.quorum_met, "status": m.status.value,
        "items": m.item_count} for m in found], "total": total})
    return 0


def run_amend(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.record import field_label

    store = _stores(context).meetings
    meeting = store.get(args.meeting_id)
    after = args.to if args.to is not None else _read_text(args.to_file)
    store.amend(meeting.id, args.field, after, args.reason, args.date or date.today())
    earlier = {a.id for a in meeting.amendments}
    amendment = next(a for a in store.get(meeting.id).amendments if a.id not in earlier)
    context.emit(f"已补正 {meeting.number} 的“{field_label(amendment.field_name)}”（{amendment.on.isoformat()}），"
                 "原记录保留。", {"id": amendment.id, "meeting_id": meeting.id, "field": amendment.field_name,
                                 "before": amendment.before, "after": amendment.after, "reason": amendment.reason,
                                 "date": amendment.on.isoformat()})
    return 0


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DomainError(f"找不到文件“{path}”。请检查路径。") from None
    except UnicodeDecodeError:
        raise DomainError(f"“{path}”不是 UTF-8 编码的文本文件。请用 UTF-8 保存后再补正。") from None


def run_show(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.meetings import evaluate
    from models.minutes.record import effective
    from models.minutes.services import record_warnings

    stores = _stores(context)
    original = stores.meetings.get(args.meeting_id)
    meeting = effective(original)
    spec = stores.meeting_types.type_spec(meeting.type_code)
    outcome = evaluate(meeting, spec)
    data = {"id": meeting.id, "number": meeting.number, "type": meeting.type_code, "expected": meeting.expected,
            "present": meeting.present, "quorum_met": outcome.quorum.met,
            "items": [{"title": item.title, "for": item.tally.for_ if item.tally else None,
                       "against": item.tally.against if item.tally else None,
                       "abstain": item.tally.abstain if item.tally else None, "passed": result.passed}
                      for item, result in zip(meeting.items, outcome.items)]}
    warnings = [w.message for w in record_warnings(original, stores.meeting_types, stores.minutes_settings)]
    warnings += _composition(stores.registry_facts, original)
    context.emit("\n".join(_describe(meeting, spec.label, outcome, warnings)), data)
    return 0


def _describe(meeting: Any, type_label: str, outcome: Any, warnings: list[str]) -> list[str]:
    from models.minutes.quorum import percent

    lines = [f"{meeting.number}　{type_label}（{meeting.status.label}）",
             f"时间：{meeting.on.isoformat()} {meeting.start}–{meeting.end}　地点：{meeting.place}",
             f"主持人：{meeting.host} {meeting.host_post}　记录人：{meeting.recorder}",
             f"应到：{meeting.expected}　实到：{meeting.present}（{percent(meeting.present, meeting.expected)}）",
             f"法定人数：{'达到' if outcome.quorum.met else '未达到'}。{outcome.quorum.reason}"]
    lines += [f"缺席：{a.name}（{a.reason or '未填原因'}）" for a in meeting.absentees]
    lines += [f"委托：{a.name} 代 {a.proxy_for} 表决" for a in meeting.attendees if a.proxy_for]
    for number, (item, result) in enumerate(zip(meeting.items, outcome.items), start=1):
        lines.append(f"议题 {number}：{item.title}")
        if item.tally:
            lines.append(f"  赞成 {item.tally.for_}，反对 {item.tally.against}，弃权 {item.tally.abstain}："
                         f"{result.reason}")
        if item.resolution:
            lines.append(f"  决议：{item.resolution}")
    from models.minutes.record import field_label, one_line

    lines += [f"补正（{a.on.isoformat()}，{a.editor}）：{field_label(a.field_name)} “{one_line(a.before)}” → "
              f"“{one_line(a.after)}”，理由：{a.reason}" for a in meeting.amendments]
    return lines + [f"提醒：{text}" for text in warnings]


def run_export(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.document import to_document
    from models.minutes.record import effective

    document = to_document(effective(_stores(context).meetings.get(args.meeting_id)))
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return 0


def run_province(context: Context, args: argparse.Namespace) -> int:
    """Show or set the province's R8 rule; without an option it only shows it."""
    store = _stores(context).minutes_settings
    if args.allow is not None:
        store.set_province_rules(True, args.allow)
    elif args.default:
        store.set_province_rules(False, "")
    rules = store.province_rules()
    text = (f"本省允许村民代表会议表决村规民约、自治章程，依据：{rules.basis}（决议上注明）"
            if rules.rules_by_representatives else "村规民约、自治章程须由村民会议表决（默认，《村民委员会组织法》第二十七条）")
    context.emit(text, {"rules_by_representatives": rules.rules_by_representatives, "basis": rules.basis})
    return 0


def run_template(context: Context, args: argparse.Namespace) -> int:
    """Show or set the R18 record-book template; without an option it only shows it."""
    from models.minutes.template import template_from_json

    store = _stores(context).minutes_settings
    if args.set is not None:
        store.set_record_template(template_from_json(_read_document(args.set)))
    elif args.default:
        store.set_record_template(None)
    template = store.record_template()
    rows = [f"{n}. {f.heading}（{f.key}{'，必备' if f.required else ''}）" for n, f in enumerate(template.fields, 1)]
    text = "记录本格式：\n" + "\n".join(rows) + "\n签字栏：" + "　".join(template.signatures)
    context.emit(text, template.to_json())
    return 0
