"""Demo: a year of the three disclosures on the demo village (one posted late, one never), and last month's
finance lines with their 合计 checked, as the accountant's export would give them."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.disclosures.calendar import DisclosureEvent, ProjectStep, Status
from models.disclosures.ports import DisclosureCalendar
from models.disclosures.finance import FinanceLine, FinanceSheet
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.demo import DemoOptions

CLERK = Actor("demo-clerk", "吴晓梅", Role.CLERK)
SUPERVISOR = Actor("demo-supervisor", "石秀英", Role.SUPERVISOR)  # the demo's jianwei (b10_installation)
INCOME = ("上级转移支付", "村集体林地承包费", "光伏电站收益", "农家乐场地租金")
EXPENSE = ("村道路灯维修", "保洁员工资", "办公用品", "饮水管网维护", "五保户慰问", "村务公开栏更新")


def build(db: Database, rng: random.Random, options: DemoOptions, today: date | None = None) -> None:
    day = today or date.today()
    if db.conn.execute("SELECT 1 FROM disclosure_publications LIMIT 1").fetchone():
        options.counts["disclosures"] = 0
        return
    stores, supervision = build_stores(db, CLERK), build_stores(db, SUPERVISOR)
    _events(stores.disclosures, day)
    # Everything of last year and this year is posted but the one missing: the calendar and the home screen show
    # last year's open items too, so an unposted 2025 item would read as missing (the demo keeps one of each).
    due = [(o, s) for year in (day.year - 1, day.year) for o, s in stores.disclosures.due(day, year)
           if s is Status.OVERDUE]
    finance = [o for o, _ in due if o.category == "财务收支"]
    late, missing = (finance[-3], finance[-2]) if len(finance) >= 3 else (None, None)
    posted = 0
    for obligation, _ in due:
        if obligation is missing:
            continue
        start = obligation.due + timedelta(days=6) if obligation is late else \
            obligation.opens + timedelta(days=min(rng.randint(1, 8), (obligation.due - obligation.opens).days))
        changed = stores.publications.record(obligation.kind, obligation.category, start,
                                             start + timedelta(days=14), posted_by=CLERK.name, period=obligation.period)
        if start + timedelta(days=3) <= day:  # R42: the supervision committee signs off once it has looked;
            supervision.publications.sign_off(changed.id, start + timedelta(days=rng.randint(1, 3)))  # the newest wait
        posted += 1
    options.counts["disclosures"] = posted
    options.counts["finance_lines"] = _finance(stores, rng, day)


def _events(calendar: DisclosureCalendar, day: date) -> None:
    """R41's event items: an approval and a road project's decision (posted below with the rest), and its progress
    two days ago, still 待公开."""
    road = "青石村村道硬化项目"
    events = (DisclosureEvent("需经政府批准的事项", f"德化乡人民政府关于{road}的批复", day - timedelta(days=75)),
              DisclosureEvent("时间较长的建设项目", road, day - timedelta(days=60), ProjectStep.DECISION),
              DisclosureEvent("时间较长的建设项目", road, day - timedelta(days=2), ProjectStep.PROGRESS))
    known = {item.category for item in calendar.catalogue()}  # a county's own catalogue may lack them
    for event in events:
        if event.category in known:
            calendar.record_event(event, day)


def _finance(stores: object, rng: random.Random, day: date) -> int:
    last = day.replace(day=1) - timedelta(days=1)
    lines = [FinanceLine(last.replace(day=rng.randint(1, last.day)), rng.choice(INCOME), rng.randint(50, 900) * 10000,
                         0) for _ in range(3)]
    lines += [FinanceLine(last.replace(day=rng.randint(1, last.day)), rng.choice(EXPENSE), 0,
                          rng.randint(300, 90000) * 10) for _ in range(9)]
    sheet = FinanceSheet(f"{last.year}-{last.month:02d}", tuple(sorted(lines, key=lambda line: line.on)))
    stores.finance_sheets.import_sheet(sheet)  # type: ignore[attr-defined]
    return len(sheet.lines)


