"""`lists settings` (榜单设置), `lists consent | consents | consent-withdraw` (公开姓名的依据, R31; 撤回同意, PIPL
Art. 15): added to `lists` by cli/commands/lists.py."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli import Context
from cli.commands.printing import parse_date
from models.core.errors import DomainError

if TYPE_CHECKING:  # storage loads on first use, so `--help` stays quick
    from storage.core.backend import SqliteStores


def add_to(actions: argparse._SubParsersAction) -> None:
    """Called by cli/commands/lists.py: these live under the `lists` command."""
    settings = actions.add_parser("settings", help="榜单设置：不带选项时显示；带选项时按设置页的规则检查后保存")
    settings.add_argument("--cycle", choices=("month", "quarter"), help="黄榜、黑榜的周期：按月或按季度（R29）")
    settings.add_argument("--publicity-days", type=int, help="公示期天数（5–30，异议期不得少于 5 天）")
    settings.add_argument("--answer-days", type=int, help="答复异议的期限（1–3 天）")
    settings.add_argument("--add-word", action="append", default=[], metavar="W", help="增加一个禁用贬损词（可重复）")
    settings.add_argument("--remove-word", action="append", default=[], metavar="W",
                          help="删去一个禁用贬损词（可重复；R32 点名的六个词不能删）")
    settings.add_argument("--name-black-list", choices=("yes", "no"),
                          help="黑榜是否具名（默认 no；yes 时仍须本人或本户的同意或法定依据）")
    settings.set_defaults(handler=run_settings)
    consent = actions.add_parser("consent", help="记录公开姓名的依据：全户，或户内一位村民本人（R31）")
    consent.add_argument("--household", required=True, help="户号")
    consent.add_argument("--villager", default="", help="只为户内这一位村民记录（姓名或村民编号）；默认全户")
    consent.add_argument("--all-members", action="store_true",
                         help="全户的依据涵盖每一位成员（如全体成年成员均已签字），提名户内某人时也可具名")
    consent.add_argument("--kind", choices=("consent", "statutory"), default="consent",
                         help="consent：单独同意（书面）；statutory：法定依据")
    consent.add_argument("--note", required=True, help="依据说明，如“杨老三 2025年3月1日书面同意，原件存村委会”")
    consent.add_argument("--lists", default="red,yellow,black", help="适用的榜单，逗号分隔（默认全部）")
    consent.set_defaults(handler=run_consent)
    listing = actions.add_parser("consents", help="列出公开姓名的依据（含编号、是否已撤回）")
    listing.add_argument("--household", default="", help="只列这一户的依据（户号）")
    listing.set_defaults(handler=run_consents)
    withdraw = actions.add_parser("consent-withdraw",
                                  help="登记本人或本户撤回同意：自撤回日期起榜单、公示、证书不再具名；已打印的不变")
    withdraw.add_argument("id", metavar="ID", help="依据编号（lists consents 可查）")
    withdraw.add_argument("--reason", required=True, help="撤回原因，如“本人 2025年4月2日书面撤回，原件存村委会”")
    withdraw.add_argument("--date", dest="on", type=parse_date, metavar="D",
                          help="撤回日期，如 2025-04-02（收到撤回的那天；默认今天）")
    withdraw.set_defaults(handler=run_consent_withdraw)


def _stores(context: Context) -> SqliteStores:
    from storage.core.backend import build_stores

    return build_stores(context.open_db(), context.actor)


def _words(current: tuple[str, ...], added: list[str], removed: list[str]) -> tuple[str, ...]:
    missing = [word.strip() for word in removed if word.strip() not in current]
    if missing:
        raise DomainError(f"禁用词清单里没有“{missing[0]}”，无从删去。不带选项运行 lists settings 可查看现有清单。")
    gone = {word.strip() for word in removed}
    return tuple(dict.fromkeys([w for w in current if w not in gone] + [w.strip() for w in added if w.strip()]))


def _wanted(current: Any, args: argparse.Namespace) -> Any:  # models.lists.entries.ListSettings
    from models.lists.settings import make_list_settings
    from models.lists.entries import PeriodKind

    return make_list_settings(
        PeriodKind(args.cycle) if args.cycle else current.cycle,
        current.publicity_days if args.publicity_days is None else args.publicity_days,
        current.answer_days if args.answer_days is None else args.answer_days,
        _words(current.stigmatising_words, args.add_word, args.remove_word),
        current.name_black_list if args.name_black_list is None else args.name_black_list == "yes")


def _settings_text(settings: Any) -> str:
    return "\n".join((f"榜单周期：按{settings.cycle.label}", f"公示期：{settings.publicity_days} 天",
                      f"答复期限：{settings.answer_days} 天", f"禁用贬损词：{'、'.join(settings.stigmatising_words)}",
                      "黑榜具名：" + ("是（仍须同意或法定依据）" if settings.name_black_list else "否（默认）")))


def run_settings(context: Context, args: argparse.Namespace) -> int:
    """Show the settings, or check the changes as the settings screen does and save them (audited)."""
    from models.lists.settings import describe_change

    store = _stores(context).list_settings
    current = store.settings
    asked = any((args.cycle, args.publicity_days is not None, args.answer_days is not None, args.add_word,
                 args.remove_word, args.name_black_list))
    saved = current
    if asked:
        wanted = _wanted(current, args)
        if wanted != current:
            store.save_settings(wanted)
        saved = store.settings
    text = _settings_text(saved)
    if asked:
        text = (describe_change(current, saved) if saved != current else "设置没有变化。") + "\n" + text
    context.emit(text, {"cycle": saved.cycle.value, "publicity_days": saved.publicity_days,
                        "answer_days": saved.answer_days, "stigmatising_words": list(saved.stigmatising_words),
                        "name_black_list": saved.name_black_list, "changed": saved != current})
    return 0


def run_consent(context: Context, args: argparse.Namespace) -> int:
    """Record a naming basis for a household, or for one villager of it (R31)."""
    from models.lists.entries import ListKind

    names = [part.strip() for part in args.lists.split(",") if part.strip()]
    unknown = [name for name in names if name not in ("red", "yellow", "black")]
    if unknown or not names:
        raise DomainError("--lists 只能是 red、yellow、black 中的一个或几个，用逗号分隔，如 red,yellow。")
    store = _stores(context).naming_bases
    basis = store.naming_basis(store.record_naming_basis(args.household, args.kind, args.note,
                                                         lists=tuple(ListKind(n) for n in names),
                                                         villager=args.villager, all_members=args.all_members).id)
    whom = f"村民编号 {basis.villager_id}" if basis.villager_id else ("全户（涵盖全体成员）" if basis.all_members
                                                                 else "全户")
    context.emit(f"已记录第{args.household}户{whom}的公开姓名依据（{'、'.join(ListKind(n).label for n in names)}）。",
                 {"household": args.household, "villager_id": basis.villager_id, "all_members": basis.all_members,
                  "kind": basis.kind, "lists": names, "recorded_on": basis.recorded_on.isoformat()})
    return 0


def _basis_json(view: Any) -> dict[str, object]:  # models.lists.entries.BasisView
    basis = view.basis
    return {"id": basis.id, "household": view.household_no, "villager_id": basis.villager_id,
            "subject": view.subject, "all_members": basis.all_members, "kind": basis.kind,
            "lists": [k.value for k in basis.lists], "recorded_on": basis.recorded_on.isoformat(), "note": basis.note,
            "withdrawn_on": basis.revoked_on.isoformat() if basis.revoked_on else "",
            "withdrawn_reason": basis.revoked_reason}


def run_consents(context: Context, args: argparse.Namespace) -> int:
    """List the naming bases with their ids (withdrawn ones too, marked)."""
    views = _stores(context).naming_bases.naming_basis_views(args.household)
    lines = [f"{v.basis.id}  第{v.household_no}户 {v.subject}  {v.basis.kind_label}  "
             f"{'、'.join(k.label for k in v.basis.lists)}  {v.basis.recorded_on.isoformat()}  {v.status}  "
             f"{v.basis.note}" for v in views]
    context.emit("\n".join(lines) or "没有记录公开姓名的依据。", {"consents": [_basis_json(v) for v in views]})
    return 0


def run_consent_withdraw(context: Context, args: argparse.Namespace) -> int:
    """Record that a person (or household) withdrew a consent: names stop from that date (PIPL Art. 15)."""
    store = _stores(context).naming_bases
    basis_id = store.withdraw_naming_basis(args.id, args.reason, args.on).id
    (view,) = [v for v in store.naming_basis_views() if v.basis.id == basis_id]
    withdrawn_on = view.basis.revoked_on.isoformat() if view.basis.revoked_on else ""
    context.emit(f"已登记第{view.household_no}户{view.subject}于 {withdrawn_on} 撤回同意。"
                 "此后打印的榜单、公示和证书不再显示姓名；此前已打印的不变。", _basis_json(view))
    return 0
