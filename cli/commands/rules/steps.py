"""`rules step …`: each of the nine steps' records from the command line (docs/workflow.md, "Command line").

The stores refuse what the law does not allow (date order R19, publicity length R47 …); `cli.run` turns the
refusal into exit 2 with its message, which names the rule and its source."""
from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from cli import Context
from models.core.errors import DomainError

if TYPE_CHECKING:
    from storage.core.backend import SqliteStores


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 YYYY-MM-DD") from None


def _verb(sub: argparse._SubParsersAction, name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("rulebook", metavar="RULEBOOK")
    parser.set_defaults(handler=handler)
    return parser


def add_to(sub: argparse._SubParsersAction) -> None:
    """Called by cli/commands/rules/__init__.py: `rules step VERB …`."""
    step = sub.add_parser("step", help="录入九步工作法各步骤的记录（会议、邀请、执委会、意见、答复、公示、审查、表决、签字、备案）")
    verbs = step.add_subparsers(dest="step_command", metavar="VERB", required=True)
    meeting = _verb(verbs, "meeting", "第1步：关联两委联席会议记录", run_meeting)
    meeting.add_argument("--meeting", required=True, metavar="MEETING_ID", help="会议记录的 id 或编号")
    timetable = _verb(verbs, "timetable", "第1步：时间安排表（每步的目标日期）", run_timetable)
    timetable.add_argument("targets", nargs="+", metavar="N=YYYY-MM-DD", help="步骤序号和目标日期")
    invite = _verb(verbs, "invite", "第2步：登记一位邀请对象", run_invite)
    invite.add_argument("--name", required=True)
    invite.add_argument("--capacity", default="", help="身份，如寨老、老党员")
    invite.add_argument("--women", action="store_true", help="妇女代表")
    invite.add_argument("--unit", action="store_true", help="驻村单位")
    invite.add_argument("--expires", type=_day, help="答复期限")
    invite.add_argument("--reply", choices=("接受", "婉拒"), help="已收到的答复")
    member = _verb(verbs, "member", "第3步：执委会成员（--chair 为主任），可同时录入三部门联审通过", run_member)
    member.add_argument("--name", required=True)
    member.add_argument("--chair", action="store_true")
    member.add_argument("--checked", type=_day, metavar="DATE", help="司法所、综治中心、派出所联审均通过的日期")
    draft = _verb(verbs, "draft", "第4步：指定初稿版本", run_draft)
    draft.add_argument("--version", type=int, required=True)
    opinion = _verb(verbs, "opinion", "第5步登记群众意见（--objection：第7步公示期间的异议）", run_opinion)
    opinion.add_argument("--name", required=True, help="提意见的人")
    opinion.add_argument("--text", required=True)
    opinion.add_argument("--date", type=_day, required=True)
    opinion.add_argument("--channel", default="入户走访", help="入户走访、院坝会、村民代表会议、电话、微信/网上、意见箱")
    opinion.add_argument("--objection", action="store_true")
    opinion.add_argument("--name-public", action="store_true", help="本人同意公开姓名（否则印为“杨某”，R21）")
    reply = _verb(verbs, "reply", "第5/7步：答复一条意见（OPINION_NO 如 3、意见3、异议1）", run_reply)
    reply.add_argument("opinion_no", metavar="OPINION_NO")
    reply.add_argument("--disposition", required=True, choices=("采纳", "部分采纳", "不采纳"))
    reply.add_argument("--reason", default="")
    reply.add_argument("--by", default="村民委员会")
    reply.add_argument("--date", type=_day, help="答复日期（默认今天）")
    publicity = _verb(verbs, "publicity", "第7步：二次公示的起止日期和地点", run_publicity)
    publicity.add_argument("--from", dest="start", type=_day, required=True)
    publicity.add_argument("--to", dest="end", type=_day, required=True)
    publicity.add_argument("--place", required=True)
    review = _verb(verbs, "review", "第7步：乡镇合法性审查意见（按书面意见录入）", run_review)
    review.add_argument("--date", type=_day, required=True)
    review.add_argument("--reviewer", required=True)
    review.add_argument("--conclusion", required=True)
    vote = _verb(verbs, "vote", "第8步：关联表决所在的已定稿村民会议记录（票数取自该记录）", run_vote)
    vote.add_argument("--meeting", required=True, metavar="MEETING_ID", help="会议记录的 id 或编号")
    sign = _verb(verbs, "sign", "第8步：户主签字（签字表上打勾）", run_sign)
    sign.add_argument("--household", required=True, help="户的 id")
    sign.add_argument("--date", type=_day, help="签字日期（默认今天）")
    sign.add_argument("--sheet", default="", help="签字表页码或编号")
    filing = _verb(verbs, "filing", "第9步：备案进度和乡镇回执", run_filing)
    filing.add_argument("--status", required=True, choices=("已报送", "已备案", "被责令改正"))
    filing.add_argument("--date", type=_day, help="日期（默认今天）")
    filing.add_argument("--receipt", default="", help="备案编号")
    filing.add_argument("--receipt-date", type=_day)
    filing.add_argument("--effective", type=_day, help="施行日期")
    filing.add_argument("--note", default="")


def _stores(context: Context) -> SqliteStores:
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor)


def _done(context: Context, args: argparse.Namespace, text: str, **data: Any) -> int:
    from models.workflow.steps import current_step
    step = current_step(_stores(context).workflow.revisions.steps(args.rulebook))
    context.emit(text, {"rulebook": args.rulebook, "current_step": step.number if step else None, **data})
    return 0


def run_meeting(context: Context, args: argparse.Namespace) -> int:
    stores = _stores(context)
    meeting = stores.meetings.get(args.meeting)
    stores.workflow.plan.link_start_meeting(args.rulebook, meeting.id)
    return _done(context, args, f"已关联两委商议的会议记录 {meeting.number}", meeting=meeting.id)


def run_timetable(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.steps import WorkflowStep
    targets = {}
    for text in args.targets:
        step, _, day = text.partition("=")
        if not step.isdigit() or not 1 <= int(step) <= 9:
            raise DomainError(f"“{text}”应写成 步骤序号=YYYY-MM-DD，如 5=2026-03-10")
        targets[WorkflowStep.of(int(step))] = _day(day)
    stores = _stores(context)
    stores.workflow.plan.set_timetable(args.rulebook, targets)
    return _done(context, args, f"已保存 {len(targets)} 个步骤的目标日期")


def run_invite(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.records import Invitation, InvitationReply
    store = _stores(context).workflow.invitations
    added = store.add_invitation(args.rulebook, Invitation("", args.name, capacity=args.capacity,
                                                           womens_representative=args.women, village_unit=args.unit,
                                                           expires_on=args.expires)).id
    if args.reply:
        reply = InvitationReply.ACCEPTED if args.reply == "接受" else InvitationReply.DECLINED
        store.reply_invitation(added, reply, date.today())
    return _done(context, args, f"已登记邀请对象 {args.name}", invitation=added)


def run_member(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.records import BackgroundCheck, CheckAgency, CheckResult, CommitteeMember
    store = _stores(context).workflow.committee
    added = store.add_member(args.rulebook, CommitteeMember("", args.name, chair=args.chair)).id
    if args.checked:
        for agency in CheckAgency:
            store.record_check(BackgroundCheck(added, agency, CheckResult.PASSED, args.checked))
    return _done(context, args, f"已加入执委会：{args.name}{'（主任）' if args.chair else ''}", member=added)


def run_draft(context: Context, args: argparse.Namespace) -> int:
    _stores(context).workflow.plan.set_draft(args.rulebook, args.version)
    return _done(context, args, f"初稿为第{args.version}版", version=args.version)


def run_opinion(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.records import Channel, OpinionKind
    channels = {c.label: c for c in Channel} | {c.value: c for c in Channel}
    if args.channel not in channels:
        raise DomainError(f"没有“{args.channel}”这种渠道，可选：{'、'.join(c.label for c in Channel)}")
    kind = OpinionKind.OBJECTION if args.objection else OpinionKind.OPINION
    store = _stores(context).workflow.opinions
    added = store.add_opinion(args.rulebook, kind, args.name, channels[args.channel], args.date, args.text,
                              name_public=args.name_public).id
    number = next(o.number for o in store.opinions(args.rulebook) if o.id == added)
    return _done(context, args, f"已登记{kind.label}{number}（{args.name}）", opinion=added, number=number)


def run_reply(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.records import Disposition, OpinionKind
    text = args.opinion_no.strip()
    kind = OpinionKind.OBJECTION if text.startswith("异议") else OpinionKind.OPINION
    digits = text.removeprefix("异议").removeprefix("意见")
    store = _stores(context).workflow.opinions
    found = [o for o in store.opinions(args.rulebook) if o.kind is kind and digits.isdigit() and o.number == int(digits)]
    if not found:
        raise DomainError(f"没有{kind.label}“{text}”。请用 `rules step opinion` 登记后再答复。")
    disposition = {d.label: d for d in Disposition}[args.disposition]
    store.reply_opinion(found[0].id, disposition, args.reason, args.by, args.date or date.today())
    return _done(context, args, f"已答复{found[0].title}：{disposition.label}", opinion=found[0].id,
                 disposition=disposition.label)


def run_publicity(context: Context, args: argparse.Namespace) -> int:
    _stores(context).workflow.publicity.record_publicity(args.rulebook, args.start, args.end, args.place)
    return _done(context, args, f"已登记二次公示：{args.start.isoformat()} 至 {args.end.isoformat()}，{args.place}",
                 start=args.start.isoformat(), end=args.end.isoformat())


def run_review(context: Context, args: argparse.Namespace) -> int:
    _stores(context).workflow.publicity.record_review(args.rulebook, args.date, args.reviewer, args.conclusion)
    return _done(context, args, f"已录入{args.reviewer}的合法性审查意见（{args.date.isoformat()}）",
                 date=args.date.isoformat())


def run_vote(context: Context, args: argparse.Namespace) -> int:
    from models.minutes.meetings import MatterKind
    from models.workflow.records import ArticleVote
    stores = _stores(context)
    meeting = stores.meetings.get(args.meeting)
    items = [i for i in meeting.items if i.matter is MatterKind.VILLAGE_RULES and i.tally is not None]
    if not items:
        raise DomainError(f"会议记录 {meeting.number} 没有表决村规民约的议题（带票数），不能作为表决记录。")
    tally = items[0].tally
    assert tally is not None
    stores.workflow.votes.record_vote(args.rulebook, meeting.id, (ArticleVote("", "全文", tally),))
    return _done(context, args, f"已登记表决：会议记录 {meeting.number}，赞成 {tally.for_} 票", meeting=meeting.id)


def run_sign(context: Context, args: argparse.Namespace) -> int:
    _stores(context).workflow.signatures.mark_signed(args.rulebook, args.household, args.date or date.today(),
                                                     args.sheet)
    return _done(context, args, "已登记户主签字", household=args.household)


def run_filing(context: Context, args: argparse.Namespace) -> int:
    from models.workflow.records import FilingStatus
    status = {s.label: s for s in FilingStatus}[args.status]
    _stores(context).workflow.votes.update_filing(args.rulebook, status, args.date or date.today(), args.receipt,
                                                  args.receipt_date, args.effective, args.note)
    return _done(context, args, f"备案状态：{status.label}", status=status.value)
