"""Demo: an adopted points scheme, a year of confirmed and pending entries, goods and redemptions (after the
registry, rules and minutes; its own generator, so other areas' demo data do not change)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.core.errors import DomainError
from models.lists.entries import Period
from models.points.goods import GoodsSource
from models.points.ledger import EntryDraft
from models.minutes.ports import MeetingStore, MeetingTypeStore
from models.points.scheme import ADOPTING_MEETINGS, adoption_problems
from storage.core.backend import build_stores
from storage.demo.b40_minutes import YEAR
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.points.scheme_files import TEMPLATE_FILE
from storage.points.sources import MinutesAdoptionMeetings

GOODS = (("洗衣液", 50, 40, GoodsSource.DONATION), ("食用油 5L", 120, 20, GoodsSource.PURCHASE),
         ("毛巾", 20, 60, GoodsSource.DONATION), ("电饭锅", 210, 5, GoodsSource.ALLOCATION),
         ("大米 10kg", 90, 30, GoodsSource.PURCHASE))
# The positive items most entries come from, then the occasional deduction (positive first, R38).
WEIGHTS = {"B01": 30, "B02": 15, "D01": 25, "E01": 15, "A01": 8, "C01": 3, "F01": 2, "B11": 6, "F11": 1}


def _actor(db: Database, username: str, role: Role) -> Actor | None:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = ?", (username,)).fetchone()
    return Actor(row[0], row[1], role) if row else None


def _adopting_meeting(meetings: MeetingStore, types: MeetingTypeStore) -> str | None:
    """The earliest villagers' or representatives' meeting record that passed an item about the scheme (R35: the
    minutes demo's January representatives' meeting, whose third item is 审议村积分制管理细则)."""
    adoption = MinutesAdoptionMeetings(meetings, types)
    found = [adoption.adoption_meeting(m.id) for m in meetings.list_meetings()
             if m.type_code in ADOPTING_MEETINGS and m.on.year >= YEAR]  # not the 2019 rules revision's meeting
    usable = sorted((m for m in found if not adoption_problems(m) and any(i.passed and i.about_points
                                                                          for i in m.items)), key=lambda m: m.on)
    return usable[0].id if usable else None


def build(db: Database, rng: random.Random, options: DemoOptions, today: date | None = None) -> None:
    clerk, approver = _actor(db, "wenshu", Role.CLERK), _actor(db, "shuji", Role.APPROVER)
    if clerk is None or approver is None or db.conn.execute("SELECT 1 FROM points_schemes").fetchone():
        options.counts["points_entries"] = 0
        return
    stores, checker = build_stores(db, clerk), build_stores(db, approver)
    meeting_id = _adopting_meeting(stores.meetings, stores.meeting_types)
    if meeting_id is None:
        options.counts["points_entries"] = 0
        return
    try:
        stores.points.scheme.import_file(TEMPLATE_FILE, meeting_id)
    except DomainError:  # no rules in force or no adopting meeting: the demo village has no points then
        options.counts["points_entries"] = 0
        return
    scheme = stores.points.scheme.current()
    assert scheme is not None
    numbers = [h.household_no for h in stores.points.tally.households()]
    end = min(today or date.today(), scheme.adopted_on + timedelta(days=365))
    entries = _entries(stores, checker, numbers, scheme.adopted_on, end, rng)
    _publish(stores, numbers, scheme.adopted_on, end)
    _supermarket(stores, numbers, end, rng)
    options.counts["points_entries"] = entries


def _entries(stores: object, checker: object, numbers: list[str], start: date, end: date,
             rng: random.Random) -> int:
    """Each household's slips in date order. A deduction is written only while the household's published points
    cover it (positive first, R38), so no household is left with less than nothing to spend (R39)."""
    codes, weights = list(WEIGHTS), list(WEIGHTS.values())
    ledger, confirming = stores.points.ledger, checker.points.ledger  # type: ignore[attr-defined]
    scheme = stores.points.scheme.current()  # type: ignore[attr-defined]
    published = _published_months(start, end)
    written = 0
    for number in numbers:
        slips = sorted((start + timedelta(days=rng.randint(0, (end - start).days)), rng.choices(codes, weights)[0])
                       for _ in range(rng.randint(6, 16)))
        spendable = 0  # what the household could spend once every publication has closed
        for day, code in slips:
            points = scheme.item(code).points
            if points < 0 and spendable + points < 0:
                continue  # the household has not earned enough published points for the deduction to be on them
            try:
                changed = ledger.add(EntryDraft(number, code, day))
            except DomainError:
                continue  # the item's cap for that month is reached: a clerk would not write this slip
            written += 1
            confirmed = (end - day).days > 20 or rng.random() < 0.3  # the last weeks' slips are still waiting
            if confirmed:
                confirming.confirm(changed.id)
            if points < 0 or (confirmed and date(day.year, day.month, 1) in published):
                spendable += points
    return written


def _published_months(start: date, end: date) -> list[date]:
    """The months (their first days) whose points are posted on the 3rd of the next month for five days, the
    window closing by `end` (R37)."""
    months, month = [], date(start.year, start.month, 1)
    while _next_month(month) + timedelta(days=2) + timedelta(days=5) <= end:
        months.append(month)
        month = _next_month(month)
    return months


def _publish(stores: object, numbers: list[str], start: date, end: date) -> None:
    """Each of `_published_months` posted on the 3rd of the next month for five days (R37); the first month's board
    had an objection about one household, answered within the window (it was not upheld)."""
    publications = stores.points.publications  # type: ignore[attr-defined]
    for index, month in enumerate(_published_months(start, end)):
        posted = _next_month(month) + timedelta(days=2)
        changed = publications.as_of(posted).publish(Period.parse(f"{month.year}-{month.month:02d}"), posted, 5)
        if index == 0 and numbers:
            raised = publications.object(changed.id, "村民代表", "本户的志愿服务次数记少了一次", numbers[0], posted)
            publications.answer(raised.id,
                                "经核对签到表，志愿服务记录无误，异议不成立。", False, posted + timedelta(days=2))


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _supermarket(stores: object, numbers: list[str], end: date, rng: random.Random) -> None:
    points = stores.points  # type: ignore[attr-defined]
    for name, price, stock, source in GOODS:
        points.goods.add_goods(name, price, stock, source)
    for number in rng.sample(numbers, min(len(numbers), max(3, len(numbers) // 4))):
        day = end - timedelta(days=rng.randint(0, 30))
        balance = points.tally.balance(number, day).redeemable
        affordable = [g for g in points.goods.goods_list() if g.price <= balance and g.stock > 0]
        if affordable:  # what the household can take with its published points; others save up
            points.redemptions.redeem(number, rng.choice(affordable).id, 1, day)
