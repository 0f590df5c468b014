"""`grid list|assign`, `contact set`, `care set|list`, `visit add`: grids (the registry's), contact lines, care
levels and visits (网格关怀, R51–R52) from the command line. The care reason is never printed by these commands."""
from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from cli import Context

if TYPE_CHECKING:
    from storage.core.backend import SqliteStores


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 YYYY-MM-DD，例如 2026-03-21") from None


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以一个 JSON 对象输出结果")


def _household(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--household", required=True, metavar="NO", help="户号")


def register(commands: argparse._SubParsersAction) -> None:
    grid = commands.add_parser("grid", help="网格：列出网格（层级、上级、户数、网格员），把户归入网格")
    grid_sub = grid.add_subparsers(dest="grid_command", metavar="ACTION", required=True)
    listing = grid_sub.add_parser("list", help="列出网格；户数不在规范范围内的给出提醒")
    _json_option(listing)
    listing.set_defaults(handler=run_grid_list)
    assign = grid_sub.add_parser("assign", help="把一户归入一个网格（保留原归属的历史）")
    _household(assign)
    assign.add_argument("--grid", required=True, metavar="ID", help="网格编号或名称")
    assign.add_argument("--from", dest="start", type=_day, default=None, help="起始日期（默认今天）")
    assign.set_defaults(handler=run_grid_assign)
    setting = grid_sub.add_parser("set", help="设置网格的层级、上级网格或网格员")
    setting.add_argument("grid", metavar="ID", help="网格编号或名称")
    setting.add_argument("--level", help="层级：一级、二级、三级（或 1、2、3）")
    setting.add_argument("--parent", metavar="ID", help="上级网格的编号或名称（写 none 去掉）")
    setting.add_argument("--member", metavar="VILLAGER", help="网格员：村民编号或姓名（重名时须写编号）")
    setting.add_argument("--from", dest="start", type=_day, help="新网格员的起始日期（默认今天；原网格员的任期到前一天）")
    setting.set_defaults(handler=run_grid_set)
    history = grid_sub.add_parser("members", help="一个网格历任的网格员（起止日期）")
    history.add_argument("grid", metavar="ID", help="网格编号或名称")
    history.set_defaults(handler=run_grid_members)
    contact = commands.add_parser("contact", help="三线联户：为一户指定党员、代表或中心户长联系人")
    contact_sub = contact.add_subparsers(dest="contact_command", metavar="ACTION", required=True)
    setting = contact_sub.add_parser("set", help="指定联户人（原联系人到前一天为止）")
    _household(setting)
    setting.add_argument("--line", required=True, choices=("党员", "代表", "中心户长"), help="联系线")
    setting.add_argument("--villager", required=True, metavar="ID", help="村民编号或姓名（重名时须写编号）")
    setting.add_argument("--from", dest="start", type=_day, default=None, help="起始日期（默认今天）")
    setting.set_defaults(handler=run_contact_set)
    _register_care(commands)
    visit = commands.add_parser("visit", help="走访记录")
    visit_sub = visit.add_subparsers(dest="visit_command", metavar="ACTION", required=True)
    adding = visit_sub.add_parser("add", help="登记一次走访")
    _household(adding)
    adding.add_argument("--by", required=True, metavar="NAME", help="走访人")
    adding.add_argument("--date", type=_day, default=None, help="走访日期（默认今天）")
    adding.add_argument("--text", required=True, help="走访情况")
    adding.add_argument("--matter", action="store_true", help="把发现的问题登记为群众事项")
    adding.set_defaults(handler=run_visit_add)


def _register_care(commands: argparse._SubParsersAction) -> None:
    care = commands.add_parser("care", help="关怀等级：放心户（green）、关心户（yellow）、连心户（red）")
    sub = care.add_subparsers(dest="care_command", metavar="ACTION", required=True)
    setting = sub.add_parser("set", help="评定一户的关怀等级（关心户、连心户须先有联户人）")
    _household(setting)
    setting.add_argument("--level", required=True, choices=("green", "yellow", "red"), help="等级")
    setting.add_argument("--reason-class", default=None, metavar="C",
                         help="原因类别：低收入、独居老人、残疾、留守儿童、重病、其他（敏感信息，不公开）")
    setting.add_argument("--review", type=_day, default=None, metavar="D", help="复核日期")
    setting.add_argument("--from", dest="start", type=_day, default=None, help="评定日期（默认今天）")
    setting.add_argument("--decided-by", default="", help="评定人（默认命令行用户）")
    setting.set_defaults(handler=run_care_set)
    listing = sub.add_parser("list", help="关怀名单：上次走访、下次应走访日期、是否逾期")
    listing.add_argument("--overdue", action="store_true", help="只列逾期未走访的户")
    _json_option(listing)
    listing.set_defaults(handler=run_care_list)
    settings = sub.add_parser("settings", help="查看或修改走访间隔和网格户数规范（不带参数时只查看）")
    for option, text in (("--red-days", "连心户走访间隔（天，默认 30）"), ("--yellow-days", "关心户走访间隔（天，默认 90）"),
                         ("--grid-low", "网格户数下限（默认 20）"), ("--grid-high", "网格户数上限（默认 30）")):
        settings.add_argument(option, type=int, default=None, help=text)
    settings.set_defaults(handler=run_care_settings)


def _stores(context: Context) -> SqliteStores:
    from storage.core.backend import build_stores
    return build_stores(context.open_db(), context.actor)


def run_grid_list(context: Context, args: argparse.Namespace) -> int:
    from models.care.services import grid_rows

    rows = grid_rows(_stores(context))
    lines = [f"{r.grid.id}\t{r.level.label}\t{r.grid.name}\t上级：{r.parent}\t{r.households} 户\t网格员："
             f"{r.member or '未指定'}" + (f"\t提醒：{r.warning}" if r.warning else "") for r in rows]
    context.emit("\n".join(lines) or "还没有网格。", {"rows": [
        {"id": r.grid.id, "name": r.grid.name, "level": r.level.value, "parent": r.parent,
         "households": r.households, "member": r.member, "warning": r.warning} for r in rows]})
    return 0


def run_grid_assign(context: Context, args: argparse.Namespace) -> int:
    from models.care.services import grid_by_key, grid_rows, household_by_number

    stores = _stores(context)
    household, grid = household_by_number(stores, args.household), grid_by_key(stores, args.grid)
    start = args.start or date.today()
    stores.grid_assignments.assign(household.id, grid.id, start)
    row = next(r for r in grid_rows(stores) if r.grid.id == grid.id)
    text = f"第 {household.household_no} 户自 {start.isoformat()} 起归入{grid.name}（现有 {row.households} 户）。"
    context.emit(text + (f"\n提醒：{row.warning}" if row.warning else ""),
                 {"household": household.household_no, "grid": grid.id, "from": start.isoformat(),
                  "households": row.households, "warning": row.warning})
    return 0


def run_contact_set(context: Context, args: argparse.Namespace) -> int:
    from models.care.care import ContactLine
    from models.care.services import household_by_number, villager_by_key

    stores = _stores(context)
    household, person = household_by_number(stores, args.household), villager_by_key(stores, args.villager)
    line, start = ContactLine.parse(args.line), args.start or date.today()
    changed = stores.care_contacts.set_contact(household.id, line, person.id, start)
    context.emit(f"第 {household.household_no} 户的{line.label}联系人自 {start.isoformat()} 起为{person.name}。",
                 {"id": changed.id, "household": household.household_no, "line": line.short,
                  "villager": person.id, "name": person.name, "from": start.isoformat()})
    return 0


def run_care_set(context: Context, args: argparse.Namespace) -> int:
    from models.care.care import ReasonClass, parse_level, rating_for
    from models.care.services import household_by_number

    stores = _stores(context)
    household = household_by_number(stores, args.household)
    level = parse_level(args.level)
    reason = ReasonClass.parse(args.reason_class) if args.reason_class else None
    start = args.start or date.today()
    rating = rating_for(household.id, level, reason, args.review, args.decided_by or context.actor.name, start)
    changed = stores.care_levels.set_level(rating)
    context.emit(f"第 {household.household_no} 户自 {start.isoformat()} 起为{level.label}。",
                 {"id": changed.parts()[0].id, "household": household.household_no, "level": level.value,
                  "from": start.isoformat(), "review": args.review.isoformat() if args.review else None})
    return 0


def _care_json(row: Any) -> dict[str, Any]:
    return {"household": row.household_no, "head": row.head_name, "level": row.level.value,
            "level_label": row.level.label, "contact": row.contact,
            "last_visit": row.last_visit.isoformat() if row.last_visit else None,
            "visit_due": row.visit_due.isoformat() if row.visit_due else None, "overdue": row.overdue}


def run_care_list(context: Context, args: argparse.Namespace) -> int:
    from models.care.services import care_rows

    rows = care_rows(_stores(context), date.today(), args.overdue)
    lines = [f"{r.household_no}\t{r.head_name}\t{r.level.label}\t上次走访：{r.last_visit or '无'}\t"
             f"应走访：{r.visit_due or '—'}" + ("\t已逾期" if r.overdue else "") for r in rows]
    context.emit("\n".join(lines) or ("没有逾期未走访的户。" if args.overdue else "还没有评定关怀等级的户。"),
                 {"rows": [_care_json(r) for r in rows]})
    return 0


def run_visit_add(context: Context, args: argparse.Namespace) -> int:
    from models.care.care import Visit
    from models.care.services import household_by_number
    from models.core.changes import Entity

    stores = _stores(context)
    household = household_by_number(stores, args.household)
    on = args.date or date.today()
    changed = stores.care_visits.add_visit(Visit("", household.id, args.by, on, args.text), as_matter=args.matter)
    visit_id = next(iter(changed.ids_of(Entity.CARE_VISIT)))
    context.emit(f"已登记 {on.isoformat()} 对第 {household.household_no} 户的走访。",
                 {"id": visit_id, "household": household.household_no, "date": on.isoformat(), "by": args.by})
    return 0


def run_grid_set(context: Context, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from models.care.services import grid_by_key, villager_by_key
    from models.registry.grids import GridLevel

    stores = _stores(context)
    grid = grid_by_key(stores, args.grid)
    changes: dict[str, Any] = {}
    if args.level:
        changes["level"] = int(GridLevel.parse(args.level))
    if args.parent:
        changes["parent_id"] = None if args.parent == "none" else grid_by_key(stores, args.parent).id
    if args.member:
        changes["member_id"] = villager_by_key(stores, args.member).id
    stores.groups.save_grid(replace(grid, **changes), args.start)
    saved = grid_by_key(stores, grid.id)
    context.emit(f"已保存{saved.name}：{GridLevel(saved.level).label}网格。",
                 {"id": saved.id, "name": saved.name, "level": saved.level, "parent": saved.parent_id,
                  "member": saved.member_id})
    return 0


def run_grid_members(context: Context, args: argparse.Namespace) -> int:
    from models.care.services import grid_by_key

    stores = _stores(context)
    grid = grid_by_key(stores, args.grid)
    terms = stores.groups.member_terms(grid.id)
    names = {t.member_id: stores.villagers.get_villager(t.member_id).name for t in terms}
    rows = [{"member": t.member_id, "name": names[t.member_id], "from": t.start.isoformat(),
             "to": t.end.isoformat() if t.end else None} for t in terms]
    lines = [f"{r['name'] or r['member']}\t{r['from']} 至 {r['to'] or '今'}" for r in rows] or \
        [f"{grid.name}还没有按日期记录的网格员。"]
    context.emit("\n".join(lines), {"grid": grid.id, "rows": rows})
    return 0


def run_care_settings(context: Context, args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    stores = _stores(context)
    wanted = {k: v for k, v in (("red_days", args.red_days), ("yellow_days", args.yellow_days),
                                ("grid_low", args.grid_low), ("grid_high", args.grid_high)) if v is not None}
    if wanted:
        stores.care_settings.save_settings(replace(stores.care_settings.settings, **wanted))
    now = stores.care_settings.settings
    context.emit(f"连心户每 {now.red_days} 天、关心户每 {now.yellow_days} 天至少走访一次；"
                 f"网格规范 {now.grid_low}–{now.grid_high} 户。", asdict(now))
    return 0
