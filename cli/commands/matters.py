"""`matter`, `project`, `officer-log`: 群众说事 from intake to 销号, the project pool and the officer's log.

The commands, options and JSON keys are a contract (issue 22); refusals exit 2 with the reason on stderr."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from cli import Context
from models.core.errors import DomainError

DAY = date.fromisoformat


def _stores(context: Context) -> Any:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("matter", help="群众说事：登记、交办、办结、回访、销号")
    sub = parser.add_subparsers(dest="matter_command", metavar="ACTION", required=True)
    _register_add(sub)
    _register_steps(sub)
    listing = sub.add_parser("list", help="问题清单：按状态或超期列出")
    listing.add_argument("--status", choices=("open", "assigned", "done", "closed"))
    listing.add_argument("--overdue", action="store_true", help="只列超期未办结的")
    listing.add_argument("--search", default="", help="按内容、地点或编号查找")
    listing.add_argument("--township", action="store_true", help="乡镇端：各村交办到乡镇的事项")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="查看一件说事和它的办理时间线")
    show.add_argument("id", help="编号（2026-说-001）或 id")
    show.set_defaults(handler=run_show)
    reply = sub.add_parser("reply", help="乡镇端：答复一件交办到乡镇的事项（审核员密码从标准输入读取）")
    reply.add_argument("id", help="编号或 id")
    reply.add_argument("--text", required=True, help="答复内容")
    reply.add_argument("--user", required=True, help="乡镇审核员用户名")
    reply.add_argument("--date", type=DAY, default=None, help="日期 YYYY-MM-DD（默认今天）")
    reply.set_defaults(handler=run_reply)
    attach = sub.add_parser("attach", help="给一件说事添加附件（现场照片、书面材料）")
    attach.add_argument("id", help="编号或 id")
    attach.add_argument("--file", required=True, type=Path, help="文件路径")
    attach.add_argument("--note", default="", help="说明")
    attach.set_defaults(handler=run_attach)
    _register_projects(commands)
    log = commands.add_parser("officer-log", help="议事信息员工作日志")
    log_sub = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    add = log_sub.add_parser("add", help="记一条工作日志")
    add.add_argument("--officer", required=True, help="信息员：本村一个在用账户的用户名或姓名")
    add.add_argument("--date", type=DAY, default=None, help="日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--text", required=True, help="走访、收集事项、跟进情况")
    add.set_defaults(handler=run_log_add)


def _register_add(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser("add", help="登记一件说事")
    add.add_argument("--text", required=True, help="说事内容")
    add.add_argument("--class", dest="cls", required=True, help="类别：矛盾纠纷、基础设施、人居环境、政策咨询、民生求助、"
                                                                 "安全隐患、村务监督、其他")
    add.add_argument("--channel", required=True, help="渠道：说事室、院坝会、网格走访、电话、信息员、书面、乡镇转来")
    who = add.add_mutually_exclusive_group()
    who.add_argument("--villager", help="说事村民的编号或姓名")
    who.add_argument("--household", help="户号")
    who.add_argument("--anonymous", action="store_true", help="匿名（默认）")
    who.add_argument("--migrant", help="外出村民的姓名（经亲属或电话转达，见 --via）")
    add.add_argument("--via", default="", help="外出村民的转达人或电话")
    add.add_argument("--place", default="", help="地点")
    add.add_argument("--urgent", action="store_true", help="紧急")
    add.add_argument("--date", type=DAY, default=None, help="说事日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--public", action="store_true", help="可在公开栏具名公开（矛盾纠纷或点名的事项须 --basis）")
    add.add_argument("--basis", default="", help="公开的依据，例如“双方书面同意”")
    add.set_defaults(handler=run_add)


def _step(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("id", help="编号（2026-说-001）或 id")
    parser.add_argument("--date", type=DAY, default=None, help="日期 YYYY-MM-DD（默认今天）")
    parser.set_defaults(handler=run_step, step=name)
    return parser


def _register_steps(sub: argparse._SubParsersAction) -> None:
    assign = _step(sub, "assign", "交办：给干部、组长、网格员、委员会，或 --township 上交乡镇")
    assign.add_argument("--to", required=True, help="交办对象：干部、组长、网格员的姓名或职务全称，委员会、队伍的名称，或直接写明")
    assign.add_argument("--township", action="store_true", help="交办到乡镇（随同步包送达）")
    assign.add_argument("--due", type=DAY, default=None, help="办理期限（默认按类别）")
    _step(sub, "note", "记一条办理进展").add_argument("--text", required=True)
    _step(sub, "done", "办结，写明结果").add_argument("--result", required=True)
    feedback = _step(sub, "feedback", "回访：说事人的评价，或 --attempt 记联系未果")
    feedback.add_argument("--rating", help="满意、基本满意、不满意")
    feedback.add_argument("--attempt", action="store_true", help="联系不上说事人：记录这次尝试（须 --note）")
    feedback.add_argument("--by", default="", help="回访人")
    feedback.add_argument("--how", choices=("电话", "当面"), default="", help="回访方式")
    feedback.add_argument("--note", default="")
    _step(sub, "close", "销号（须有回访评价或联系未果的记录）").add_argument(
        "--reason", default="", help="不满意时，不能满足的理由")
    _step(sub, "reopen", "重新办理（只能一次）").add_argument("--reason", required=True)
    _step(sub, "to-meeting", "提交议事：作为一次尚未定稿会议的议题").add_argument(
        "--meeting", required=True, help="会议记录的 id（见 meeting list --json）")
    _step(sub, "resolution", "按定稿会议的决议交办（决议的落实人和期限）")


def _register_projects(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("project", help="项目库：决议形成的项目，申报 → 立项 → 实施 → 验收")
    sub = parser.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="从一次会议的议题建立项目")
    add.add_argument("--from-meeting", dest="meeting", required=True, help="会议记录的 id")
    add.add_argument("--item", type=int, required=True, help="议题序号（从 1 起）")
    add.add_argument("--name", required=True)
    add.add_argument("--estimate", type=int, required=True, help="估算金额（元）")
    add.add_argument("--funding", default="", help="拟争取的资金来源：县级部门、乡镇、村集体、积分")
    add.add_argument("--matter", default="", help="来自哪件说事（编号）")
    add.add_argument("--four-two", dest="four_two", default="", metavar="ID",
                     help="已有的四议两公开事项 id（不写则以项目名新建一项；立项须其第 4 步决议，实施须其决议公开）")
    add.set_defaults(handler=run_project_add)
    sub.add_parser("list", help="列出项目").set_defaults(handler=run_project_list)
    advance = sub.add_parser("advance", help="进入下一阶段")
    advance.add_argument("id")
    advance.set_defaults(handler=run_project_advance)


def _raiser(stores: Any, args: argparse.Namespace) -> Any:
    from models.matters.records import Raiser, RaiserKind
    from models.matters.rules import pick_villager

    if args.villager:
        return pick_villager(args.villager, stores.raisers.villagers_named(args.villager))
    if args.household:
        found = stores.raisers.household(args.household)
        if found is None:
            raise DomainError(f"户籍中没有户号“{args.household}”。")
        return found
    if args.migrant:
        return Raiser(RaiserKind.MIGRANT, name=args.migrant.strip(), via=args.via.strip())
    return Raiser(RaiserKind.ANONYMOUS)


def _choice(enum: Any, text: str, what: str) -> Any:
    from models.matters.records import by_label

    found = by_label(enum, text.strip())
    if found is None:
        raise DomainError(f"{what}“{text}”不在可选范围内：{'、'.join(m.label for m in enum)}。")
    return found


def run_add(context: Context, args: argparse.Namespace) -> int:
    from models.matters.records import Channel, Matter, MatterClass

    stores = _stores(context)
    matter = Matter(_choice(MatterClass, args.cls, "类别"), _choice(Channel, args.channel, "渠道"), args.text,
                    args.date or date.today(), _raiser(stores, args), args.place, "紧急" if args.urgent else "一般")
    added = stores.matters.matter(stores.matters.add_matter(matter, True if args.public else None, args.basis).id)
    for like in stores.matters.similar_open(added)[:3]:  # the duplicate hint; stdout stays the contract's
        print(f"提示：与未办结的 {like.number}（{like.text[:30]}）相似；如是同一件事，可用 matter note 记入。",
              file=sys.stderr)
    context.emit(f"已登记 {added.number}（{added.cls.label}，{'可公开' if added.public else '不公开'}）",
                 {"id": added.id, "number": added.number})
    return 0


def run_step(context: Context, args: argparse.Namespace) -> int:
    from models.matters.records import Rating

    from models.matters.rules import assignee_label

    stores = _stores(context)
    store = stores.matters
    key, on = store.matter(args.id).id, args.date or date.today()
    if args.step == "assign":  # a cadre, leader or committee by name is recorded as the directory names them
        to = args.to if args.township else assignee_label(args.to, stores.raisers.assignees(on))
        store.assign(key, to, on, args.due, args.township)
    elif args.step == "note":
        store.note(key, args.text, on)
    elif args.step == "done":
        store.done(key, args.result, on)
    elif args.step == "feedback":
        if args.attempt == bool(args.rating):
            raise DomainError("请给出 --rating（满意、基本满意、不满意）或 --attempt 其中之一。")
        store.feedback(key, None if args.attempt else _choice(Rating, args.rating, "评价"), on, args.by, args.note,
                       args.how)
    elif args.step == "close":
        store.close(key, on, args.reason)
    elif args.step == "reopen":
        store.reopen(key, args.reason, on)
    elif args.step == "resolution":
        store.apply_resolution(key, on)
    else:
        store.to_meeting(key, args.meeting, on)
    matter = store.matter(key)
    context.emit(f"{matter.number}：{matter.status.label}", {"id": matter.id, "number": matter.number,
                                                              "status": matter.status.value})
    return 0


def _row(matter: Any, today: date) -> dict[str, Any]:
    from models.matters.rules import is_overdue

    return {"id": matter.id, "number": matter.number, "status": matter.status.value, "class": matter.cls.label,
            "due": matter.due.isoformat() if matter.due else None, "overdue": is_overdue(matter, today)}


def run_list(context: Context, args: argparse.Namespace) -> int:
    from models.matters.records import MatterStatus

    today = date.today()
    store = _stores(context).matters
    found = store.matters(MatterStatus(args.status) if args.status else None, today if args.overdue else None,
                          args.search, args.township)
    rows = [_row(m, today) for m in found]
    names = store.village_names() if args.township else {}  # the desk reads them by village
    lines = [(f"{names.get(m.village, m.village)}\t" if args.township else "")
             + f"{m.number}\t{m.status.label}\t{m.cls.label}\t{m.due or ''}{'（超期）' if r['overdue'] else ''}\t"
             + m.text[:30] for m, r in zip(found, rows)]
    context.emit("\n".join(lines) or "没有符合条件的说事。", {"total": len(rows), "rows": rows})
    return 0


def run_show(context: Context, args: argparse.Namespace) -> int:
    store = _stores(context).matters
    matter = store.matter(args.id)
    timeline = [{"at": e.at.isoformat(), "event": e.kind.value, "by": e.by, "text": e.text}
                for e in store.timeline(matter.id)]
    text = [f"{matter.number} {matter.cls.label} {matter.status.label}：{matter.text}"] + [
        f"  {e['at']} {e['by']} {e['event']} {e['text']}" for e in timeline]
    context.emit("\n".join(text), {"id": matter.id, "number": matter.number, "status": matter.status.value,
                                   "class": matter.cls.label, "public": matter.public, "timeline": timeline})
    return 0


def run_reply(context: Context, args: argparse.Namespace) -> int:
    from cli import read_password
    from storage.core.accounts import authenticate
    from storage.core.backend import build_stores

    db = context.open_db()
    store = build_stores(db, authenticate(db, args.user, read_password()).as_actor()).matters
    matter = store.matter(store.township_reply(store.matter(args.id).id, args.text, args.date or date.today()).id)
    context.emit(f"已答复 {matter.number}", {"id": matter.id, "number": matter.number, "status": matter.status.value})
    return 0


def run_attach(context: Context, args: argparse.Namespace) -> int:
    from models.core.attachments import AttachmentOwner, OwnerKind

    stores = _stores(context)
    matter = stores.matters.matter(args.id)
    added = stores.attachments.attach(AttachmentOwner(OwnerKind.MATTER, matter.id), args.file, note=args.note)
    context.emit(f"已为 {matter.number} 添加附件 {args.file.name}",
                 {"id": added.id, "matter": matter.id})
    return 0


def _project_json(project: Any) -> dict[str, Any]:
    return {"id": project.id, "name": project.name, "status": project.stage.label, "meeting": project.meeting_id,
            "estimate": project.estimate, "four_two": project.four_two_id}


def run_project_add(context: Context, args: argparse.Namespace) -> int:
    from models.matters.records import Project

    stores = _stores(context)
    matter_id = stores.matters.matter(args.matter).id if args.matter else ""
    project = stores.projects.project(stores.projects.add_project(
        Project(args.name, args.estimate, args.meeting, args.item, args.funding, matter_id=matter_id,
                four_two_id=args.four_two)).id)
    context.emit(f"已入项目库：{project.name}（{project.stage.label}）", _project_json(project))
    return 0


def run_project_list(context: Context, args: argparse.Namespace) -> int:
    from models.matters.rules import short_ids

    stores = _stores(context)
    found = stores.projects.projects()
    short = short_ids([p.id for p in found])
    lines = [f"{short[p.id]}\t{p.stage.label}\t{p.name}\t{p.estimate} 元\t会议 {p.meeting_number}\t四议两公开："
             + _chain_text(stores, p.four_two_id) for p in found]
    context.emit("\n".join(lines) or "项目库还是空的。", {"rows": [_project_json(p) for p in found]})
    return 0


def _chain_text(stores: Any, four_two_id: str) -> str:
    if not four_two_id:
        return "未关联"
    chain = stores.four_two.get(four_two_id)
    upcoming = chain.next_stage
    return f"{chain.title}，下一步：{upcoming.label}" if upcoming else f"{chain.title}，六个环节已完成"


def run_project_advance(context: Context, args: argparse.Namespace) -> int:
    store = _stores(context).projects
    matches = [p for p in store.projects() if p.id.startswith(args.id.strip())] if args.id.strip() else []
    if len(matches) != 1:
        raise DomainError(f"没有唯一以“{args.id}”开头的项目。请用 project list 查看编号（每行开头的一段即可）。")
    project = store.project(store.advance(matches[0].id).id)
    context.emit(f"{project.name}：{project.stage.label}", _project_json(project))
    return 0


def run_log_add(context: Context, args: argparse.Namespace) -> int:
    from models.matters.records import OfficerLogEntry

    store = _stores(context).officer_log
    entry_id = store.add_entry(OfficerLogEntry(args.officer, args.date or date.today(), args.text)).id
    context.emit("已记入信息员工作日志", {"id": entry_id})
    return 0
