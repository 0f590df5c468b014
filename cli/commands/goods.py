"""`goods add | list | stock | count | moves`: the love supermarket's goods (爱心超市), their point prices and stock moved
in and out or counted, each with who and why (R39). Redemption itself is `points redeem` (cli/commands/points.py).
The command names and JSON keys are a contract (issue 21)."""
from __future__ import annotations

import argparse
from typing import Any

from cli import EXIT_OK, Context


def register(commands: argparse._SubParsersAction) -> None:
    _register_goods(commands)


def points_stores(context: Context) -> Any:  # models.points.ports.PointsStores
    from storage.core.backend import build_stores

    db = context.open_db()  # logs the command's account in (context.actor)
    return build_stores(db, context.actor).points


def _register_goods(commands: argparse._SubParsersAction) -> None:
    goods = commands.add_parser("goods", help="爱心超市商品：登记、列表")
    actions = goods.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="登记一种商品及其首次入库数量")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--price", required=True, type=int, metavar="N", help="兑换一件所需积分")
    add.add_argument("--stock", required=True, type=int, metavar="N", help="入库数量")
    add.add_argument("--source", choices=("donation", "purchase", "allocation"), default="donation",
                     help="来源：捐赠、采购或乡镇调拨")
    add.set_defaults(handler=run_goods_add)
    actions.add_parser("list", help="商品、所需积分和库存").set_defaults(handler=run_goods_list)
    stock = actions.add_parser("stock", help="入库（正数）或出库（负数），写明原因")
    stock.add_argument("id", metavar="ID")
    stock.add_argument("--change", required=True, type=int, metavar="N")
    stock.add_argument("--reason", required=True, metavar="T", help="如“县妇联捐赠”“过期报损”")
    stock.set_defaults(handler=run_goods_stock)
    count = actions.add_parser("count", help="盘点：录入实有数量，差异连同原因记下")
    count.add_argument("id", metavar="ID")
    count.add_argument("--counted", required=True, type=int, metavar="N")
    count.add_argument("--reason", default="", metavar="T", help="有差异时必填")
    count.set_defaults(handler=run_goods_count)
    moves = actions.add_parser("moves", help="一种商品的出入库记录：数量、原因、经手人")
    moves.add_argument("id", metavar="ID")
    moves.set_defaults(handler=run_goods_moves)


def run_goods_add(context: Context, args: argparse.Namespace) -> int:
    from models.points.goods import GoodsSource

    goods = points_stores(context).goods
    changed = goods.add_goods(args.name, args.price, args.stock, GoodsSource(args.source))
    stock = goods.goods(changed.id).stock
    context.emit(f"{changed.id}\n已登记“{args.name.strip()}”，库存 {stock} 件", {"id": changed.id, "stock": stock})
    return EXIT_OK


def run_goods_list(context: Context, args: argparse.Namespace) -> int:
    goods = points_stores(context).goods.goods_list()
    context.emit("\n".join(f"{g.id}  {g.name}  {g.price} 分  库存 {g.stock}" for g in goods) or "还没有登记商品",
                 {"rows": [{"id": g.id, "name": g.name, "price": g.price, "stock": g.stock} for g in goods]})
    return EXIT_OK


def run_goods_stock(context: Context, args: argparse.Namespace) -> int:
    goods = points_stores(context).goods
    goods.move_stock(args.id, args.change, args.reason)
    stock = goods.goods(args.id).stock
    context.emit(f"库存现为 {stock} 件", {"id": args.id, "stock": stock})
    return EXIT_OK


def run_goods_count(context: Context, args: argparse.Namespace) -> int:
    goods = points_stores(context).goods
    goods.count_stock(args.id, args.counted, args.reason)
    stock = goods.goods(args.id).stock
    context.emit(f"盘点后库存 {stock} 件", {"id": args.id, "stock": stock})
    return EXIT_OK


def run_goods_moves(context: Context, args: argparse.Namespace) -> int:
    moves = points_stores(context).goods.stock_moves(args.id)
    context.emit("\n".join(f"{m.on.isoformat()}  {m.kind.label}  {m.change:+d}  {m.reason}  {m.by_name}" for m in moves)
                 or "没有出入库记录",
                 {"rows": [{"date": m.on.isoformat(), "kind": m.kind.value, "change": m.change, "reason": m.reason,
                            "by": m.by_name} for m in moves]})
    return EXIT_OK
