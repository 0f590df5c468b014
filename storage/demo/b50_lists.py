"""Demo: twelve months of red/yellow/black entries on the demo village, in every state (after registry and rules)."""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.core.errors import DomainError
from models.lists.workflow import Nomination
from models.lists.entries import ArticleRef, ListEntry, ListKind, WithdrawReason
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.core.backend import SqliteStores, build_stores
from storage.lists.sources import SqliteHouseholdDirectory

CLERK = Actor("demo-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("demo-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("demo-supervisor", "石秀英", Role.SUPERVISOR)
PROPOSER = "网格员龙德军"
FACTS = {ListKind.RED: "常年照顾邻居孤寡老人，带头参加村里的公益劳动", ListKind.YELLOW: "在村道旁堆放建筑垃圾，经提醒未清理",
         ListKind.BLACK: "多次向河道倾倒生活垃圾，黄榜提醒后仍未整改"}
# Words that find the fitting article in whichever version is in force (numbers change between versions).
ARTICLE_WORDS = {ListKind.RED: ("孝老爱亲", "公益", "赡养"), ListKind.YELLOW: ("房前屋后", "村容"),
                 ListKind.BLACK: ("河道", "垃圾")}
# A month's board is prepared in the last days of the month before (nominated 12 days ahead, published 2 days
# before the 1st), so every day of a month, the 1st to the 10th included, has its published board (issue 19).
LEAD_DAYS = 12
ACTIVITIES = ("清扫村道", "修补机耕道", "河道清漂", "敬老院帮厨", "森林防火巡查")


@dataclass(frozen=True)
class Step:
    """One planned entry: its list, how far it goes (0 提名 … 4 发布) and how it ends."""

    kind: ListKind
    stop: int
    ending: str = ""  # refuse | rectify | upheld | objection
    villager: bool = False  # name one adult member (not the head) instead of the household


def plan(index: int) -> list[Step]:
    """The entries of month `index` (0 = eleven months ago, 11 = this month)."""
    if index == 11:
        return [Step(ListKind.RED, 4), Step(ListKind.RED, 0), Step(ListKind.YELLOW, 4), Step(ListKind.YELLOW, 1),
                Step(ListKind.BLACK, 3, "objection"), Step(ListKind.RED, 4, villager=True)]
    if index == 10:
        return [Step(ListKind.RED, 4), Step(ListKind.YELLOW, 4), Step(ListKind.BLACK, 2)]
    red = Step(ListKind.RED, 1, "refuse") if index % 4 == 1 else Step(ListKind.RED, 4)
    yellow = Step(ListKind.YELLOW, 4, "rectify" if index % 3 == 0 else "")
    black = Step(ListKind.BLACK, 3, "upheld") if index == 5 else Step(ListKind.BLACK, 4)
    return [red, yellow, black]


def _store(db: Database, actor: Actor) -> SqliteStores:
    return build_stores(db, actor)


def _months(today: date) -> list[date]:
    first = today.replace(day=1)
    months = []
    for _ in range(12):
        months.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return months[::-1]


def _articles(db: Database) -> dict[ListKind, ArticleRef] | None:
    try:
        articles = _store(db, CLERK).list_entries.articles_in_force()
    except DomainError:
        return None
    if not articles:
        return None
    return {kind: next((a for a in articles if any(w in a.short_text for w in words)), articles[0])
            for kind, words in ARTICLE_WORDS.items()}


def build(db: Database, rng: random.Random, options: DemoOptions, today: date | None = None) -> None:
    day = today or date.today()
    numbers = [r[0] for r in db.conn.execute("SELECT household_no FROM households WHERE deleted = 0 "
                                             "ORDER BY household_no LIMIT 80")]
    articles = _articles(db)
    if not numbers or articles is None or db.conn.execute("SELECT 1 FROM list_entries LIMIT 1").fetchone():
        options.counts["list_entries"] = 0
        return
    rng.shuffle(numbers)
    demo = _Demo(db, articles, numbers, day)
    for index, month in enumerate(_months(day)):
        demo.warned_before = demo.warned
        _store(db, APPROVER).list_entries.expire_due(month)  # last month's board comes down on the first of this month
        for step in plan(index):
            demo.add(month, step)
    demo.volunteers(rng)
    demo.consents()
    _store(db, APPROVER).list_entries.expire_due(day)
    options.counts["list_entries"] = demo.added


class _Demo:
    """Walks each planned entry through the real store, as the clerk, the approver and the supervisor would."""

    def __init__(self, db: Database, articles: dict[ListKind, ArticleRef], numbers: list[str], today: date) -> None:
        self._db, self._articles, self._today = db, articles, today
        self._red, self._negative = numbers[::2], numbers[1::2]
        self.warned: str | None = None  # the household of the last yellow warning published and not rectified
        self.warned_before: str | None = None  # the same, as of the start of this month
        self.added = 0

    def add(self, month: date, step: Step) -> None:
        opens = month - timedelta(days=LEAD_DAYS)  # when the month's board is prepared
        entry = self._nominate(month, opens, step.kind, step.villager)
        if entry is None:
            return
        self.added += 1
        direct = step.kind is ListKind.BLACK and entry.household_no != self.warned_before
        override = "演示：情节严重，经两委研究同意直接列入" if direct else ""
        if step.kind is ListKind.YELLOW and step.stop == 4 and step.ending != "rectify":
            self.warned = entry.household_no
        walk = [(APPROVER, 0, override), (SUPERVISOR, 1, ""), (APPROVER, 2, ""), (APPROVER, 10, "")]
        for actor, offset, reason in walk[:step.stop]:
            if opens + timedelta(offset) > self._today:
                return
            _store(self._db, actor).list_entries.advance(entry.id, "同意", reason, on=opens + timedelta(offset))
        self._finish(entry, opens, step)

    def _nominate(self, month: date, opens: date, kind: ListKind, villager: bool = False) -> ListEntry | None:
        pool = self._red if kind is ListKind.RED else self._negative
        first = [self.warned_before] if kind is ListKind.BLACK and self.warned_before else []
        nomination = Nomination(kind, f"{month:%Y-%m}", FACTS[kind], PROPOSER, occurred_on=opens - timedelta(days=3))
        for number in first + pool[:10]:
            person = self._adult_member(number) if villager else ""
            if villager and not person:
                continue
            try:
                entries = _store(self._db, CLERK).list_entries
                entry = entries.entry(entries.nominate(replace(nomination, villager_id=person), number,
                                                       self._articles[kind].number, on=opens).id)
            except DomainError:
                continue  # a household headed by a minor: the clerk picks another
            if number in pool:  # rotate, so the year spreads over many households
                pool.remove(number)
                pool.append(number)
            return entry
        return None

    def _adult_member(self, number: str) -> str:
        """An adult member other than the head, to name one person on the board (R31 per person)."""
        household = SqliteHouseholdDirectory(self._db, self._today).household(number)
        return next((m.villager_id for m in household.members if not m.is_minor and m.name != household.head_name), "")

    def _finish(self, entry: ListEntry, month: date, step: Step) -> None:
        clerk, approver = _store(self._db, CLERK).list_entries, _store(self._db, APPROVER).list_entries
        if step.ending == "refuse":
            _store(self._db, SUPERVISOR).list_entries.refuse(entry.id, "事实不清，请网格员补充照片等证据", on=month + timedelta(1))
        elif step.ending == "rectify" and month + timedelta(15) <= self._today:
            approver.withdraw(entry.id, WithdrawReason.RECTIFIED, "已整改到位，经网格员核实", on=month + timedelta(15))
        elif step.ending in ("upheld", "objection") and month + timedelta(4) <= self._today:
            objection = clerk.add_objection(entry.id, "户主本人", "当天已清理干净，请核实", on=month + timedelta(4))
            if step.ending == "upheld":
                approver.answer_objection(objection.id, "经网格员现场核实，垃圾已清理，异议成立", True,
                                          on=month + timedelta(5))

    def volunteers(self, rng: random.Random) -> None:
        clerk = _store(self._db, CLERK).volunteer_records
        for month in _months(self._today)[-3:]:
            for number in self._red[:6]:
                for _ in range(rng.randint(1, 4)):
                    on = month + timedelta(rng.randint(0, 27))
                    if on <= self._today:
                        clerk.add_participation(number, rng.choice(ACTIVITIES), on, rng.choice((2.0, 3.0, 4.0)))

    def consents(self) -> None:
        """The household of this month's first published red entry agreed in writing to be named (R31); the villager
        named on his or her own gave his or her own consent; last month's first red household consented, then
        withdrew (PIPL Art. 15)."""
        stores = _store(self._db, CLERK)
        entries, clerk = stores.list_entries, stores.naming_bases
        first = self._today.replace(day=1)
        red = [e for e in entries.entries(f"{first:%Y-%m}") if e.list_kind is ListKind.RED]
        for entry in [e for e in red if e.published_on and not e.villager_id][:1]:
            clerk.record_naming_basis(entry.household_no, "consent", "户主书面同意在红榜公开姓名（演示）",
                                      on=first, lists=(ListKind.RED,))
        for entry in [e for e in red if e.villager_id][:1]:
            clerk.record_naming_basis(entry.household_no, "consent", f"{entry.subject_name}本人书面同意在红榜公开姓名（演示）",
                                      on=first, lists=(ListKind.RED,), villager=entry.villager_id)
        last = (first - timedelta(days=1)).replace(day=1)
        for entry in [e for e in entries.entries(f"{last:%Y-%m}") if e.list_kind is ListKind.RED][:1]:
            basis = clerk.record_naming_basis(entry.household_no, "consent", "户主书面同意（演示）", on=last,
                                              lists=(ListKind.RED,))
            clerk.withdraw_naming_basis(basis.id, "户主书面撤回同意，原件存村委会（演示）",
                                        on=min(last + timedelta(20), date.today()))
