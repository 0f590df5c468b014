"""Demo: a year of red/yellow/black entries in every state (only once the registry and the rules exist)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.accounts import Actor, Role
from models.errors import DomainError
from models.list_workflow import Nomination
from models.lists import ListKind, WithdrawReason
from storage.db import Database
from storage.demo import DemoOptions
from storage.list_sources import SqliteArticleCatalogue, SqliteHouseholdDirectory
from storage.lists import SqliteListStore

CLERK = Actor("demo-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("demo-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("demo-supervisor", "石秀英", Role.SUPERVISOR)
FACTS = {ListKind.RED: "本月带头清理河道垃圾，照顾邻居孤寡老人", ListKind.YELLOW: "在村道旁堆放建筑垃圾，经提醒未清理",
         ListKind.BLACK: "多次在河道倾倒生活垃圾，黄榜提醒后仍未整改"}


def _ready(db: Database) -> bool:
    return all(db.table_exists(t) for t in ("households", "villagers")) and \
        any(db.table_exists(t) for t in SqliteArticleCatalogue.ARTICLE_TABLES)


def _store(db: Database, actor: Actor) -> SqliteListStore:
    return SqliteListStore(db, actor, SqliteHouseholdDirectory(db), SqliteArticleCatalogue(db))


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    if not _ready(db) or db.conn.execute("SELECT count(*) FROM list_entries").fetchone()[0]:
        options.counts["list_entries"] = 0
        return
    numbers = [r[0] for r in db.conn.execute("SELECT household_no FROM households WHERE deleted = 0 "
                                             "ORDER BY household_no LIMIT 40")]
    year = date.today().year - 1
    added = 0
    for month in range(1, 13):
        for step, kind in enumerate((ListKind.RED, ListKind.YELLOW, ListKind.BLACK)):
            try:
                _one(db, rng.choice(numbers), kind, year, month, step + month % 4)
                added += 1
            except DomainError:
                continue  # a minor's household, or no article in force: the demo skips it like a clerk would
    options.counts["list_entries"] = added


def _one(db: Database, household: str, kind: ListKind, year: int, month: int, stop: int) -> None:
    day = date(year, month, 2)
    article = "第1条"
    override = "" if kind is not ListKind.BLACK else "演示：情节严重，经两委研究"
    nomination = Nomination(kind, f"{year}-{month:02d}", FACTS[kind], "网格员龙德军")
    entry, _ = _store(db, CLERK).nominate(nomination, household, article, on=day)
    walk = [(APPROVER, day, override), (SUPERVISOR, day + timedelta(1), ""), (APPROVER, day + timedelta(2), ""),
            (APPROVER, day + timedelta(10), "")]
    for actor, on, reason in walk[:min(stop, 4)]:
        _store(db, actor).advance(entry.id, "同意", reason, on=on)
    if stop == 2 and month % 2:
        _store(db, SUPERVISOR).refuse(entry.id, "事实不清，请补充证据", on=day + timedelta(3))
    elif stop == 3 and month % 3 == 0:
        _store(db, CLERK).add_objection(entry.id, "户主本人", "当天已清理，请核实", on=day + timedelta(4))
    elif stop >= 4 and kind is not ListKind.RED and month % 2 == 0:
        _store(db, APPROVER).withdraw(entry.id, WithdrawReason.RECTIFIED, "已整改到位", on=day + timedelta(15))
